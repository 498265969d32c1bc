import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { PatientProgress } from '../../features/my-progress/PatientProgress.tsx';

export function PatientProgressPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageTitle>My progress</PageTitle>
      <ClinicalNotice />
      <Text>
        Your diary, sessions and questionnaires over time.{' '}
        <Anchor component={Link} to="/patient/diary">
          Write today’s diary
        </Anchor>
      </Text>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic.</Text>
      ) : (
        <PatientProgress patientId={me.patientId} />
      )}
    </Stack>
  );
}
