import {
  Alert,
  Button,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { Location } from '../../api/types.ts';
import { Notice } from '../scheduling/Notice.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { useAddTimeOff, useStoredWorkingHours } from './admin-config-queries.ts';
import {
  bookedVisitsText,
  type PractitionerRow,
  type TimeOffDraft,
  type TimeOffDraftErrors,
  toNewTimeOff,
  validateTimeOff,
} from './practitioner-format.ts';

/** One choice per zone, named by the locations in it. */
function zoneOptions(locations: Location[]) {
  const zones = new Map<string, string[]>();
  for (const l of locations) zones.set(l.timeZone, [...(zones.get(l.timeZone) ?? []), l.city || l.name]);
  return [...zones.entries()].map(([zone, places]) => ({
    value: zone,
    label: `${places.join(', ')} time (${zone})`,
  }));
}

/** Time off for a practitioner; says how many booked visits then need moving. */
export function TimeOffForm({ person, locations }: { person: PractitionerRow; locations: Location[] }) {
  const headingId = useId();
  const add = useAddTimeOff();
  const stored = useStoredWorkingHours(person.id);
  const home = locations.find((l) => l.id === person.locationIds[0]) ?? locations[0];
  const [draft, setDraft] = useState<TimeOffDraft>({
    starts: '',
    ends: '',
    timeZone: home?.timeZone ?? '',
    reason: '',
  });
  const [errors, setErrors] = useState<TimeOffDraftErrors>({});
  const [result, setResult] = useState<{ toMove: number; when: string } | null>(null);

  function set<K extends keyof TimeOffDraft>(key: K, value: TimeOffDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setResult(null);
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateTimeOff(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const timeOff = toNewTimeOff(draft);
    const zone = draft.timeZone;
    add.mutate(
      { userId: person.id, timeOff },
      {
        onSuccess: (saved) => {
          setResult({
            toMove: saved.bookedVisitsToMove,
            when: `${formatInstantInZone(timeOff.startsAt, zone, { withDate: true })} to ${formatInstantInZone(timeOff.endsAt, zone, { withDate: true })}`,
          });
          setDraft((current) => ({ ...current, starts: '', ends: '', reason: '' }));
        },
      },
    );
  }

  const upcoming = stored.data?.timeOff ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            Time off
          </Title>
          <Text size="sm">
            {person.name} is not offered for bookings during time off. Visits already booked stay booked until
            the front desk moves them.
          </Text>
          {result && (
            <Notice tone={result.toMove > 0 ? 'warning' : 'success'} role="status" title="Time off added">
              {`${person.name} is off from ${result.when}. ${bookedVisitsText(result.toMove)}`}
              {result.toMove > 0 && ' Ask the front desk to move them; the calendar shows them.'}
            </Notice>
          )}
          {add.isError && (
            <Alert color="red" title="The time off was not added" role="alert">
              {errorMessage(add.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label="Starts"
              required
              value={draft.starts}
              onChange={(e) => set('starts', e.currentTarget.value)}
              error={errors.starts}
            />
            <TextInput
              type="datetime-local"
              label="Ends"
              required
              value={draft.ends}
              onChange={(e) => set('ends', e.currentTarget.value)}
              error={errors.ends}
            />
            <NativeSelect
              label="Times are in"
              required
              data={zoneOptions(locations)}
              value={draft.timeZone}
              onChange={(e) => set('timeZone', e.currentTarget.value)}
              error={errors.timeZone}
            />
          </SimpleGrid>
          <TextInput
            label="Reason (optional)"
            description="Seen by admins and the front desk, e.g. annual leave, a conference."
            maxLength={200}
            autoComplete="off"
            value={draft.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errors.reason}
          />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            Add time off
          </Button>
          {upcoming.length > 0 && draft.timeZone && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Time off to come
              </Text>
              <List size="sm">
                {upcoming.map((o) => (
                  <List.Item key={o.id}>
                    {formatInstantInZone(o.startsAt, draft.timeZone, { withDate: true })} to{' '}
                    {formatInstantInZone(o.endsAt, draft.timeZone, { withDate: true })}
                    {o.reason ? ` (${o.reason})` : ''}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
