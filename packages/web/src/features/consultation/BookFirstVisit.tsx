import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { useLocations } from '../locations/location-queries.ts';
import { BookingFlow } from '../scheduling/BookingFlow.tsx';

interface BookFirstVisitProps {
  patientId: string;
  homeLocationId: string;
  therapyName: string;
  /** The name of the service to choose, when Meridian books the therapy. */
  serviceName: string | null;
  /** The service to start the booking on (services.code). */
  serviceCode?: string | undefined;
  onClose: () => void;
  onBooked: (count: number) => void;
}

/**
 * The scheduling flow the front desk uses, here for the clinician: clinicians on the care team may
 * book for the patient (the server allows every service, not only the self-bookable ones).
 */
export function BookFirstVisit({
  patientId,
  homeLocationId,
  therapyName,
  serviceName,
  serviceCode,
  onClose,
  onBooked,
}: BookFirstVisitProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const locations = useLocations();
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" bg="gray.0">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
            Book the first visit: {therapyName}
          </Title>
          <Button variant="default" size="xs" onClick={onClose}>
            Close booking
          </Button>
        </Group>
        <Text size="sm">
          {serviceCode
            ? `The service “${serviceName ?? therapyName}” is chosen; pick a time.`
            : `Choose “${serviceName ?? therapyName}” as the service, then a time.`}{' '}
          Coverage is shown before the visit is booked.
        </Text>
        {locations.isPending ? (
          <LoadingState label="Loading the clinics" />
        ) : locations.isError ? (
          <ErrorState
            title="Could not load the clinics"
            error={locations.error}
            onRetry={() => void locations.refetch()}
          />
        ) : (
          <BookingFlow
            audience="desk"
            patientId={patientId}
            locations={locations.data}
            homeLocationId={homeLocationId}
            initialServiceCode={serviceCode}
            onBooked={onBooked}
          />
        )}
      </Stack>
    </Paper>
  );
}
