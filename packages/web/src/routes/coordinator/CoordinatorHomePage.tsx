import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { LocationClocks } from '../../features/locations/LocationClocks.tsx';
import { useLocations } from '../../features/locations/location-queries.ts';
import { PatientList } from '../../features/patients/PatientList.tsx';

export function CoordinatorHomePage() {
  const locations = useLocations();
  return (
    <Stack gap="xl">
      <PageTitle>Coordinator desk</PageTitle>
      <Group gap="md">
        <Text>Bookings by day or week, with moves and cancellations:</Text>
        <Button component={Link} to="/coordinator/calendar">
          Open the calendar
        </Button>
      </Group>
      <Stack gap="md" component="section" aria-labelledby="locations-heading">
        <Title order={2} id="locations-heading">
          Locations and local time
        </Title>
        {locations.isPending ? (
          <LoadingState label="Loading locations" />
        ) : locations.isError ? (
          <ErrorState
            title="Could not load locations"
            error={locations.error}
            onRetry={() => void locations.refetch()}
          />
        ) : (
          <LocationClocks locations={locations.data} />
        )}
      </Stack>
      <Stack gap="md" component="section" aria-labelledby="patients-heading">
        <Title order={2} id="patients-heading">
          Patients
        </Title>
        <PatientList caption="All patients (demographics)" />
      </Stack>
    </Stack>
  );
}
