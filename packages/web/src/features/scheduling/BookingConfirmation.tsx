import { Alert, Button, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import type { LocationRef, ProposedVisit, SeriesRequest, Service, Slot } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatInstantInZone, formatTimeRangeInZone } from '../time/format.ts';
import { CoverageNote } from './CoverageNote.tsx';
import { Notice } from './Notice.tsx';
import { dayInZone, formatDayLong } from './schedule-dates.ts';
import { seriesChoices, seriesCoverageNote, visitsNeedingChoice } from './schedule-format.ts';
import { useBookSeries, useBookVisit, useCoverage, useSeriesProposal } from './scheduling-queries.ts';

export const defaultSeriesVisits = 6;
const maxSeriesVisits = 26;

interface BookingConfirmationProps {
  patientId: string;
  service: Service;
  location: LocationRef;
  slot: Slot;
  durationMinutes: number;
  onBack: () => void;
  /** Called with the number of visits booked. */
  onBooked: (count: number) => void;
  /** A single time was taken meanwhile (409): the page shows the message and fresh times. */
  onConflict: (message: string) => void;
}

/** The chosen time, what coverage says about it, and "just this visit" or a weekly series. */
export function BookingConfirmation({
  patientId,
  service,
  location,
  slot,
  durationMinutes,
  onBack,
  onBooked,
  onConflict,
}: BookingConfirmationProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const zone = location.timeZone;
  const [kind, setKind] = useState<'single' | 'series'>('single');
  const [visits, setVisits] = useState<number | string>(defaultSeriesVisits);
  const [picks, setPicks] = useState<Record<number, Slot | undefined>>({});
  const bookVisit = useBookVisit(patientId);
  const bookSeries = useBookSeries(patientId);
  const coverage = useCoverage(patientId, {
    serviceId: service.id,
    locationId: location.id,
    date: dayInZone(slot.start, zone),
  });

  // Moving focus to the panel tells keyboard and screen-reader users where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  const count = typeof visits === 'number' && Number.isInteger(visits) ? visits : Number.NaN;
  const countOk = count >= 2 && count <= maxSeriesVisits;
  const base = {
    serviceId: service.id,
    locationId: location.id,
    practitionerId: slot.practitioner.id,
    start: slot.start,
    durationMinutes,
  };
  const seriesRequest: SeriesRequest | null =
    kind === 'series' && countOk && !service.groupClass ? { ...base, visits: count, everyDays: 7 } : null;
  const proposal = useSeriesProposal(patientId, seriesRequest);
  const proposed = seriesRequest && proposal.data ? proposal.data.visits : null;
  const stillToChoose = proposed ? visitsNeedingChoice(proposed, picks) : [];
  const pending = bookVisit.isPending || bookSeries.isPending;
  const bookError = bookVisit.error ?? bookSeries.error;

  function book() {
    if (kind === 'single') {
      bookSeries.reset();
      bookVisit.mutate(slot.appointmentId ? { ...base, appointmentId: slot.appointmentId } : base, {
        onSuccess: () => onBooked(1),
        onError: (error) => {
          if (isApiError(error, 409)) onConflict(error.message);
        },
      });
      return;
    }
    if (!seriesRequest || !proposed || stillToChoose.length > 0) return;
    bookVisit.reset();
    bookSeries.mutate(
      { ...seriesRequest, choices: seriesChoices(proposed, picks) },
      { onSuccess: (result) => onBooked(result.appointments.length) },
    );
  }

  const canBook =
    !pending &&
    (kind === 'single' || (proposed !== null && stillToChoose.length === 0 && !proposal.isFetching));
  const coverageNote =
    coverage.data && proposed
      ? seriesCoverageNote(
          coverage.data,
          proposed.map((v) => (v.slot ? dayInZone(v.slot.start, zone) : v.date)),
        )
      : null;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId} ref={headingRef} tabIndex={-1}>
          Confirm your visit
        </Title>
        <Stack gap={2}>
          <Text fw={700}>
            {service.name} ({durationMinutes} minutes)
          </Text>
          <Text>
            <time dateTime={slot.start}>{formatInstantInZone(slot.start, zone, { withDate: true })}</time>
          </Text>
          <Text size="sm">
            With {slot.practitioner.name} at {location.name}
          </Text>
          {slot.placesLeft !== undefined && (
            <Text size="sm">
              Group class: {slot.placesLeft} {slot.placesLeft === 1 ? 'place' : 'places'} left.
            </Text>
          )}
        </Stack>

        <Stack gap="xs" component="section" aria-labelledby={`${headingId}-coverage`}>
          <Title order={3} size="h4" id={`${headingId}-coverage`}>
            {kind === 'series' ? 'Coverage for the first visit' : 'Coverage'}
          </Title>
          {coverage.isPending ? (
            <LoadingState label="Checking your coverage" />
          ) : coverage.isError ? (
            <ErrorState
              title="Could not check your coverage"
              error={coverage.error}
              onRetry={() => void coverage.refetch()}
            />
          ) : (
            <CoverageNote coverage={coverage.data} />
          )}
        </Stack>

        <Radio.Group
          label="How many visits?"
          value={kind}
          onChange={(value) => setKind(value === 'series' ? 'series' : 'single')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="single" label="Just this visit" />
            <Radio
              value="series"
              label="A series of weekly visits"
              description={
                service.groupClass
                  ? 'Group classes are booked one session at a time.'
                  : 'Same day, time and practitioner each week where free.'
              }
              disabled={service.groupClass}
            />
          </Stack>
        </Radio.Group>

        {kind === 'series' && (
          <Stack gap="sm">
            <NumberInput
              label="Number of weekly visits"
              min={2}
              max={maxSeriesVisits}
              allowDecimal={false}
              allowNegative={false}
              value={visits}
              onChange={(value) => {
                setVisits(value);
                setPicks({});
              }}
              error={countOk ? undefined : `Choose from 2 to ${maxSeriesVisits} visits.`}
              maw={240}
            />
            {seriesRequest &&
              (proposal.isPending ? (
                <LoadingState label="Finding your weekly times" />
              ) : proposal.isError ? (
                <ErrorState
                  title="Could not plan the series"
                  error={proposal.error}
                  onRetry={() => void proposal.refetch()}
                />
              ) : (
                <SeriesPlan
                  visits={proposal.data.visits}
                  zone={zone}
                  picks={picks}
                  onPick={(visit, pick) => setPicks((current) => ({ ...current, [visit]: pick }))}
                />
              ))}
            {coverageNote && (
              <Notice tone="warning" title="Not every visit is covered">
                {coverageNote}
              </Notice>
            )}
          </Stack>
        )}

        {bookError && !(kind === 'single' && isApiError(bookError, 409)) && (
          <Alert color="red" title="Not booked" role="alert">
            {errorMessage(bookError)}
            {isApiError(bookError, 409) && ' The plan below has been refreshed.'}
          </Alert>
        )}
        {kind === 'series' && stillToChoose.length > 0 && (
          <Text size="sm">
            Choose a time for visit {stillToChoose.map((v) => v.visit).join(', ')} before booking.
          </Text>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={onBack} disabled={pending}>
            Back to the times
          </Button>
          <Button onClick={book} loading={pending} disabled={!canBook}>
            {kind === 'single' ? 'Book this visit' : countOk ? `Book ${count} visits` : 'Book the visits'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const slotKey = (slot: Slot) => `${slot.start}|${slot.practitioner.id}`;

function SeriesPlan({
  visits,
  zone,
  picks,
  onPick,
}: {
  visits: ProposedVisit[];
  zone: string;
  picks: Record<number, Slot | undefined>;
  onPick: (visit: number, slot: Slot) => void;
}) {
  return (
    <Stack
      gap="xs"
      component="ol"
      style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}
      aria-label="Your visits"
    >
      {visits.map((v) => (
        <Paper component="li" key={v.visit} withBorder p="xs">
          {v.slot ? (
            <Text size="sm">
              <strong>Visit {v.visit}:</strong> {formatDayLong(v.date)},{' '}
              {formatTimeRangeInZone(v.slot.start, v.slot.end, zone)}, with {v.slot.practitioner.name}
            </Text>
          ) : v.alternatives.length === 0 ? (
            <Text size="sm">
              <strong>Visit {v.visit}:</strong> nothing is free near {formatDayLong(v.date)}. Choose fewer
              visits or another first time.
            </Text>
          ) : (
            <Radio.Group
              label={`Visit ${v.visit}: the usual time is taken on ${formatDayLong(v.date)}. Choose another time:`}
              value={picks[v.visit] ? slotKey(picks[v.visit]!) : null}
              onChange={(key) => {
                const pick = v.alternatives.find((a) => slotKey(a) === key);
                if (pick) onPick(v.visit, pick);
              }}
            >
              <Stack gap={4} mt={4}>
                {v.alternatives.map((a) => (
                  <Radio
                    key={slotKey(a)}
                    value={slotKey(a)}
                    label={`${formatDayLong(dayInZone(a.start, zone))}, ${formatTimeRangeInZone(a.start, a.end, zone)}, with ${a.practitioner.name}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
