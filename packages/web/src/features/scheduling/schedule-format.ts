import type {
  Appointment,
  CareSetting,
  Coverage,
  CoverageMissing,
  Practitioner,
  ProposedVisit,
  SeriesChoice,
  Service,
  Slot,
} from '../../api/types.ts';
import { addDays, isCalendarDay } from './schedule-dates.ts';

/** "$25.00". */
export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

const missingWords: Record<CoverageMissing, string> = {
  referral: 'referral',
  prior_authorisation: 'prior authorisation',
};

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

export type CoverageTone = 'covered' | 'waiting' | 'self_pay' | 'unknown';

/** Badge colours; dark text on light tints keeps at least 4.5:1 (colour only reinforces the words). */
export const coverageToneStyle: Record<CoverageTone, { bg: string; fg: string; edge: string }> = {
  covered: { bg: '#d3f9d8', fg: '#212529', edge: '#2b8a3e' },
  waiting: { bg: '#ffec99', fg: '#212529', edge: '#e67700' },
  self_pay: { bg: '#e7f5ff', fg: '#1864ab', edge: '#1864ab' },
  unknown: { bg: '#f1f3f5', fg: '#212529', edge: '#868e96' },
};

export interface CoverageSummary {
  /** A short label, also used as a badge. */
  label: string;
  tone: CoverageTone;
  /** What it costs, in one line, when known. */
  cost: string | null;
  /** The server's plain sentences. */
  details: string[];
}

function isCoverage(coverage: Partial<Coverage>): coverage is Coverage {
  return coverage.status === 'covered' || coverage.status === 'waiting' || coverage.status === 'self_pay';
}

/** What coverage means for one visit, in words; visits booked before coverage was recorded say so. */
export function summarizeCoverage(coverage: Partial<Coverage>): CoverageSummary {
  if (!isCoverage(coverage)) {
    return { label: 'Coverage not recorded', tone: 'unknown', cost: null, details: [] };
  }
  const details = coverage.explanation ?? [];
  if (coverage.status === 'self_pay') {
    return {
      label: 'Self-pay',
      tone: 'self_pay',
      cost:
        coverage.selfPayCents === null
          ? 'Ask the front desk for the self-pay price.'
          : `Self-pay price: ${formatCents(coverage.selfPayCents)}.`,
      details,
    };
  }
  const cost = coverage.copayCents === null ? 'No copay.' : `Copay: ${formatCents(coverage.copayCents)}.`;
  if (coverage.status === 'waiting') {
    const missing = listFormat.format(coverage.missing.map((m) => missingWords[m]));
    return { label: `Waiting on ${missing || 'paperwork'}`, tone: 'waiting', cost, details };
  }
  return { label: 'Covered', tone: 'covered', cost, details };
}

/**
 * For a series: when the plan's yearly limit runs out part-way, say how many visits it still
 * covers this year. Visits in a later calendar year start a new count and are not judged here.
 */
export function seriesCoverageNote(coverage: Partial<Coverage>, visitDays: readonly string[]): string | null {
  if (!isCoverage(coverage) || coverage.status === 'self_pay' || coverage.visitsPerYear === null) return null;
  const first = visitDays[0];
  if (!first) return null;
  const year = first.slice(0, 4);
  const thisYear = visitDays.filter((d) => d.startsWith(year)).length;
  const left = Math.max(0, coverage.visitsPerYear - coverage.visitNumber + 1);
  if (thisYear <= left) return null;
  const over = thisYear - left;
  const price =
    coverage.selfPayCents === null
      ? 'ask the front desk for the price'
      : `${formatCents(coverage.selfPayCents)} each`;
  return `Your plan covers ${left} more ${left === 1 ? 'visit' : 'visits'} in ${year}; the other ${over} ${
    over === 1 ? 'visit' : 'visits'
  } that year would be self-pay (${price}).`;
}

/** Services a patient may book themselves at a location. */
export function selfBookableServices(services: readonly Service[]): Service[] {
  return services.filter(
    (s) => s.active && s.selfBookable && s.settings.some((setting) => setting !== 'inpatient'),
  );
}

/** What the front desk can book for a patient: every active service outside the hospital wards. */
export function deskBookableServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.active && s.settings.some((setting) => setting !== 'inpatient'));
}

/** The practitioners whose discipline delivers the service. */
export function practitionersFor(
  service: Service | undefined,
  people: readonly Practitioner[],
): Practitioner[] {
  if (!service || service.disciplines.length === 0) return [...people];
  return people.filter((p) => p.discipline !== null && service.disciplines.includes(p.discipline));
}

