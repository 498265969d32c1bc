/** The calendar date ('YYYY-MM-DD') of an instant in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

/** Age in whole years on a calendar date, from a birth date (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

// Building an Intl.DateTimeFormat costs far more than using one; slot searches convert thousands of times.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFromIntl(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

// Using one is still the main cost of a slot search or of dating a diary entry, and a zone's offset
// changes only at its transitions, which (since 1970, in every zone) fall on a quarter hour in UTC. So
// offsets are kept per zone and quarter hour. A quarter hour whose first and last instants differ in
// offset (an old transition off the quarter hour) is not kept: every instant in it is asked of Intl.
const quarterHour = 15 * 60_000;
const offsetsByQuarter = new Map<string, Map<number, number>>();
const maxQuartersPerZone = 20_000;

/** Offset of a time zone from UTC at an instant, in minutes (e.g. -420 for America/Phoenix). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  const quarter = Math.floor(t / quarterHour);
  let offsets = offsetsByQuarter.get(timeZone);
  const known = offsets?.get(quarter);
  if (known !== undefined) return known;
  const start = offsetFromIntl(quarter * quarterHour, timeZone);
  if (start !== offsetFromIntl((quarter + 1) * quarterHour - 1, timeZone)) return offsetFromIntl(t, timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByQuarter.set(timeZone, offsets);
  }
  if (offsets.size >= maxQuartersPerZone) offsets.clear();
  offsets.set(quarter, start);
  return start;
}

/** The instant of a wall-clock time ('YYYY-MM-DD', 'HH:MM') in an IANA zone. */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on either side of a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The calendar date `days` after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Wall-clock time 'HH:MM' of an instant in an IANA zone. */
export function timeInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(11, 16);
}

/** Minutes since midnight of 'HH:MM' (or 'HH:MM:SS'). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 'HH:MM' of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
