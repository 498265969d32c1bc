import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { TrackingShortcuts } from '../../features/diary/TrackingShortcuts.tsx';
import { CareShortcuts } from '../../features/intake/CareShortcuts.tsx';
import { PatientDetailView } from '../../features/patients/PatientDetailView.tsx';
import { formatPatientName } from '../../features/patients/patient-format.ts';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';
import { PatientRegimen } from '../../features/regimen/PatientRegimen.tsx';
import { UpcomingVisits } from '../../features/scheduling/UpcomingVisits.tsx';
import { PatientOffers } from '../../features/waitlist/PatientOffers.tsx';

export function PatientHomePage() {
  const me = useCurrentUser();
  const record = usePatientRecord(me.patientId);
  // Set by the booking page: how many visits were just booked. Read once, then cleared from the
  // history entry so a reload or a later "back" does not announce the booking again.
  const location = useLocation();
  const navigate = useNavigate();
  const [booked] = useState(() => (location.state as { booked?: number } | null)?.booked);
  useEffect(() => {
    if (location.state !== null) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);

  return (
    <Stack gap="lg">
      <PageTitle>Patient portal</PageTitle>
      <ClinicalNotice />
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
        <Stack gap="md">
          <Title order={2}>Welcome, {formatPatientName(record.data.patient.name)}</Title>
          <PatientOffers patientId={record.data.patient.id} />
          <CareShortcuts
            patientId={record.data.patient.id}
            timeZone={record.data.patient.location.timeZone}
          />
          <TrackingShortcuts patientId={record.data.patient.id} />
          <UpcomingVisits patientId={record.data.patient.id} justBooked={booked} />
          <PatientDetailView patient={record.data.patient} />
          <PatientRegimen patientId={record.data.patient.id} />
        </Stack>
      )}
    </Stack>
  );
}
