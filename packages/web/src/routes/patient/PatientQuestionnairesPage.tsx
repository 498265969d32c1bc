import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';
import { QuestionnaireList } from '../../features/questionnaires/QuestionnaireList.tsx';

export function PatientQuestionnairesPage() {
  const me = useCurrentUser();
  const record = usePatientRecord(me.patientId);
  return (
    <Stack gap="lg">
      <PageTitle>Questionnaires</PageTitle>
      <ClinicalNotice />
      <Text>
        Short questionnaires your care team uses to follow how you are doing.{' '}
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
        <QuestionnaireList patientId={me.patientId} timeZone={record.data.patient.location.timeZone} />
      )}
    </Stack>
  );
}
