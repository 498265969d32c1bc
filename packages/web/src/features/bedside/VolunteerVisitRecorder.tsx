import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { NewBedsideSession, Visit } from '../../api/types.ts';
import { formatDayInZone, formatTimeRangeInZone } from '../time/format.ts';
import { useNow } from '../time/use-now.ts';
import { formatBedPlace, sessionSummary, visitsToRecord } from './bedside-format.ts';
import { useRecordVolunteerSession } from './bedside-queries.ts';
import { VisitForm } from './VisitForm.tsx';

function visitMinutes(visit: Visit): number | undefined {
  const minutes = Math.round((Date.parse(visit.endsAt) - Date.parse(visit.startsAt)) / 60_000);
  return Number.isFinite(minutes) && minutes >= 1 ? minutes : undefined;
}

function VisitCard({ visit, onSaved }: { visit: Visit; onSaved: (message: string) => void }) {
  const titleId = useId();
  const record = useRecordVolunteerSession();
  const [recording, setRecording] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const zone = visit.location.timeZone;

  function save(session: NewBedsideSession) {
    record.mutate(
      { assignmentId: visit.id, session },
      {
        onSuccess: () =>
          onSaved(`Saved your visit to ${visit.patient.displayName}: ${sessionSummary(session)}.`),
      },
    );
  }

  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {visit.patient.displayName} · {formatBedPlace(visit)}
        </Title>
        <Text size="sm">
          {visit.service}, {formatDayInZone(visit.startsAt, zone)},{' '}
          <time dateTime={visit.startsAt}>{formatTimeRangeInZone(visit.startsAt, visit.endsAt, zone)}</time>
        </Text>
        {recording ? (
          <Paper withBorder p="sm" bg="gray.0">
            <VisitForm
              title={`Record your visit to ${visit.patient.displayName}`}
              withCompletion={false}
              defaultMinutes={visitMinutes(visit)}
              pending={record.isPending}
              error={record.isError ? record.error : null}
              onSubmit={save}
              onCancel={() => {
                setRecording(false);
                record.reset();
                requestAnimationFrame(() => button.current?.focus());
              }}
            />
          </Paper>
        ) : (
          <Button
            ref={button}
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setRecording(true)}
          >
            Record visit
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The volunteer's visits from today and before, each with comfort scores to record. */
export function VolunteerVisitRecorder({ visits }: { visits: Visit[] }) {
  const headingId = useId();
  const now = useNow(60_000);
  const [saved, setSaved] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  // A recorded visit leaves the list with its form; the confirmation takes the focus instead.
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);
  const due = visitsToRecord(visits, now);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        Record a visit
      </Title>
      <Text size="sm" c="dimmed">
        After each hand massage, record how the patient rated their pain and anxiety before and after. Visits
        can be recorded from their day onward.
      </Text>
      <div ref={statusRef} tabIndex={-1} role="status">
        {saved && (
          <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-teal-9)' }}>
            <Text fw={700}>Visit saved</Text>
            <Text size="sm">{saved}</Text>
          </Paper>
        )}
      </div>
      {due.length === 0 ? (
        <Text>No visits to record today.</Text>
      ) : (
        due.map((visit) => <VisitCard key={visit.id} visit={visit} onSaved={setSaved} />)
      )}
    </Stack>
  );
}
