import {
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Location } from '../../api/types.ts';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { useLocations } from '../../features/locations/location-queries.ts';
import { AppointmentPanel } from '../../features/scheduling/AppointmentPanel.tsx';
import { CalendarDays } from '../../features/scheduling/CalendarDays.tsx';
import {
  type CalendarState,
  calendarRange,
  rangeTitle,
  readCalendarState,
  shiftCalendar,
  writeCalendarState,
} from '../../features/scheduling/calendar-view.ts';
import { Notice } from '../../features/scheduling/Notice.tsx';
import { dayInZone, isCalendarDay, zoneLabel } from '../../features/scheduling/schedule-dates.ts';
import { summarizeCoverage } from '../../features/scheduling/schedule-format.ts';
import { useCalendar, usePractitioners } from '../../features/scheduling/scheduling-queries.ts';

export function CoordinatorCalendarPage() {
  const locations = useLocations();
  return (
    <Stack gap="lg">
      <PageTitle>Calendar</PageTitle>
      {locations.isPending ? (
        <LoadingState label="Loading locations" />
      ) : locations.isError ? (
        <ErrorState
          title="Could not load locations"
          error={locations.error}
          onRetry={() => void locations.refetch()}
        />
      ) : locations.data.length === 0 ? (
        <Text>No locations are set up yet.</Text>
      ) : (
        <DeskCalendar locations={locations.data} />
      )}
    </Stack>
  );
}

function DeskCalendar({ locations }: { locations: Location[] }) {
  const [params, setParams] = useSearchParams();
  const zoneOf = (locationId: string) => locations.find((l) => l.id === locationId)?.timeZone ?? 'UTC';
  const fallbackLocation = locations[0]!.id;
  const state = readCalendarState(params, {
    locationId: fallbackLocation,
    today: (locationId) => dayInZone(new Date(), zoneOf(locationId)),
  });
  const location = locations.find((l) => l.id === state.locationId) ?? locations[0]!;
  const zone = location.timeZone;
  const range = calendarRange(state);
  const practitioners = usePractitioners(location.id);
  const calendar = useCalendar({
    locationId: location.id,
    from: range.from,
    to: range.to,
    practitionerId: state.practitionerId || undefined,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [jump, setJump] = useState('');
  // After a move or a cancellation the booking's button may be gone: focus goes to the days' heading.
  const daysHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusDaysAfterClose = useRef(false);
  const ids = { controls: useId(), days: useId() };

  function update(change: Partial<CalendarState>) {
    setParams(writeCalendarState({ ...state, ...change }), { replace: true });
    setMessage(null);
  }

  const appointments = calendar.data?.appointments ?? [];
  const selected = appointments.find((a) => a.id === selectedId) ?? null;
  const waiting = appointments.filter((a) => summarizeCoverage(a.coverage).tone === 'waiting').length;
  const unit = state.mode === 'day' ? 'day' : 'week';

  return (
    <Stack gap="lg">
      <Paper component="section" aria-labelledby={ids.controls} withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3" id={ids.controls}>
            What to show
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <NativeSelect
              label="Location"
              data={locations.map((l) => ({ value: l.id, label: l.name }))}
              value={location.id}
              onChange={(event) => {
                const locationId = event.currentTarget.value;
                update({ locationId, practitionerId: '', date: dayInZone(new Date(), zoneOf(locationId)) });
              }}
            />
            <NativeSelect
              label="Practitioner"
              data={[
                { value: '', label: 'All practitioners' },
                ...(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={state.practitionerId}
              onChange={(event) => update({ practitionerId: event.currentTarget.value })}
              description={practitioners.isError ? 'Could not load the practitioners.' : undefined}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${ids.controls}-view`}>
                View
              </Text>
              <SegmentedControl
                aria-labelledby={`${ids.controls}-view`}
                data={[
                  { value: 'day', label: 'Day' },
                  { value: 'week', label: 'Week' },
                ]}
                value={state.mode}
                onChange={(mode) => update({ mode: mode === 'day' ? 'day' : 'week' })}
              />
            </Stack>
          </SimpleGrid>
          <Group gap="sm" align="flex-end">
            <Button variant="default" onClick={() => update({ date: shiftCalendar(state, -1) })}>
              Previous {unit}
            </Button>
            <Button variant="default" onClick={() => update({ date: dayInZone(new Date(), zone) })}>
              Today
            </Button>
            <Button variant="default" onClick={() => update({ date: shiftCalendar(state, 1) })}>
              Next {unit}
            </Button>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (isCalendarDay(jump)) update({ date: jump });
              }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput
                  type="date"
                  label="Go to date"
                  value={jump}
                  onChange={(e) => setJump(e.currentTarget.value)}
                />
                <Button type="submit" variant="default" disabled={!isCalendarDay(jump)}>
                  Go
                </Button>
              </Group>
            </form>
          </Group>
        </Stack>
      </Paper>

      <Stack gap="md">
        <Group gap="sm">
          <Title order={2} size="h3" id={ids.days} ref={daysHeadingRef} tabIndex={-1}>
            {rangeTitle(range)}
          </Title>
          {calendar.isFetching && !calendar.isPending && !calendar.isPlaceholderData && (
            <Group gap={6} role="status">
              <Loader size="xs" aria-hidden="true" />
              <Text size="sm">Updating…</Text>
            </Group>
          )}
        </Group>
        <Text size="sm">
          {location.name}. Times are the clinic’s local time: {zoneLabel(zone, `${range.from}T12:00:00Z`)}.
        </Text>
        {message && (
          <Notice
            tone="success"
            title="Done"
            role="status"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setMessage(null)}
          >
            {message}
          </Notice>
        )}
        {waiting > 0 && (
          <Notice tone="warning" title="Waiting on paperwork">
            {waiting === 1
              ? '1 booking in this view is waiting on a referral or authorisation.'
              : `${waiting} bookings in this view are waiting on a referral or authorisation.`}
          </Notice>
        )}
        {/* While another range loads, the previous one's bookings must not sit under the new days. */}
        {calendar.isPending || calendar.isPlaceholderData ? (
          <LoadingState label="Loading the calendar" />
        ) : calendar.isError ? (
          <ErrorState
            title="Could not load the calendar"
            error={calendar.error}
            onRetry={() => void calendar.refetch()}
          />
        ) : (
          <CalendarDays
            appointments={appointments}
            from={range.from}
            to={range.to}
            timeZone={zone}
            selectedId={selectedId}
            onSelect={(a) => {
              setMessage(null);
              setSelectedId(a.id);
            }}
          />
        )}
      </Stack>

      <AppointmentPanel
        visit={selected}
        onClose={() => setSelectedId(null)}
        onChanged={(text) => {
          focusDaysAfterClose.current = true;
          setSelectedId(null);
          setMessage(text);
        }}
        onClosed={() => {
          if (!focusDaysAfterClose.current) return;
          focusDaysAfterClose.current = false;
          daysHeadingRef.current?.focus();
        }}
      />
    </Stack>
  );
}
