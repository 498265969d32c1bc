// Calendar days ('YYYY-MM-DD') and wall-clock times as seen at a location. The browser's own zone
// is never used: a coordinator in Florida booking for Phoenix must see Phoenix days and times.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let existing = formatters.get(key);
  if (!existing) {
    existing = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, existing);
  }
  return existing;
}

function normalizeSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function utcDay(day: string): Date {
  const match = datePattern.exec(day);
  if (!match) throw new Error(`Not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function dayInZone(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = formatter(`${timeZone}|ymd`, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar day moved by whole days (no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = utcDay(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week a day falls in. */
export function startOfWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The next day on or after `from` that falls on an ISO weekday (1 = Monday). */
export function nextWeekday(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/** "Wednesday, November 25, 2026": a calendar day in words (a day, not an instant, so no zone). */
export function formatDayLong(day: string): string {
  if (!isCalendarDay(day)) return day;
  return formatter('UTC|long', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(utcDay(day));
}

/** "Wed, Nov 25": short, for day columns and buttons. */
export function formatDayShort(day: string): string {
  if (!isCalendarDay(day)) return day;
  return formatter('UTC|short', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    utcDay(day),
  );
}

/** "10:00 AM MST": a time of day in a zone, with the zone's short name. */
export function formatTimeWithZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Unknown time';
  return normalizeSpaces(
    formatter(`${timeZone}|hm-zone`, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date),
  );
}

/** "10:00 AM": a time of day in a zone, for places where the zone is named nearby. */
export function formatTimeOnly(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Unknown time';
  return normalizeSpaces(
    formatter(`${timeZone}|hm`, { timeZone, hour: 'numeric', minute: '2-digit' }).format(date),
  );
}

/** "MST (America/Phoenix)": the zone as people read it at that moment, and its exact name. */
export function zoneLabel(timeZone: string, at: Date | string = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const short = formatter(`${timeZone}|zone`, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${short} (${timeZone})` : timeZone;
}

/** Items grouped by their day in a zone, days in order, items in order within a day. */
export function groupByDay<T>(
  items: readonly T[],
  startOf: (item: T) => string,
  timeZone: string,
): { day: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(startOf(a)) - Date.parse(startOf(b)));
  for (const item of sorted) {
    const day = dayInZone(startOf(item), timeZone);
    const group = groups.get(day);
    if (group) group.push(item);
    else groups.set(day, [item]);
  }
  return [...groups.entries()].map(([day, dayItems]) => ({ day, items: dayItems }));
}

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
