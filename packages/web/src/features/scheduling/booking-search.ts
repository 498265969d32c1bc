import type { Service } from '../../api/types.ts';
import { addDays, isCalendarDay } from './schedule-dates.ts';
import { type SlotSearch, searchRangeProblem } from './schedule-format.ts';

/** What the patient chose on the booking page; empty strings mean "any" or "not chosen yet". */
export interface BookingFilters {
  locationId: string;
  serviceId: string;
  practitionerId: string;
  /** Minutes as text (a select's value); empty for the service's usual length. */
  durationMinutes: string;
  /** 'YYYY-MM-DD'; null until the person changes it (until then: today, and four weeks on). */
  from: string | null;
  to: string | null;
  /** ISO weekdays as text: '1' = Monday. */
  weekdays: string[];
  /** 'HH:MM' or empty. */
  earliest: string;
  latest: string;
}

export function initialFilters(locationId: string): BookingFilters {
  return {
    locationId,
    serviceId: '',
    practitionerId: '',
    durationMinutes: '',
    from: null,
    to: null,
    weekdays: [],
    earliest: '',
    latest: '',
  };
}

/** Days searched when the person has not said: four weeks, as the server does. */
export const defaultSearchDays = 28;
/** How many free times one search shows. */
export const slotLimit = 100;

/** The dates shown in the form: what was typed, or today and four weeks on (following "from"). */
export function effectiveRange(filters: BookingFilters, today: string): { from: string; to: string } {
  const from = filters.from ?? today;
  const to = filters.to ?? (isCalendarDay(from) ? addDays(from, defaultSearchDays - 1) : '');
  return { from, to };
}

/** The visit length in minutes: the chosen one if the service offers it, else its usual one. */
export function chosenDuration(filters: BookingFilters, service: Service): number {
  const chosen = Number(filters.durationMinutes);
  return service.durations.includes(chosen) ? chosen : (service.durations[0] ?? 30);
}

/** The slot search for the filters, or why it cannot run yet. */
export function toSlotSearch(
  filters: BookingFilters,
  service: Service | undefined,
  today: string,
): { search: SlotSearch | null; problem: string | null } {
  if (!service) return { search: null, problem: null };
  const { from, to } = effectiveRange(filters, today);
  const problem = searchRangeProblem({ from, to, earliest: filters.earliest, latest: filters.latest });
  if (problem) return { search: null, problem };
  return {
    search: {
      serviceId: service.id,
      locationId: filters.locationId,
      practitionerId: filters.practitionerId || undefined,
      from,
      to,
      weekdays: filters.weekdays.map(Number).filter((d) => d >= 1 && d <= 7),
      earliest: filters.earliest || undefined,
      latest: filters.latest || undefined,
      durationMinutes: chosenDuration(filters, service),
      limit: slotLimit,
    },
    problem: null,
  };
}
