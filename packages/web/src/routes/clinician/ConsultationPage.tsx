import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { ConsultationWorkspace } from '../../features/consultation/ConsultationWorkspace.tsx';
import { useWorkspace } from '../../features/consultation/consultation-queries.ts';
import { formatPatientName } from '../../features/patients/patient-format.ts';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';

/** The consultation workspace: `/clinician/patients/:patientId/consultation/:consultationId`. */
export function ConsultationPage() {
  const { patientId = '', consultationId = '' } = useParams();
  const record = usePatientRecord(patientId);
  const workspace = useWorkspace(patientId, consultationId);
  const back = (
    <Anchor component={Link} to={`/clinician/patients/${encodeURIComponent(patientId)}`} size="sm">
      ← Back to the patient record
    </Anchor>
  );

  if (record.isPending || workspace.isPending) {
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>Consultation</PageTitle>
        <ClinicalNotice />
        <LoadingState label="Loading the consultation" />
      </Stack>
    );
  }
  if (record.isError || workspace.isError) {
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>Consultation unavailable</PageTitle>
        <ClinicalNotice />
        <ErrorState
          title="Could not load the consultation"
          error={record.error ?? workspace.error}
          onRetry={() => {
            void record.refetch();
            void workspace.refetch();
          }}
        />
      </Stack>
    );
  }

  const { patient } = record.data;
  return (
    <Stack gap="lg">
      {back}
      <PageTitle>{`Consultation: ${formatPatientName(patient.name)}`}</PageTitle>
      <ClinicalNotice />
      <ConsultationWorkspace key={consultationId} patient={patient} workspace={workspace.data} />
    </Stack>
  );
}
