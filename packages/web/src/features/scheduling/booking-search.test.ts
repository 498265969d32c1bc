import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types.ts';
import { chosenDuration, effectiveRange, initialFilters, slotLimit, toSlotSearch } from './booking-search.ts';

const acupuncture: Service = {
  id: 's1',
  code: 'acupuncture',
  name: 'Acupuncture',
  category: 'Acupuncture',
  description: null,
  durations: [60, 45],
  disciplines: ['acupuncturist'],
  capacity: 1,
  groupClass: false,
  settings: ['outpatient'],
  selfPayCents: 9500,
  selfBookable: true,
  cancelNoticeHours: 24,
  active: true,
  locationIds: ['l1'],
};

describe('the booking search', () => {
  const today = '2026-11-22';

  it('looks four weeks ahead from today until the person says otherwise', () => {
    expect(effectiveRange(initialFilters('l1'), today)).toEqual({ from: '2026-11-22', to: '2026-12-19' });
    expect(effectiveRange({ ...initialFilters('l1'), from: '2026-11-25' }, today)).toEqual({
      from: '2026-11-25',
      to: '2026-12-22',
    });
    expect(effectiveRange({ ...initialFilters('l1'), from: '', to: null }, today)).toEqual({
      from: '',
      to: '',
    });
    expect(effectiveRange({ ...initialFilters('l1'), to: '2026-11-30' }, today).to).toBe('2026-11-30');
  });

  it('waits for a service, then searches with the preferences', () => {
    expect(toSlotSearch(initialFilters('l1'), undefined, today)).toEqual({ search: null, problem: null });
    const filters = {
      ...initialFilters('l1'),
      serviceId: 's1',
      from: '2026-11-25',
      weekdays: ['3'],
      earliest: '10:00',
      durationMinutes: '45',
    };
    expect(toSlotSearch(filters, acupuncture, today)).toEqual({
      search: {
        serviceId: 's1',
        locationId: 'l1',
        practitionerId: undefined,
        from: '2026-11-25',
        to: '2026-12-22',
        weekdays: [3],
        earliest: '10:00',
        latest: undefined,
        durationMinutes: 45,
        limit: slotLimit,
      },
      problem: null,
    });
  });

  it('says why it cannot search', () => {
    const filters = { ...initialFilters('l1'), serviceId: 's1', from: '2026-11-25', to: '2026-11-20' };
    expect(toSlotSearch(filters, acupuncture, today)).toEqual({
      search: null,
      problem: 'The last day must be on or after the first day.',
    });
  });

  it('uses the service’s usual length unless it offers the one chosen', () => {
    expect(chosenDuration(initialFilters('l1'), acupuncture)).toBe(60);
    expect(chosenDuration({ ...initialFilters('l1'), durationMinutes: '45' }, acupuncture)).toBe(45);
    expect(chosenDuration({ ...initialFilters('l1'), durationMinutes: '90' }, acupuncture)).toBe(60);
  });
});
