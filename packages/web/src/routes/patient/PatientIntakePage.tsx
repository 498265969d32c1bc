import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { IntakePanel } from '../../features/intake/IntakePanel.tsx';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';

export function PatientIntakePage() {
  const me = useCurrentUser();
  const record = usePatientRecord(me.patientId);
  return (
    <Stack gap="lg">
      <PageTitle>Your health questionnaire</PageTitle>
      <ClinicalNotice />
      <Text>
        Tell your care team about yourself before your first consultation: why you come, what you take, and
        how you are in body, mind and daily life. Answer what you can; only the questions marked as needed
        must be answered before you send.{' '}
        <Anchor component={Link} to="/patient">
          Back to your portal
        </Anchor>
      </Text>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic.</Text>
      ) : record.isPending ? (
        <LoadingState label="Loading your record" />
      ) : record.isError ? (
        <ErrorState
          title="Could not load your record"
          error={record.error}
          onRetry={() => void record.refetch()}
        />
      ) : (
        <IntakePanel patientId={me.patientId} timeZone={record.data.patient.location.timeZone} />
      )}
    </Stack>
  );
}
