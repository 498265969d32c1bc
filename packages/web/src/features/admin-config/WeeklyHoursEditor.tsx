import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { Location, StoredWorkingHours, WorkingHoursRow } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { Notice } from '../scheduling/Notice.tsx';
import { useSetWorkingHours, useStoredWorkingHours } from './admin-config-queries.ts';
import {
  copyMondayToWeekdays,
  type DayDraft,
  describeHours,
  emptyWeek,
  type PractitionerRow,
  validateWeek,
  type WeekDraft,
  weekdayNames,
  weekFromStored,
  weekToHours,
} from './practitioner-format.ts';

type TimeField = 'starts' | 'ends' | 'breakStarts' | 'breakEnds';

const timeFields: { field: TimeField; label: string }[] = [
  { field: 'starts', label: 'starts' },
  { field: 'ends', label: 'ends' },
  { field: 'breakStarts', label: 'break starts' },
  { field: 'breakEnds', label: 'break ends' },
];

interface WeekFormProps {
  person: PractitionerRow;
  location: Location;
  /** Null when the server cannot show saved hours. */
  stored: StoredWorkingHours | null;
}

/** Seven rows, Monday to Sunday: whether they work, from when to when, and an optional break. */
function WeekForm({ person, location, stored }: WeekFormProps) {
  const save = useSetWorkingHours();
  const [initial] = useState(() =>
    stored ? weekFromStored(stored.hours, location.id) : { week: emptyWeek(), split: [] as string[] },
  );
  const [week, setWeek] = useState<WeekDraft>(initial.week);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState<WorkingHoursRow[] | null>(null);
  const errorList = Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b));

  function setDay(index: number, change: Partial<DayDraft>) {
    setWeek((current) => current.map((day, i) => (i === index ? { ...day, ...change } : day)));
    setSaved(null);
    if (errors[index])
      setErrors((current) => {
        const next = { ...current };
        delete next[index];
        return next;
      });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateWeek(week);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaved(null);
    save.mutate(
      { userId: person.id, locationId: location.id, hours: weekToHours(week) },
      { onSuccess: (result) => setSaved(result.hours) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {stored === null ? (
          <Text size="sm">
            This server does not show saved hours, so the week starts empty. Saving replaces all of{' '}
            {person.name}’s hours at {location.name}.
          </Text>
        ) : (
          <Text size="sm">
            Saving replaces {person.name}’s hours at {location.name} with this week. Times are local to the
            location ({location.timeZone}).
          </Text>
        )}
        {initial.split.length > 0 && (
          <Notice tone="warning" title="Some days have more than one span" role="note">
            {initial.split.join(', ')} {initial.split.length === 1 ? 'has' : 'have'} more than one span of
            hours; the editor shows the first. Saving keeps only what is shown.
          </Notice>
        )}
        {saved && (
          <Notice tone="success" role="status" title="Weekly hours saved">
            {saved.length === 0 ? (
              `${person.name} now has no hours at ${location.name}.`
            ) : (
              <>
                <Text size="sm">
                  {person.name} works at {location.name}:
                </Text>
                <List size="sm">
                  {describeHours(saved).map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Notice>
        )}
        {save.isError && (
          <Alert color="red" title="The hours were not saved" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <TableScroll label={`Weekly hours at ${location.name}`}>
          <Table miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                <Table.Th scope="col">Works</Table.Th>
                <Table.Th scope="col">Starts</Table.Th>
                <Table.Th scope="col">Ends</Table.Th>
                <Table.Th scope="col">Break starts (optional)</Table.Th>
                <Table.Th scope="col">Break ends (optional)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {week.map((day, i) => {
                const name = weekdayNames[i]!;
                return (
                  <Table.Tr key={name}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                    </Table.Th>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Works on ${name}`}
                        checked={day.works}
                        onChange={(e) => setDay(i, { works: e.currentTarget.checked })}
                      />
                    </Table.Td>
                    {timeFields.map(({ field, label }) => (
                      <Table.Td key={field}>
                        <TextInput
                          type="time"
                          size="xs"
                          aria-label={`${name} ${label}`}
                          disabled={!day.works}
                          value={day[field]}
                          onChange={(e) => setDay(i, { [field]: e.currentTarget.value })}
                          error={day.works && errors[i] !== undefined}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {errorList.length > 0 && (
          <Alert color="red" title="Check these days" role="alert">
            <List size="sm">
              {errorList.map(([i, message]) => (
                <List.Item key={i}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            Save weekly hours
          </Button>
          <Button variant="default" onClick={() => setWeek((current) => copyMondayToWeekdays(current))}>
            Copy Monday to Tuesday–Friday
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A practitioner's weekly hours at one location, in that location's wall-clock time. */
export function WeeklyHoursEditor({ person, locations }: { person: PractitionerRow; locations: Location[] }) {
  const headingId = useId();
  const stored = useStoredWorkingHours(person.id);
  const [chosen, setChosen] = useState(person.locationIds[0] ?? '');
  const location = locations.find((l) => l.id === chosen) ?? locations[0];

  let body: React.ReactNode;
  if (!location) body = <Text size="sm">Add a location first.</Text>;
  else if (stored.isPending) body = <LoadingState label="Loading the weekly hours" />;
  else if (stored.isError)
    body = (
      <ErrorState
        title="Could not load the weekly hours"
        error={stored.error}
        onRetry={() => void stored.refetch()}
      />
    );
  else body = <WeekForm key={location.id} person={person} location={location} stored={stored.data} />;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Weekly hours
        </Title>
        {location && (
          <NativeSelect
            label="Location"
            description="Hours are set per location."
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            value={location.id}
            onChange={(e) => setChosen(e.currentTarget.value)}
            maw={480}
          />
        )}
        {body}
      </Stack>
    </Paper>
  );
}
