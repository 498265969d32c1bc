import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { DiaryPanel } from '../../features/diary/DiaryPanel.tsx';

export function PatientDiaryPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageTitle>Pain diary</PageTitle>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic.</Text>
      ) : (
        <DiaryPanel patientId={me.patientId} />
      )}
      <Text size="sm">
        Your care team sees your diary.{' '}
        <Anchor component={Link} to="/patient/progress">
          See my progress
        </Anchor>
      </Text>
      {/* At the end: a day's entry should be the first thing on a phone's screen. */}
      <ClinicalNotice />
    </Stack>
  );
}
