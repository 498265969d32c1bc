import { Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { CalendarAppointment } from '../../api/types.ts';
import { formatDayInZone, formatTimeRangeInZone } from '../time/format.ts';
import { CancelVisitButton } from './CancelVisitButton.tsx';
import { CoverageNote } from './CoverageNote.tsx';
import { MoveVisit } from './MoveVisit.tsx';
import { isChangeable } from './schedule-format.ts';

interface AppointmentPanelProps {
  visit: CalendarAppointment | null;
  onClose: () => void;
  /** After a move or a cancellation: what happened, in a sentence. */
  onChanged: (message: string) => void;
  /** Called once the panel has finished closing (to place focus when the booking's button is gone). */
  onClosed?: () => void;
}

function hasPatient(visit: CalendarAppointment): visit is CalendarAppointment & { patient: { id: string } } {
  return visit.patient.id !== null;
}

/** One booking's details and the desk's actions on it (move, cancel), in a side panel. */
export function AppointmentPanel({ visit, onClose, onChanged, onClosed }: AppointmentPanelProps) {
  return (
    // Built from parts so the title bar is a plain div (no second banner landmark) and the close button has a name.
    <Drawer.Root
      opened={visit !== null}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      position="right"
      size="lg"
    >
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title>{visit ? `${visit.patient.name}: ${visit.service.name}` : 'Booking'}</Drawer.Title>
          <Drawer.CloseButton aria-label="Close the booking panel" />
        </Drawer.Header>
        <Drawer.Body>{visit && <PanelBody key={visit.id} visit={visit} onChanged={onChanged} />}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text size="sm" fw={700} miw={110}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

function PanelBody({
  visit,
  onChanged,
}: {
  visit: CalendarAppointment;
  onChanged: (message: string) => void;
}) {
  const [moving, setMoving] = useState(false);
  const zone = visit.location.timeZone;
  const changeable = isChangeable(visit, new Date());
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Detail label="Patient">
          {visit.patient.name}
          {visit.patient.mrn ? ` (${visit.patient.mrn})` : ''}
        </Detail>
        <Detail label="When">
          <time dateTime={visit.start}>
            {formatDayInZone(visit.start, zone)}, {formatTimeRangeInZone(visit.start, visit.end, zone)}
          </time>
        </Detail>
        <Detail label="Service">
          {visit.service.name}
          {visit.groupClass ? ' (group class)' : ''}
          {visit.seriesId ? ' · part of a series' : ''}
        </Detail>
        <Detail label="Practitioner">{visit.practitioner.name}</Detail>
        <Detail label="Room">
          {visit.room ?? (visit.setting === 'telehealth' ? 'Video visit' : 'None')}
        </Detail>
        <Detail label="Location">{visit.location.name}</Detail>
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h4">
          Coverage
        </Title>
        <CoverageNote coverage={visit.coverage} />
      </Stack>
      {!hasPatient(visit) ? (
        <Text size="sm">This booking is not on your list, so it cannot be changed here.</Text>
      ) : !changeable ? (
        <Text size="sm">This visit has started or is over; it can no longer be moved or cancelled.</Text>
      ) : moving ? (
        <MoveVisit visit={visit} onMoved={onChanged} onClose={() => setMoving(false)} />
      ) : (
        <Stack gap="xs">
          <Title order={3} size="h4">
            Actions
          </Title>
          {visit.groupClass && (
            <Text size="sm">
              A place in a group class is moved by cancelling it and booking another session.
            </Text>
          )}
          <Group gap="sm">
            {!visit.groupClass && <Button onClick={() => setMoving(true)}>Move</Button>}
            <CancelVisitButton
              patientId={visit.patient.id}
              visit={visit}
              audience="staff"
              onCancelled={(v, late) =>
                onChanged(
                  `${visit.patient.name}’s ${v.service.name} on ${formatDayInZone(v.start, zone)} is cancelled${
                    late ? ' (late cancellation)' : ''
                  }.`,
                )
              }
            />
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
