import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { BedsideOrdersSection } from '../../features/bedside/BedsideOrdersSection.tsx';
import { ClinicianPlan } from '../../features/care-plan-clinician/ClinicianPlan.tsx';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { ConsultationPanel } from '../../features/consultation/ConsultationPanel.tsx';
import { BreakGlassBanner } from '../../features/patients/BreakGlassBanner.tsx';
import { BreakGlassForm } from '../../features/patients/BreakGlassForm.tsx';
import { PatientDetailView } from '../../features/patients/PatientDetailView.tsx';
import { formatPatientName } from '../../features/patients/patient-format.ts';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';
import { ProgressSection } from '../../features/progress-clinician/ProgressSection.tsx';
import { ClinicianRegimenSafety } from '../../features/regimen/ClinicianRegimenSafety.tsx';
import { ClinicianWaitlist } from '../../features/waitlist/ClinicianWaitlist.tsx';

function BackLink() {
  return (
    <Anchor component={Link} to="/clinician" size="sm">
      ← Back to your patients
    </Anchor>
  );
}

export function ClinicianPatientPage() {
  const { patientId = '' } = useParams();
  const record = usePatientRecord(patientId);

  if (record.isPending) {
    return (
      <Stack gap="lg">
        <BackLink />
        <PageTitle>Patient record</PageTitle>
        <LoadingState label="Loading patient record" />
      </Stack>
    );
  }

  if (record.isError) {
    // The server answers 404 both for a missing patient and for one outside the
    // care team, so the page never claims to know which.
    const notFound = isApiError(record.error, 404) ? record.error : null;
    const mayBreakGlass = notFound?.details.breakGlassAllowed === true;
    return (
      <Stack gap="lg">
        <BackLink />
        <PageTitle>{notFound ? 'Patient record' : 'Patient record unavailable'}</PageTitle>
        <ClinicalNotice />
        {notFound ? (
          <>
            <Alert color="gray" variant="outline" title="Not found or not on your care team" role="status">
              <Text size="sm">
                Check the patient ID.
                {mayBreakGlass &&
                  ' If this patient needs emergency care and is not on your care team, you may request emergency access below.'}
              </Text>
            </Alert>
            {mayBreakGlass && <BreakGlassForm patientId={patientId} />}
          </>
        ) : (
          <ErrorState
            title="Could not load the patient record"
            error={record.error}
            onRetry={() => void record.refetch()}
          />
        )}
      </Stack>
    );
  }

  const { patient, access } = record.data;
  return (
    <Stack gap="lg">
      <BackLink />
      <BreakGlassBanner access={access} timeZone={patient.location.timeZone} />
      <PageTitle>{formatPatientName(patient.name)}</PageTitle>
      <ClinicalNotice />
      <PatientDetailView patient={patient} />
      <ConsultationPanel patientId={patient.id} timeZone={patient.location.timeZone} />
      <ClinicianRegimenSafety patientId={patient.id} timeZone={patient.location.timeZone} />
      <ClinicianPlan patientId={patient.id} timeZone={patient.location.timeZone} />
      <ProgressSection patientId={patient.id} />
      <BedsideOrdersSection patientId={patient.id} location={patient.location} />
      <ClinicianWaitlist patientId={patient.id} location={patient.location} />
    </Stack>
  );
}
