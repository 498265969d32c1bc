import { addDays, formatDayLong, formatDayShort, isCalendarDay, startOfWeek } from './schedule-dates.ts';

export type CalendarMode = 'day' | 'week';

/** What the desk calendar shows; kept in the address so a reload or a shared link shows the same. */
export interface CalendarState {
  locationId: string;
  /** Any day in the range shown, 'YYYY-MM-DD' in the location's zone. */
  date: string;
  mode: CalendarMode;
  /** Empty for every practitioner. */
  practitionerId: string;
}

export function readCalendarState(
  params: URLSearchParams,
  fallback: { locationId: string; today: (locationId: string) => string },
): CalendarState {
  const locationId = params.get('location') || fallback.locationId;
  const date = params.get('date') ?? '';
  return {
    locationId,
    date: isCalendarDay(date) ? date : fallback.today(locationId),
    mode: params.get('view') === 'day' ? 'day' : 'week',
    practitionerId: params.get('practitioner') ?? '',
  };
}

export function writeCalendarState(state: CalendarState): URLSearchParams {
  const params = new URLSearchParams({ location: state.locationId, date: state.date, view: state.mode });
  if (state.practitionerId) params.set('practitioner', state.practitionerId);
  return params;
}

/** The days shown: the day itself, or Monday to Sunday of its week. */
export function calendarRange(state: Pick<CalendarState, 'date' | 'mode'>): { from: string; to: string } {
  if (state.mode === 'day') return { from: state.date, to: state.date };
  const from = startOfWeek(state.date);
  return { from, to: addDays(from, 6) };
}

/** The next or previous day or week. */
export function shiftCalendar(state: Pick<CalendarState, 'date' | 'mode'>, direction: 1 | -1): string {
  return addDays(state.date, direction * (state.mode === 'day' ? 1 : 7));
}

/** "Wednesday, November 25, 2026", or "Mon, Nov 23 – Sun, Nov 29, 2026" for a week. */
export function rangeTitle(range: { from: string; to: string }): string {
  if (range.from === range.to) return formatDayLong(range.from);
  return `${formatDayShort(range.from)} – ${formatDayShort(range.to)}, ${range.to.slice(0, 4)}`;
}
