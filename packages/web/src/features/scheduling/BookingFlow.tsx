import {
  Alert,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { Location, Slot } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { BookingConfirmation } from './BookingConfirmation.tsx';
import {
  type BookingFilters,
  chosenDuration,
  effectiveRange,
  initialFilters,
  slotLimit,
  toSlotSearch,
} from './booking-search.ts';
import { SlotPicker } from './SlotPicker.tsx';
import { dayInZone, weekdayNames, zoneLabel } from './schedule-dates.ts';
import {
  deskBookableServices,
  formatCents,
  practitionersFor,
  preferredTimes,
  selfBookableServices,
} from './schedule-format.ts';
import { usePatientAppointments, usePractitioners, useServices, useSlots } from './scheduling-queries.ts';

interface BookingFlowProps {
  patientId: string;
  locations: Location[];
  /** The patient's home location, chosen first. */
  homeLocationId: string | null;
  onBooked: (count: number) => void;
  /** The patient books for themselves (self-bookable services) or the desk books for them (all). */
  audience?: 'patient' | 'desk';
  /** A service (by code) to start with, e.g. the therapy a plan says to book. */
  initialServiceCode?: string | undefined;
}

/** Choose a service and preferences, pick a free time, then confirm a visit or a weekly series. */
export function BookingFlow({
  patientId,
  locations,
  homeLocationId,
  onBooked,
  audience = 'patient',
  initialServiceCode,
}: BookingFlowProps) {
  const firstLocation = locations.find((l) => l.id === homeLocationId)?.id ?? locations[0]?.id ?? '';
  const [filters, setFilters] = useState<BookingFilters>(() => initialFilters(firstLocation));
  const [selected, setSelected] = useState<Slot | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const ids = { what: useId(), results: useId() };

  const location = locations.find((l) => l.id === filters.locationId);
  const zone = location?.timeZone ?? 'UTC';
  const today = dayInZone(new Date(), zone);
  const services = useServices(filters.locationId);
  const practitioners = usePractitioners(filters.locationId);
  const offered = (audience === 'desk' ? deskBookableServices : selfBookableServices)(services.data ?? []);
  const service = offered.find((s) => s.id === filters.serviceId);
  // Start on the requested service once the location's services are known (only while none is chosen).
  const initial = initialServiceCode ? offered.find((s) => s.code === initialServiceCode) : undefined;
  useEffect(() => {
    if (initial) setFilters((f) => (f.serviceId ? f : { ...f, serviceId: initial.id }));
  }, [initial]);
  const eligible = practitionersFor(service, practitioners.data ?? []);
  const { search, problem } = toSlotSearch(
    {
      ...filters,
      practitionerId: eligible.some((p) => p.id === filters.practitionerId) ? filters.practitionerId : '',
    },
    service,
    today,
  );
  const slots = useSlots(search);
  // The server leaves the patient's own visits out of individual times but still lists group-class
  // sessions they already have a place in; those are left out here.
  const appointments = usePatientAppointments(patientId);
  const joined = new Set(
    (appointments.data ?? []).filter((a) => a.status === 'booked').map((a) => a.appointmentId),
  );
  const freeSlots = (slots.data?.slots ?? []).filter((s) => !s.appointmentId || !joined.has(s.appointmentId));
  const range = effectiveRange(filters, today);

  useEffect(() => {
    if (returning && selected === null) {
      resultsHeadingRef.current?.focus();
      setReturning(false);
    }
  }, [returning, selected]);

  function set<K extends keyof BookingFilters>(key: K, value: BookingFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
    setConflict(null);
  }

  if (selected && service && location) {
    return (
      <BookingConfirmation
        key={`${selected.start}-${selected.practitioner.id}`}
        patientId={patientId}
        service={service}
        location={{ id: location.id, name: location.name, timeZone: location.timeZone }}
        slot={selected}
        durationMinutes={chosenDuration(filters, service)}
        onBack={() => {
          setSelected(null);
          setReturning(true);
        }}
        onBooked={onBooked}
        onConflict={(message) => {
          setConflict(message);
          setSelected(null);
          setReturning(true);
        }}
      />
    );
  }

  return (
    <Stack gap="lg">
      <Paper component="section" aria-labelledby={ids.what} withBorder p="md">
        <Stack gap="md">
          <Title order={2} size="h3" id={ids.what}>
            What and when
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Location"
              data={locations.map((l) => ({ value: l.id, label: l.name }))}
              value={filters.locationId}
              onChange={(event) => {
                const locationId = event.currentTarget.value;
                setFilters((current) => ({ ...current, locationId, practitionerId: '' }));
                setConflict(null);
              }}
            />
            {services.isError ? (
              <ErrorState
                title="Could not load the services"
                error={services.error}
                onRetry={() => void services.refetch()}
              />
            ) : (
              <NativeSelect
                label="Service"
                data={[
                  {
                    value: '',
                    label: services.isPending
                      ? 'Loading the services…'
                      : offered.length
                        ? 'Choose a service'
                        : 'No services to book online here',
                  },
                  ...offered.map((s) => ({ value: s.id, label: s.name })),
                ]}
                value={service ? service.id : ''}
                onChange={(event) => {
                  const serviceId = event.currentTarget.value;
                  setFilters((current) => ({ ...current, serviceId, durationMinutes: '' }));
                  setConflict(null);
                }}
              />
            )}
            {service && service.durations.length > 1 && (
              <NativeSelect
                label="Length"
                data={service.durations.map((d) => ({ value: String(d), label: `${d} minutes` }))}
                value={String(chosenDuration(filters, service))}
                onChange={(event) => set('durationMinutes', event.currentTarget.value)}
              />
            )}
            {service && (
              <NativeSelect
                label="Practitioner"
                data={[
                  { value: '', label: 'Any practitioner' },
                  ...eligible.map((p) => ({ value: p.id, label: p.name })),
                ]}
                value={eligible.some((p) => p.id === filters.practitionerId) ? filters.practitionerId : ''}
                onChange={(event) => set('practitionerId', event.currentTarget.value)}
              />
            )}
          </SimpleGrid>
          {service && (
            <Text size="sm">
              {service.description}
              {service.selfPayCents !== null &&
                ` Self-pay price ${formatCents(service.selfPayCents)} a visit.`}
              {service.groupClass && ' This is a group class: choose a session with places left.'}
            </Text>
          )}
          <Fieldset legend="Preferred dates and times" variant="unstyled">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  type="date"
                  label="From"
                  value={range.from}
                  min={today}
                  onChange={(event) => set('from', event.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label="Until"
                  value={range.to}
                  min={range.from}
                  onChange={(event) => set('to', event.currentTarget.value)}
                />
              </SimpleGrid>
              <Checkbox.Group
                label="Days that suit you"
                description="Leave all unticked for any day."
                value={filters.weekdays}
                onChange={(value) => set('weekdays', value)}
              >
                <Group gap="sm" mt={6}>
                  {weekdayNames.map((name, index) => (
                    <Checkbox key={name} value={String(index + 1)} label={name} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NativeSelect
                  label="Earliest start"
                  description={`Clinic time, ${zoneLabel(zone)}`}
                  data={[{ value: '', label: 'Any time' }, ...preferredTimes]}
                  value={filters.earliest}
                  onChange={(event) => set('earliest', event.currentTarget.value)}
                />
                <NativeSelect
                  label="Latest start"
                  description={`Clinic time, ${zoneLabel(zone)}`}
                  data={[{ value: '', label: 'Any time' }, ...preferredTimes]}
                  value={filters.latest}
                  onChange={(event) => set('latest', event.currentTarget.value)}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby={ids.results} withBorder p="md">
        <Stack gap="md">
          <Group gap="sm">
            <Title order={2} size="h3" id={ids.results} ref={resultsHeadingRef} tabIndex={-1}>
              Free times
            </Title>
            {slots.isFetching && !slots.isPending && (
              <Group gap={6} role="status">
                <Loader size="xs" aria-hidden="true" />
                <Text size="sm">Updating…</Text>
              </Group>
            )}
          </Group>
          {conflict && (
            <Alert color="red" title="That time is no longer free" role="alert">
              {conflict} The list below shows the times free now.
            </Alert>
          )}
          {!service ? (
            <Text>Choose a service to see free times.</Text>
          ) : problem ? (
            <Text role="alert">{problem}</Text>
          ) : slots.isPending ? (
            <LoadingState label="Finding free times" />
          ) : slots.isError ? (
            <ErrorState
              title="Could not find free times"
              error={slots.error}
              onRetry={() => void slots.refetch()}
            />
          ) : freeSlots.length === 0 ? (
            <Text>
              No free times match. Try more days, other days of the week or times, or any practitioner.
            </Text>
          ) : (
            <>
              <Text size="sm">
                Times are the clinic’s local time: {zoneLabel(slots.data.location.timeZone)}. Choose one to
                see what your plan covers before you book.
              </Text>
              <SlotPicker
                slots={freeSlots}
                timeZone={slots.data.location.timeZone}
                selected={selected}
                onSelect={(slot) => {
                  setConflict(null);
                  setSelected(slot);
                }}
                showPractitioner={!search?.practitionerId}
                perDay={8}
              />
              {slots.data.slots.length >= slotLimit && (
                <Text size="sm">
                  These are the first {slotLimit} free times. Choose a later “From” date or fewer days to see
                  others.
                </Text>
              )}
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
