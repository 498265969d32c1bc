import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayInZone,
  daysBetween,
  formatDayLong,
  formatDayShort,
  formatTimeOnly,
  formatTimeWithZone,
  groupByDay,
  isCalendarDay,
  isoWeekday,
  nextWeekday,
  startOfWeek,
  zoneLabel,
} from './schedule-dates.ts';

describe('calendar days', () => {
  it('checks, moves and names days without any time zone', () => {
    expect(isCalendarDay('2026-11-25')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(nextWeekday('2026-11-22', 3)).toBe('2026-11-25');
    expect(nextWeekday('2026-11-25', 3)).toBe('2026-11-25');
    expect(daysBetween('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(formatDayLong('2026-11-25')).toBe('Wednesday, November 25, 2026');
    expect(formatDayShort('2026-11-25')).toBe('Wed, Nov 25');
  });
});

describe('times at a location', () => {
  // 17:00 UTC is 10:00 in Phoenix (no daylight saving) and 12:00 in New York in November.
  const instant = '2026-11-25T17:00:00.000Z';

  it('reads the day and time in the location’s zone, not the browser’s', () => {
    expect(dayInZone(instant, 'America/Phoenix')).toBe('2026-11-25');
    expect(dayInZone('2026-11-26T05:30:00Z', 'America/Phoenix')).toBe('2026-11-25');
    expect(dayInZone('2026-11-26T05:30:00Z', 'Asia/Tokyo')).toBe('2026-11-26');
    expect(formatTimeWithZone(instant, 'America/Phoenix')).toBe('10:00 AM MST');
    expect(formatTimeWithZone(instant, 'America/New_York')).toBe('12:00 PM EST');
    expect(formatTimeOnly(instant, 'America/Chicago')).toBe('11:00 AM');
    expect(formatTimeWithZone('nonsense', 'America/Phoenix')).toBe('Unknown time');
  });

  it('names the zone as people read it, with its exact name', () => {
    expect(zoneLabel('America/Phoenix', instant)).toBe('MST (America/Phoenix)');
    expect(zoneLabel('America/New_York', '2026-07-01T12:00:00Z')).toBe('EDT (America/New_York)');
  });

  it('groups by the day at the location, in time order', () => {
    const items = [
      { start: '2026-11-26T16:00:00Z' },
      { start: '2026-11-26T05:30:00Z' },
      { start: '2026-11-25T17:00:00Z' },
    ];
    expect(groupByDay(items, (i) => i.start, 'America/Phoenix')).toEqual([
      { day: '2026-11-25', items: [{ start: '2026-11-25T17:00:00Z' }, { start: '2026-11-26T05:30:00Z' }] },
      { day: '2026-11-26', items: [{ start: '2026-11-26T16:00:00Z' }] },
    ]);
  });
});
