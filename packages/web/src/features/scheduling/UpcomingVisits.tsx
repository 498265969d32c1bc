import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatDayInZone, formatTimeRangeInZone } from '../time/format.ts';
import { CancelVisitButton } from './CancelVisitButton.tsx';
import { CoverageNote } from './CoverageNote.tsx';
import { Notice } from './Notice.tsx';
import { isChangeable, upcomingVisits } from './schedule-format.ts';
import { usePatientAppointments } from './scheduling-queries.ts';

interface UpcomingVisitsProps {
  patientId: string;
  /** Set right after booking: how many visits were just booked. */
  justBooked?: number | undefined;
}

/** The portal's list of booked visits that are still to come, each with a way to cancel. */
export function UpcomingVisits({ patientId, justBooked }: UpcomingVisitsProps) {
  const headingId = useId();
  const appointments = usePatientAppointments(patientId);
  const [cancelled, setCancelled] = useState<{ text: string; late: boolean } | null>(null);
  const now = new Date();

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id={headingId}>
            Upcoming visits
          </Title>
          <Button component={Link} to="/patient/book">
            Book a visit
          </Button>
        </Group>
        {justBooked !== undefined && justBooked > 0 && (
          <Notice tone="success" title="Booked" role="status">
            {justBooked === 1
              ? 'Your visit is booked. It is listed below.'
              : `Your ${justBooked} visits are booked. They are listed below.`}
          </Notice>
        )}
        {cancelled && (
          <Notice tone={cancelled.late ? 'warning' : 'success'} title="Visit cancelled" role="status">
            {cancelled.text}
            {cancelled.late && ' It was inside the notice period, so it is recorded as a late cancellation.'}
          </Notice>
        )}
        {appointments.isPending ? (
          <LoadingState label="Loading your visits" />
        ) : appointments.isError ? (
          <ErrorState
            title="Could not load your visits"
            error={appointments.error}
            onRetry={() => void appointments.refetch()}
          />
        ) : (
          <VisitList
            patientId={patientId}
            visits={upcomingVisits(appointments.data, now)}
            now={now}
            onCancelled={(visit, late) =>
              setCancelled({
                text: `${visit.service.name} on ${formatDayInZone(visit.start, visit.location.timeZone)} is cancelled.`,
                late,
              })
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

function VisitList({
  patientId,
  visits,
  now,
  onCancelled,
}: {
  patientId: string;
  visits: Appointment[];
  now: Date;
  onCancelled: (visit: Appointment, late: boolean) => void;
}) {
  if (visits.length === 0) {
    return <Text>You have no upcoming visits. Use “Book a visit” to find a time.</Text>;
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {visits.map((visit) => (
        <Paper component="li" key={visit.id} withBorder p="sm">
          <Stack gap={4}>
            <Text fw={700}>
              {visit.service.name}
              {visit.groupClass ? ' (group class)' : ''}
            </Text>
            <Text>
              <time dateTime={visit.start}>
                {formatDayInZone(visit.start, visit.location.timeZone)},{' '}
                {formatTimeRangeInZone(visit.start, visit.end, visit.location.timeZone)}
              </time>
            </Text>
            <Text size="sm">
              With {visit.practitioner.name} at {visit.location.name}
              {visit.room ? `, ${visit.room}` : ''}
              {visit.setting === 'telehealth' ? ' (video visit)' : ''}
            </Text>
            <CoverageNote coverage={visit.coverage} compact />
            {isChangeable(visit, now) && (
              <Group mt={4}>
                <Button
                  component="a"
                  variant="default"
                  size="xs"
                  href={`/api/patients/${encodeURIComponent(patientId)}/appointments/${encodeURIComponent(visit.id)}/calendar.ics`}
                  download
                  aria-label={`Add to calendar: ${visit.service.name}, ${formatDayInZone(visit.start, visit.location.timeZone)}`}
                >
                  Add to calendar
                </Button>
                <CancelVisitButton
                  patientId={patientId}
                  visit={visit}
                  audience="patient"
                  onCancelled={onCancelled}
                />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
