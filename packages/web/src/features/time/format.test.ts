import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDayInZone,
  formatInstantInZone,
  formatTimeRangeInZone,
  formatUtcTimestamp,
} from './format.ts';

describe('formatInstantInZone', () => {
  it('formats in the given zone and names the zone', () => {
    // 21:05 UTC is 2:05 PM in Phoenix, which has no daylight saving time.
    expect(formatInstantInZone('2025-01-15T21:05:00Z', 'America/Phoenix')).toBe(
      '2:05 PM MST (America/Phoenix)',
    );
    expect(formatInstantInZone('2025-07-15T21:05:00Z', 'America/Phoenix')).toBe(
      '2:05 PM MST (America/Phoenix)',
    );
  });

  it('follows daylight saving time in zones that use it', () => {
    expect(formatInstantInZone('2025-01-15T21:05:00Z', 'America/New_York')).toBe(
      '4:05 PM EST (America/New_York)',
    );
    expect(formatInstantInZone('2025-07-15T21:05:00Z', 'America/New_York')).toBe(
      '5:05 PM EDT (America/New_York)',
    );
    expect(formatInstantInZone('2025-07-15T21:05:00Z', 'America/Chicago')).toBe(
      '4:05 PM CDT (America/Chicago)',
    );
  });

  it('includes the local date when asked, which may differ from the UTC date', () => {
    expect(formatInstantInZone('2025-03-01T03:30:00Z', 'America/Chicago', { withDate: true })).toBe(
      'Fri, Feb 28, 2025, 9:30 PM CST (America/Chicago)',
    );
  });

  it('does not repeat the zone when its short name is the zone itself', () => {
    expect(formatInstantInZone('2025-01-15T21:05:00Z', 'UTC')).toBe('9:05 PM UTC');
  });

  it('says so when the instant is not valid', () => {
    expect(formatInstantInZone('not a time', 'America/Phoenix')).toBe('Unknown time');
  });
});

describe('formatTimeRangeInZone', () => {
  it('shows a visit span with the zone named once', () => {
    expect(formatTimeRangeInZone('2025-01-15T21:05:00Z', '2025-01-15T21:35:00Z', 'America/Phoenix')).toBe(
      '2:05 PM – 2:35 PM MST (America/Phoenix)',
    );
  });
});

describe('formatDayInZone', () => {
  it('gives the calendar day in that zone', () => {
    expect(formatDayInZone('2025-03-01T03:30:00Z', 'America/New_York')).toBe('Fri, Feb 28, 2025');
    expect(formatDayInZone('2025-03-01T03:30:00Z', 'UTC')).toBe('Sat, Mar 1, 2025');
  });
});

describe('formatUtcTimestamp', () => {
  it('is sortable and names UTC', () => {
    expect(formatUtcTimestamp('2025-06-03T14:05:09.123Z')).toBe('2025-06-03 14:05:09 UTC');
    expect(formatUtcTimestamp('2025-06-03T09:05:09-05:00')).toBe('2025-06-03 14:05:09 UTC');
    expect(formatUtcTimestamp('')).toBe('Unknown time');
  });
});

describe('formatCalendarDate', () => {
  it('never shifts a birth date by a day', () => {
    expect(formatCalendarDate('1980-03-01')).toBe('March 1, 1980');
    expect(formatCalendarDate('2000-12-31')).toBe('December 31, 2000');
  });

  it('returns unexpected input unchanged', () => {
    expect(formatCalendarDate('03/01/1980')).toBe('03/01/1980');
  });
});
