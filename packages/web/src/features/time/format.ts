// Times are always shown with their zone named: Meridian spans Arizona, Eastern
// and Central sites, and a bare "2:05 PM" is ambiguous for staff who cover several.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let existing = formatters.get(key);
  if (!existing) {
    existing = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, existing);
  }
  return existing;
}

// ICU puts narrow no-break spaces before AM/PM; plain spaces keep text
// predictable for copy-paste, screen readers and tests.
function normalizeSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface InstantFormatOptions {
  /** Include the calendar date in that zone as well as the time. */
  withDate?: boolean;
}

/**
 * "2:05 PM MST (America/Phoenix)", or with `withDate`
 * "Tue, Jun 3, 2025, 2:05 PM MST (America/Phoenix)".
 */
export function formatInstantInZone(
  iso: string,
  timeZone: string,
  options: InstantFormatOptions = {},
): string {
  const date = toDate(iso);
  if (!date) return 'Unknown time';
  const withDate = options.withDate === true;
  const parts = formatter(`${timeZone}|${withDate}`, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(withDate ? { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' } : {}),
  }).formatToParts(date);
  const zoneName = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  const text = normalizeSpaces(parts.map((part) => part.value).join('')).trim();
  return zoneName === timeZone ? text : `${text} (${timeZone})`;
}

/** "2:05 PM – 2:35 PM MST (America/Phoenix)" for a span within one day. */
export function formatTimeRangeInZone(startIso: string, endIso: string, timeZone: string): string {
  const start = toDate(startIso);
  const end = toDate(endIso);
  if (!start || !end) return 'Unknown time';
  const startText = normalizeSpaces(
    formatter(`${timeZone}|time`, { timeZone, hour: 'numeric', minute: '2-digit' }).format(start),
  );
  return `${startText} – ${formatInstantInZone(endIso, timeZone)}`;
}

/** "Tue, Jun 3, 2025": the calendar day of an instant as seen in a zone. */
export function formatDayInZone(iso: string, timeZone: string): string {
  const date = toDate(iso);
  if (!date) return 'Unknown date';
  return formatter(`${timeZone}|day`, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(date);
}

/** "2025-06-03 14:05:09 UTC": sortable and unambiguous, for audit records. */
export function formatUtcTimestamp(iso: string): string {
  const date = toDate(iso);
  if (!date) return 'Unknown time';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * A birth date is a calendar date, not an instant: formatting it through the
 * browser's zone could shift it by a day, so it is read as UTC on purpose.
 */
export function formatCalendarDate(yyyyMmDd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(yyyyMmDd);
  if (!match) return yyyyMmDd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter('UTC|calendar', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(date);
}
