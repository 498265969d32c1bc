import { Button, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useId, useState } from 'react';
import type { Slot } from '../../api/types.ts';
import { formatDayLong, formatDayShort, formatTimeWithZone, groupByDay } from './schedule-dates.ts';

interface SlotPickerProps {
  slots: readonly Slot[];
  /** The location's zone: days and times are shown as they are there. */
  timeZone: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  /** The heading level of each day. */
  dayHeadingOrder?: TitleOrder;
  /** Show who each time is with (off when one practitioner was chosen). */
  showPractitioner?: boolean;
  /** Times shown per day before a "show all" button; all when undefined. */
  perDay?: number;
}

export function sameSlot(a: Slot | null, b: Slot): boolean {
  return a !== null && a.start === b.start && a.practitioner.id === b.practitioner.id;
}

/** Free times grouped by day, as buttons: usable with a keyboard, a mouse or a finger. */
export function SlotPicker({
  slots,
  timeZone,
  selected,
  onSelect,
  dayHeadingOrder = 3,
  showPractitioner = true,
  perDay,
}: SlotPickerProps) {
  const idBase = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <Stack gap="md">
      {groupByDay(slots, (s) => s.start, timeZone).map(({ day, items }) => {
        const headingId = `${idBase}-${day}`;
        const shown =
          perDay === undefined || expanded.has(day) || items.length <= perDay
            ? items
            : items.slice(0, perDay);
        return (
          <Stack key={day} gap="xs" role="group" aria-labelledby={headingId}>
            <Title order={dayHeadingOrder} size="h5" id={headingId}>
              {formatDayLong(day)}
            </Title>
            <Group gap="xs">
              {shown.map((slot) => {
                const isSelected = sameSlot(selected, slot);
                return (
                  <Button
                    key={`${slot.start}-${slot.practitioner.id}`}
                    variant={isSelected ? 'filled' : 'default'}
                    aria-pressed={isSelected}
                    onClick={() => onSelect(slot)}
                    h="auto"
                    py={6}
                  >
                    {/* Each day is a group named by its heading, so the button needs only the time and who. */}
                    <span style={{ display: 'block', textAlign: 'center' }}>
                      <Text component="span" size="sm" fw={600}>
                        {formatTimeWithZone(slot.start, timeZone)}
                      </Text>
                      {showPractitioner && (
                        <>
                          <br />
                          <Text component="span" size="xs">
                            {slot.practitioner.name}
                          </Text>
                        </>
                      )}
                      {slot.placesLeft !== undefined && (
                        <>
                          <br />
                          <Text component="span" size="xs">
                            {slot.placesLeft} {slot.placesLeft === 1 ? 'place' : 'places'} left
                          </Text>
                        </>
                      )}
                    </span>
                  </Button>
                );
              })}
            </Group>
            {perDay !== undefined && items.length > perDay && (
              <div>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-expanded={expanded.has(day)}
                  onClick={() =>
                    setExpanded((current) => {
                      const next = new Set(current);
                      if (next.has(day)) next.delete(day);
                      else next.add(day);
                      return next;
                    })
                  }
                >
                  {expanded.has(day)
                    ? `Show fewer times on ${formatDayShort(day)}`
                    : `Show all ${items.length} times on ${formatDayShort(day)}`}
                </Button>
              </div>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
