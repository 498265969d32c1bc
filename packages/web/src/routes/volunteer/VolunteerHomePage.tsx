import { Stack, Text, Title } from '@mantine/core';
import { VolunteerVisitRecorder } from '../../features/bedside/VolunteerVisitRecorder.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { VisitTable } from '../../features/visits/VisitTable.tsx';
import { useVolunteerVisits } from '../../features/visits/visit-queries.ts';

export function VolunteerHomePage() {
  const visits = useVolunteerVisits();
  return (
    <Stack gap="lg">
      <PageTitle>Volunteer rounds</PageTitle>
      <Text>Your bedside visits. Times are shown in each location's own time zone.</Text>
      {visits.isPending ? (
        <LoadingState label="Loading your visits" />
      ) : visits.isError ? (
        <ErrorState
          title="Could not load your visits"
          error={visits.error}
          onRetry={() => void visits.refetch()}
        />
      ) : (
        <>
          <VolunteerVisitRecorder visits={visits.data} />
          <Title order={2}>All your visits</Title>
          <VisitTable visits={visits.data} />
        </>
      )}
    </Stack>
  );
}
