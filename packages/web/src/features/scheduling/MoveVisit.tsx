import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import type { CalendarAppointment, Slot } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { SlotPicker } from './SlotPicker.tsx';
import { addDays, dayInZone, isCalendarDay, zoneLabel } from './schedule-dates.ts';
import { durationMinutes } from './schedule-format.ts';
import { useRescheduleVisit, useSlots } from './scheduling-queries.ts';

/** Days of free times shown at once when moving a visit. */
const moveSearchDays = 7;

interface MoveVisitProps {
  visit: CalendarAppointment & { patient: { id: string } };
  onMoved: (message: string) => void;
  onClose: () => void;
}

/**
 * Moves a visit to another free time with the same practitioner. Each time is a button, so the
 * whole path works from the keyboard.
 */
export function MoveVisit({ visit, onMoved, onClose }: MoveVisitProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const zone = visit.location.timeZone;
  const today = dayInZone(new Date(), zone);
  const visitDay = dayInZone(visit.start, zone);
  const [from, setFrom] = useState(visitDay < today ? today : visitDay);
  const [selected, setSelected] = useState<Slot | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const move = useRescheduleVisit();
  const slots = useSlots(
    isCalendarDay(from)
      ? {
          serviceId: visit.service.id,
          locationId: visit.location.id,
          practitionerId: visit.practitioner.id,
          patientId: visit.patient.id,
          moving: visit.id,
          from,
          to: addDays(from, moveSearchDays - 1),
          durationMinutes: durationMinutes(visit),
          setting: visit.setting,
          limit: 200,
        }
      : null,
  );

  useEffect(() => headingRef.current?.focus(), []);

  function confirm() {
    if (!selected) return;
    setConflict(null);
    move.mutate(
      { patientId: visit.patient.id, attendanceId: visit.id, start: selected.start },
      {
        onSuccess: (moved) =>
          onMoved(
            `${visit.patient.name}’s ${visit.service.name} moved to ${formatInstantInZone(moved.start, zone, {
              withDate: true,
            })}.`,
          ),
        onError: (error) => {
          if (isApiError(error, 409)) {
            setConflict(error.message);
            setSelected(null);
          }
        },
      },
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
        Move to another time
      </Title>
      <Text size="sm">
        Free times with {visit.practitioner.name} for {visit.service.name} ({durationMinutes(visit)} minutes),
        in clinic time, {zoneLabel(zone)}. Times that clash with the patient’s other visits are left out.
      </Text>
      <TextInput
        type="date"
        label="Show free times from"
        description={`${moveSearchDays} days from this date`}
        value={from}
        min={today}
        onChange={(event) => {
          setFrom(event.currentTarget.value);
          setSelected(null);
        }}
        maw={260}
      />
      {conflict && (
        <Alert color="red" title="That time is no longer free" role="alert">
          {conflict} The free times below have been refreshed.
        </Alert>
      )}
      {move.isError && !isApiError(move.error, 409) && (
        <Alert color="red" title="The visit was not moved" role="alert">
          {errorMessage(move.error)}
        </Alert>
      )}
      {!isCalendarDay(from) ? (
        <Text size="sm">Choose a date to see free times.</Text>
      ) : slots.isPending ? (
        <LoadingState label="Finding free times" />
      ) : slots.isError ? (
        <ErrorState
          title="Could not find free times"
          error={slots.error}
          onRetry={() => void slots.refetch()}
        />
      ) : slots.data.slots.length === 0 ? (
        <Text size="sm">No free times in these {moveSearchDays} days. Try a later date.</Text>
      ) : (
        <SlotPicker
          slots={slots.data.slots}
          timeZone={zone}
          selected={selected}
          onSelect={setSelected}
          dayHeadingOrder={4}
          showPractitioner={false}
        />
      )}
      {/* Kept in view at the foot of the panel while the list of times scrolls. */}
      <Group
        gap="sm"
        py="sm"
        style={{
          position: 'sticky',
          bottom: 0,
          background: 'var(--mantine-color-body)',
          borderTop: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <Button onClick={confirm} disabled={!selected} loading={move.isPending}>
          {selected
            ? `Move to ${formatInstantInZone(selected.start, zone, { withDate: true })}`
            : 'Choose a new time'}
        </Button>
        <Button variant="default" onClick={onClose} disabled={move.isPending}>
          Keep the current time
        </Button>
      </Group>
    </Stack>
  );
}
