import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { useLocations } from '../../features/locations/location-queries.ts';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';
import { BookingFlow } from '../../features/scheduling/BookingFlow.tsx';

/** What the portal home shows after a booking (router state). */
export interface BookedState {
  booked: number;
}

export function PatientBookingPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const record = usePatientRecord(me.patientId);
  const locations = useLocations();

  return (
    <Stack gap="lg">
      <PageTitle>Book a visit</PageTitle>
      <Text>
        Find a time that suits you, see what your plan covers, and book one visit or a weekly series.{' '}
        <Anchor component={Link} to="/patient">
          Back to your portal
        </Anchor>
      </Text>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic to book.</Text>
      ) : locations.isPending || record.isPending ? (
        <LoadingState label="Loading the clinics" />
      ) : locations.isError ? (
        <ErrorState
          title="Could not load the clinics"
          error={locations.error}
          onRetry={() => void locations.refetch()}
        />
      ) : (
        <BookingFlow
          patientId={me.patientId}
          locations={locations.data}
          homeLocationId={record.data?.patient.location.id ?? null}
          onBooked={(count) => {
            const state: BookedState = { booked: count };
            void navigate('/patient', { state });
          }}
        />
      )}
    </Stack>
  );
}
