import { describe, expect, it } from 'vitest';
import {
  calendarRange,
  rangeTitle,
  readCalendarState,
  shiftCalendar,
  writeCalendarState,
} from './calendar-view.ts';

describe('the desk calendar state', () => {
  const fallback = { locationId: 'phx', today: () => '2026-11-22' };

  it('reads the address, with today’s week at the first location by default', () => {
    expect(readCalendarState(new URLSearchParams(), fallback)).toEqual({
      locationId: 'phx',
      date: '2026-11-22',
      mode: 'week',
      practitionerId: '',
    });
    const state = { locationId: 'jax', date: '2026-12-02', mode: 'day' as const, practitionerId: 'p1' };
    expect(readCalendarState(writeCalendarState(state), fallback)).toEqual(state);
    expect(readCalendarState(new URLSearchParams('date=2026-02-30&view=month'), fallback)).toMatchObject({
      date: '2026-11-22',
      mode: 'week',
    });
  });

  it('shows Monday to Sunday, or one day, and steps by that much', () => {
    expect(calendarRange({ date: '2026-11-22', mode: 'week' })).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(calendarRange({ date: '2026-11-25', mode: 'day' })).toEqual({
      from: '2026-11-25',
      to: '2026-11-25',
    });
    expect(shiftCalendar({ date: '2026-11-25', mode: 'week' }, 1)).toBe('2026-12-02');
    expect(shiftCalendar({ date: '2026-11-25', mode: 'day' }, -1)).toBe('2026-11-24');
  });

  it('titles the range', () => {
    expect(rangeTitle({ from: '2026-11-23', to: '2026-11-29' })).toBe('Mon, Nov 23 – Sun, Nov 29, 2026');
    expect(rangeTitle({ from: '2026-11-25', to: '2026-11-25' })).toBe('Wednesday, November 25, 2026');
  });
});
