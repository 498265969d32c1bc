/** "Wed, Dec 2, 2026, 10:00 AM MST": a time as a message shows it, in the location's zone. */
export function whenInZone(start: Date, timeZone: string, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(options.year === false ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  })
    .format(start)
    .replace(/[\u202f\u00a0]/g, ' ');
}
