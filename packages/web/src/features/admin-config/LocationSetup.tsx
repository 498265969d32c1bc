import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { AdminService, Location } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { useLocations } from '../locations/location-queries.ts';
import { Notice } from '../scheduling/Notice.tsx';
import { useAddRoom, useCatalog, useRooms, useSetLocationServices } from './admin-config-queries.ts';
import { groupByCategory } from './catalog-format.ts';

/** Checkboxes for services, in a group per category. */
function ServiceChecklist({
  label,
  description,
  services,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  services: AdminService[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange} error={error}>
      <Stack gap="sm" mt="xs">
        {groupByCategory(services).map((group) => (
          <fieldset key={group.category} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
            <Text component="legend" size="sm" fw={600} mb={4} p={0}>
              {group.category}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
              {group.services.map((s) => (
                <Checkbox key={s.id} value={s.id} label={s.active ? s.name : `${s.name} (inactive)`} />
              ))}
            </SimpleGrid>
          </fieldset>
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Which services a location offers, saved as a whole list. */
function OfferedHere({ location, catalog }: { location: Location; catalog: AdminService[] }) {
  const headingId = useId();
  const save = useSetLocationServices();
  const offered = catalog.filter((s) => s.locationIds.includes(location.id)).map((s) => s.id);
  const [value, setValue] = useState<string[]>(offered);
  const [saved, setSaved] = useState<string | null>(null);
  const changed = !sameSet(value, offered);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    save.mutate(
      { locationId: location.id, serviceIds: value },
      {
        onSuccess: (result) =>
          setSaved(
            `${location.name} now offers ${result.serviceIds.length} ${result.serviceIds.length === 1 ? 'service' : 'services'}.`,
          ),
      },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            Offered here
          </Title>
          <Text size="sm">
            Patients can book, and clinicians can order, only what a location offers. Unticking a service does
            not cancel visits already booked.
          </Text>
          {saved && (
            <Notice tone="success" role="status" title="Saved">
              {saved}
            </Notice>
          )}
          {save.isError && (
            <Alert color="red" title="The list was not saved" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <ServiceChecklist
            label={`Services offered at ${location.name}`}
            services={catalog}
            value={value}
            onChange={(next) => {
              setValue(next);
              setSaved(null);
            }}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={!changed}>
              Save what {location.name} offers
            </Button>
            {changed && (
              <Button variant="default" onClick={() => setValue(offered)}>
                Undo changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A location's rooms, and a form to add one with the services it suits. */
function Rooms({ location, catalog }: { location: Location; catalog: AdminService[] }) {
  const headingId = useId();
  const formHeadingId = useId();
  const rooms = useRooms(location.id);
  const add = useAddRoom(location.id);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('1');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; capacity?: string; serviceIds?: string }>({});
  const [saved, setSaved] = useState<string | null>(null);
  const offered = catalog.filter((s) => s.active && s.locationIds.includes(location.id));
  const nameOf = new Map(catalog.map((s) => [s.id, s.name]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: typeof errors = {};
    if (name.trim() === '') problems.name = 'Give the room a name, e.g. "Acupuncture 3".';
    else if (name.trim().length > 100) problems.name = 'The name can be up to 100 characters.';
    const cap = capacity.trim();
    if (!/^\d+$/.test(cap) || Number(cap) < 1 || Number(cap) > 200)
      problems.capacity = 'The capacity is a whole number from 1 to 200.';
    if (serviceIds.length === 0) problems.serviceIds = 'Choose at least one service the room suits.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaved(null);
    const room = { name: name.trim(), capacity: Number(cap), serviceIds };
    add.mutate(room, {
      onSuccess: () => {
        setSaved(`Added ${room.name} at ${location.name}.`);
        setName('');
        setCapacity('1');
        setServiceIds([]);
      },
    });
  }

  let list: React.ReactNode;
  if (rooms.isPending) list = <LoadingState label="Loading rooms" />;
  else if (rooms.isError)
    list = (
      <ErrorState title="Could not load the rooms" error={rooms.error} onRetry={() => void rooms.refetch()} />
    );
  else if (rooms.data.length === 0) list = <Text size="sm">{location.name} has no rooms yet.</Text>;
  else
    list = (
      <TableScroll label={`Rooms at ${location.name}`}>
        <Table striped miw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Room</Table.Th>
              <Table.Th scope="col">Capacity</Table.Th>
              <Table.Th scope="col">Suits</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rooms.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>
                  {r.name}
                </Table.Th>
                <Table.Td>{r.capacity}</Table.Td>
                <Table.Td>
                  {r.serviceIds
                    .map((id) => nameOf.get(id) ?? 'Unknown service')
                    .sort((a, b) => a.localeCompare(b, 'en'))
                    .join(', ') || 'Nothing yet'}
                </Table.Td>
                <Table.Td>
                  {r.active ? (
                    'In use'
                  ) : (
                    <Badge variant="outline" color="dark" radius="sm" tt="none">
                      Not in use
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        Rooms
      </Title>
      {list}
      <Paper withBorder p="md" component="section" aria-labelledby={formHeadingId}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={4} size="h5" id={formHeadingId}>
              Add a room
            </Title>
            {saved && (
              <Notice tone="success" role="status" title="Room added">
                {saved}
              </Notice>
            )}
            {add.isError && (
              <Alert color="red" title="The room was not added" role="alert">
                {errorMessage(add.error)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Room name"
                required
                maxLength={100}
                autoComplete="off"
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setSaved(null);
                }}
                error={errors.name}
              />
              <TextInput
                label="Capacity"
                description="How many patients at once (a studio holds a class)."
                required
                inputMode="numeric"
                autoComplete="off"
                value={capacity}
                onChange={(e) => setCapacity(e.currentTarget.value)}
                error={errors.capacity}
              />
            </SimpleGrid>
            {offered.length === 0 ? (
              <Text size="sm">{location.name} offers no services yet: choose what it offers first.</Text>
            ) : (
              <ServiceChecklist
                label="Services the room suits"
                description={`From what ${location.name} offers.`}
                services={offered}
                value={serviceIds}
                onChange={setServiceIds}
                error={errors.serviceIds}
              />
            )}
            <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
              Add room
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** Per location: which services it offers, and its rooms. */
export function LocationSetup() {
  const headingId = useId();
  const locations = useLocations();
  const catalog = useCatalog();
  const [chosen, setChosen] = useState('');

  let body: React.ReactNode;
  if (locations.isPending || catalog.isPending) body = <LoadingState label="Loading locations" />;
  else if (locations.isError || catalog.isError)
    body = (
      <ErrorState
        title="Could not load the locations"
        error={locations.error ?? catalog.error}
        onRetry={() => {
          void locations.refetch();
          void catalog.refetch();
        }}
      />
    );
  else if (locations.data.length === 0) body = <Text>No locations yet.</Text>;
  else {
    const location = locations.data.find((l) => l.id === chosen) ?? locations.data[0]!;
    body = (
      <>
        <NativeSelect
          label="Location"
          data={locations.data.map((l) => ({ value: l.id, label: l.name }))}
          value={location.id}
          onChange={(e) => setChosen(e.currentTarget.value)}
          maw={480}
        />
        {/* Keyed by the location, so the checklist starts from what that location offers. */}
        <OfferedHere key={`offers:${location.id}`} location={location} catalog={catalog.data} />
        <Rooms key={`rooms:${location.id}`} location={location} catalog={catalog.data} />
      </>
    );
  }

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        Locations
      </Title>
      {body}
    </Stack>
  );
}