export interface SlotSearch {
  serviceId: string;
  locationId: string;
  practitionerId?: string | undefined;
  /** 'YYYY-MM-DD' in the location's zone. */
  from?: string | undefined;
  to?: string | undefined;
  /** ISO weekdays, 1 = Monday. */
  weekdays?: readonly number[] | undefined;
  /** 'HH:MM': the earliest and latest start times. */
  earliest?: string | undefined;
  latest?: string | undefined;
  durationMinutes?: number | undefined;
  setting?: CareSetting | undefined;
  /** Staff name the patient so that the patient's own visits are left out. */
  patientId?: string | undefined;
  /** The visit being moved: its current time does not block the new one. */
  moving?: string | undefined;
  limit?: number | undefined;
}

/** The query string of GET /api/slots; empty choices are left out. */
export function slotSearchParams(search: SlotSearch): string {
  const params = new URLSearchParams({ serviceId: search.serviceId, locationId: search.locationId });
  if (search.practitionerId) params.set('practitionerId', search.practitionerId);
  if (search.patientId) params.set('patientId', search.patientId);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.weekdays && search.weekdays.length > 0 && search.weekdays.length < 7)
    params.set('weekdays', [...search.weekdays].sort((a, b) => a - b).join(','));
  if (search.earliest) params.set('earliest', search.earliest);
  if (search.latest) params.set('latest', search.latest);
  if (search.durationMinutes !== undefined) params.set('durationMinutes', String(search.durationMinutes));
  if (search.setting) params.set('setting', search.setting);
  if (search.limit !== undefined) params.set('limit', String(search.limit));
  if (search.moving) params.set('moving', search.moving);
  return params.toString();
}

/** The longest range one slot search may cover (the server's limit). */
export const maxSearchDays = 120;

/** What is wrong with a date range and preferred times, in words; null when they can be searched. */
export function searchRangeProblem(range: {
  from: string;
  to: string;
  earliest?: string;
  latest?: string;
}): string | null {
  if (!isCalendarDay(range.from)) return 'Choose the first day to look from.';
  if (!isCalendarDay(range.to)) return 'Choose the last day to look until.';
  if (range.to < range.from) return 'The last day must be on or after the first day.';
  if (addDays(range.from, maxSearchDays) < range.to)
    return `Look at most ${maxSearchDays} days ahead at a time.`;
  if (range.earliest && range.latest && range.latest < range.earliest)
    return 'The latest start time must be after the earliest.';
  return null;
}

/** Start times offered in the preference lists: every hour from 7 AM to 7 PM. */
export const preferredTimes: { value: string; label: string }[] = Array.from({ length: 13 }, (_, i) => {
  const hour = 7 + i;
  const label = `${hour % 12 === 0 ? 12 : hour % 12}:00 ${hour < 12 ? 'AM' : 'PM'}`;
  return { value: `${String(hour).padStart(2, '0')}:00`, label };
});

/** Visits of a proposed series that still need a time picked from the alternatives. */
export function visitsNeedingChoice(
  visits: readonly ProposedVisit[],
  picks: Readonly<Record<number, Slot | undefined>>,
): ProposedVisit[] {
  return visits.filter((v) => v.slot === null && !picks[v.visit]);
}

/** The choices sent with a series: the picked alternative for each visit without its usual time. */
export function seriesChoices(
  visits: readonly ProposedVisit[],
  picks: Readonly<Record<number, Slot | undefined>>,
): SeriesChoice[] {
  return visits.flatMap((v) => {
    const pick = picks[v.visit];
    return v.slot === null && pick
      ? [{ visit: v.visit, start: pick.start, practitionerId: pick.practitioner.id }]
      : [];
  });
}

/** Booked visits that have not ended yet, soonest first. */
export function upcomingVisits<T extends Appointment>(appointments: readonly T[], now: Date): T[] {
  return appointments
    .filter((a) => a.status === 'booked' && Date.parse(a.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Whether a visit can still be cancelled or moved: booked and not yet started. */
export function isChangeable(appointment: Appointment, now: Date): boolean {
  return appointment.status === 'booked' && Date.parse(appointment.start) > now.getTime();
}

/** The length of a visit in minutes. */
export function durationMinutes(appointment: { start: string; end: string }): number {
  return Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000);
}

/** A reason for cancelling is required by the server: at least 3 characters, at most 500. */
export function cancelReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return 'Say in a few words why the visit is cancelled.';
  if (trimmed.length > 500) return 'Keep the reason under 500 characters.';
  return null;
}
