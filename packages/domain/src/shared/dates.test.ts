import { describe, expect, it } from 'vitest';
import { addDays, ageOn, dateInZone, instantAt } from './dates.ts';

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
