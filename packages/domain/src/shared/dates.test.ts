import { describe, expect, it } from 'vitest';
import { addDays, ageOn, dateInZone, instantAt, zoneOffsetMinutes } from './dates.ts';

describe('dates and time zones', () => {
  it('computes age in whole years, counting the birthday itself', () => {
    expect(ageOn('1972-03-14', '2026-11-22')).toBe(54);
    expect(ageOn('1959-06-02', '2026-06-01')).toBe(66);
    expect(ageOn('1959-06-02', '2026-06-02')).toBe(67);
  });

  it('places a wall-clock time in Arizona, which keeps no daylight saving time, at UTC-7 all year', () => {
    expect(instantAt('2026-01-15', '14:00', 'America/Phoenix').toISOString()).toBe(
      '2026-01-15T21:00:00.000Z',
    );
    expect(instantAt('2026-07-15', '14:00', 'America/Phoenix').toISOString()).toBe(
      '2026-07-15T21:00:00.000Z',
    );
  });

  it('follows daylight saving time in Minnesota', () => {
    expect(instantAt('2026-01-15', '14:00', 'America/Chicago').toISOString()).toBe(
      '2026-01-15T20:00:00.000Z',
    );
    expect(instantAt('2026-07-15', '14:00', 'America/Chicago').toISOString()).toBe(
      '2026-07-15T19:00:00.000Z',
    );
    // 2026-03-08 is the day clocks spring forward in the US.
    expect(instantAt('2026-03-08', '14:00', 'America/New_York').toISOString()).toBe(
      '2026-03-08T18:00:00.000Z',
    );
  });

  it('gives the local calendar date of an instant', () => {
    const lateEvening = new Date('2026-11-23T05:30:00Z');
    expect(dateInZone(lateEvening, 'America/Phoenix')).toBe('2026-11-22');
    expect(dateInZone(lateEvening, 'UTC')).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

/** The offset as Intl names it ("GMT-07:00", "GMT+05:45", "GMT+00:19:32"), in whole minutes. */
function namedOffset(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name);
  if (!match) throw new Error(`unexpected offset name ${name}`);
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return Math.round(((match[1] === '-' ? -1 : 1) * seconds) / 60);
}

describe('zoneOffsetMinutes (kept per quarter hour)', () => {
  it('agrees with Intl minute by minute across transitions, in zones with 30- and 45-minute offsets', () => {
    const cases: [string, string][] = [
      ['America/Chicago', '2026-03-08T07:00:00Z'], // spring forward at 02:00 CST
      ['America/Chicago', '2026-11-01T06:00:00Z'], // fall back at 02:00 CDT
      ['Europe/London', '2026-03-29T01:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour daylight-saving change
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45
      ['America/Phoenix', '2026-03-08T09:00:00Z'], // no daylight saving
    ];
    for (const [zone, transition] of cases) {
      const at = Date.parse(transition);
      for (let minute = -90; minute <= 90; minute += 1) {
        const instant = new Date(at + minute * 60_000 + 17_000);
        expect(zoneOffsetMinutes(instant, zone), `${zone} ${instant.toISOString()}`).toBe(
          namedOffset(instant, zone),
        );
      }
    }
  });

  it('is right for an old offset that was not a whole number of minutes, across its change', () => {
    // Liberia kept -00:44:30 until 1972-01-07, and changed to UTC at 00:44:30 UTC: not on a quarter hour,
    // so that quarter hour has two offsets and is never kept.
    const change = Date.parse('1972-01-07T00:44:30Z');
    for (let second = -1800; second <= 1800; second += 7) {
      const instant = new Date(change + second * 1000);
      expect(zoneOffsetMinutes(instant, 'Africa/Monrovia'), instant.toISOString()).toBe(
        namedOffset(instant, 'Africa/Monrovia'),
      );
    }
    expect(zoneOffsetMinutes(new Date(change - 1000), 'Africa/Monrovia')).toBe(-44);
    expect(zoneOffsetMinutes(new Date(change), 'Africa/Monrovia')).toBe(0);
  });
});
