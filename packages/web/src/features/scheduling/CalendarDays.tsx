import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import type { CalendarAppointment } from '../../api/types.ts';
import { formatTimeRangeInZone } from '../time/format.ts';
import { CoverageBadge } from './CoverageBadge.tsx';
import { daysBetween, formatDayLong, groupByDay } from './schedule-dates.ts';

interface CalendarDaysProps {
  appointments: readonly CalendarAppointment[];
  from: string;
  to: string;
  timeZone: string;
  selectedId: string | null;
  onSelect: (appointment: CalendarAppointment) => void;
}

/** The bookings of each day in the range, in time order; each one opens its panel. */
export function CalendarDays({ appointments, from, to, timeZone, selectedId, onSelect }: CalendarDaysProps) {
  const idBase = useId();
  const byDay = new Map(groupByDay(appointments, (a) => a.start, timeZone).map((g) => [g.day, g.items]));
  return (
    <Stack gap="md">
      {daysBetween(from, to).map((day) => {
        const items = byDay.get(day) ?? [];
        const headingId = `${idBase}-${day}`;
        return (
          <Stack key={day} gap="xs" component="section" aria-labelledby={headingId}>
            <Title order={3} size="h5" id={headingId}>
              {formatDayLong(day)}
            </Title>
            {items.length === 0 ? (
              <Text size="sm">No bookings.</Text>
            ) : (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((a) => (
                  <li key={a.id}>
                    <AppointmentButton
                      appointment={a}
                      timeZone={timeZone}
                      selected={a.id === selectedId}
                      onSelect={onSelect}
                    />
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function AppointmentButton({
  appointment: a,
  timeZone,
  selected,
  onSelect,
}: {
  appointment: CalendarAppointment;
  timeZone: string;
  selected: boolean;
  onSelect: (appointment: CalendarAppointment) => void;
}) {
  return (
    <UnstyledButton
      onClick={() => onSelect(a)}
      p="xs"
      w="100%"
      aria-haspopup="dialog"
      style={{
        display: 'block',
        textAlign: 'start',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-sm)',
        borderLeft: `4px solid ${selected ? 'var(--mantine-color-blue-9)' : 'var(--mantine-color-gray-5)'}`,
      }}
    >
      <Group component="span" gap="xs" justify="space-between" wrap="wrap">
        <Text component="span" size="sm" fw={700}>
          {formatTimeRangeInZone(a.start, a.end, timeZone)}
        </Text>
        <Group component="span" gap={4}>
          <CoverageBadge coverage={a.coverage} />
          {a.groupClass && (
            <Badge variant="outline" color="gray.8" radius="sm">
              Group class
            </Badge>
          )}
        </Group>
      </Group>
      <Text component="span" size="sm" display="block">
        {a.patient.name}
        {a.patient.mrn ? ` (${a.patient.mrn})` : ''} · {a.service.name}
      </Text>
      <Text component="span" size="sm" display="block">
        {a.practitioner.name}
        {a.room ? ` · ${a.room}` : ''}
      </Text>
    </UnstyledButton>
  );
}
