import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { MyPlan } from '../../features/care-plan/MyPlan.tsx';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';

export function PatientPlanPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageTitle>My plan</PageTitle>
      <ClinicalNotice />
      <Text>
        What you and your care team agreed: your goals, your therapies, what to do yourself, and reading for
        you.{' '}
        <Anchor component={Link} to="/patient">
          Back to your portal
        </Anchor>
      </Text>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic.</Text>
      ) : (
        <MyPlan patientId={me.patientId} />
      )}
    </Stack>
  );
}
