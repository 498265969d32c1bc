import { describe, expect, it } from 'vitest';
import type { AdminService } from '../../api/types.ts';
import {
  deliveredByText,
  draftFromService,
  formatDurations,
  formatPrice,
  groupByCategory,
  parseDurations,
  parsePrice,
  savedServiceMessage,
  serviceChanges,
  validateServiceDraft,
} from './catalog-format.ts';

const cupping: AdminService = {
  id: 's1',
  code: 'cupping',
  name: 'Cupping',
  category: 'Acupuncture',
  description: 'Suction cups on the skin.',
  durations: [30, 45],
  disciplines: ['acupuncturist'],
  deliveredByVolunteers: false,
  requiredCredentials: ['acupuncture-licence'],
  capacity: 1,
  groupClass: false,
  settings: ['outpatient'],
  therapy: 'cupping',
  selfPayCents: 6000,
  selfBookable: true,
  cancelNoticeHours: 24,
  active: true,
  locationIds: [],
};

describe('the catalog table', () => {
  it('groups services by category, both in alphabetical order', () => {
    const groups = groupByCategory([
      { name: 'Yoga', category: 'Movement' },
      { name: 'Cupping', category: 'Acupuncture' },
      { name: 'Acupressure', category: 'Acupuncture' },
    ]);
    expect(groups.map((g) => [g.category, g.services.map((s) => s.name)])).toEqual([
      ['Acupuncture', ['Acupressure', 'Cupping']],
      ['Movement', ['Yoga']],
    ]);
  });

  it('writes durations, prices and who delivers a service', () => {
    expect(formatDurations([30, 45])).toBe('30, 45 min');
    expect(formatPrice(6000)).toBe('$60.00');
    expect(formatPrice(null)).toBe('No self-pay price');
    expect(deliveredByText(cupping)).toBe('Acupuncturist');
    expect(deliveredByText({ disciplines: [], deliveredByVolunteers: true })).toBe('Trained volunteers');
    expect(deliveredByText({ disciplines: [], deliveredByVolunteers: false })).toBe('Nobody yet');
  });
});

describe('reading the edit form', () => {
  it('reads durations as minutes in the order given', () => {
    expect(parseDurations('30, 45, 60')).toEqual({ ok: true, value: [30, 45, 60] });
    expect(parseDurations('45 30')).toEqual({ ok: true, value: [45, 30] });
    expect(parseDurations('')).toMatchObject({ ok: false });
    expect(parseDurations('30, half an hour')).toMatchObject({ ok: false });
    expect(parseDurations('3')).toMatchObject({ ok: false, error: expect.stringContaining('5 to 480') });
    expect(parseDurations('30, 30')).toMatchObject({ ok: false, error: 'Give each length once.' });
    expect(parseDurations('10 20 30 40 50 60 70')).toMatchObject({ ok: false });
  });

  it('reads a price in dollars as cents; empty means no self-pay price', () => {
    expect(parsePrice('65')).toEqual({ ok: true, value: 6500 });
    expect(parsePrice('$65.5')).toEqual({ ok: true, value: 6550 });
    expect(parsePrice('1,200.05')).toEqual({ ok: true, value: 120005 });
    expect(parsePrice('  ')).toEqual({ ok: true, value: null });
    expect(parsePrice('65.555')).toMatchObject({ ok: false });
    expect(parsePrice('-3')).toMatchObject({ ok: false });
    expect(parsePrice('200000')).toMatchObject({ ok: false });
  });

  it('says what is wrong with a draft', () => {
    const draft = {
      ...draftFromService(cupping),
      durations: 'x',
      cancelNoticeHours: '200',
      capacity: '0',
      settings: [],
      disciplines: [],
    };
    expect(Object.keys(validateServiceDraft(draft)).sort()).toEqual([
      'cancelNoticeHours',
      'capacity',
      'disciplines',
      'durations',
      'settings',
    ]);
    expect(
      validateServiceDraft({ ...draftFromService(cupping), disciplines: [], deliveredByVolunteers: true }),
    ).toEqual({});
  });

  it('sends only what changed', () => {
    const unchanged = draftFromService(cupping);
    expect(serviceChanges(cupping, unchanged)).toEqual({});
    expect(
      serviceChanges(cupping, {
        ...unchanged,
        durations: '30, 45, 60',
        price: '65.00',
        requiredCredentials: ['acupuncture-licence', 'reiki-training'],
        settings: ['telehealth', 'outpatient'],
      }),
    ).toEqual({
      durations: [30, 45, 60],
      selfPayCents: 6500,
      requiredCredentials: ['acupuncture-licence', 'reiki-training'],
      settings: ['outpatient', 'telehealth'],
    });
    // The first duration is the usual one, so a new order is a change.
    expect(serviceChanges(cupping, { ...unchanged, durations: '45, 30' })).toEqual({ durations: [45, 30] });
    expect(serviceChanges(cupping, { ...unchanged, price: '' })).toEqual({ selfPayCents: null });
  });

  it('confirms what was saved', () => {
    expect(savedServiceMessage('Cupping', ['durations', 'selfPayCents'])).toBe(
      'Saved Cupping: durations and self-pay price.',
    );
    expect(savedServiceMessage('Cupping', ['durations', 'capacity', 'active'])).toBe(
      'Saved Cupping: durations, group capacity and active.',
    );
  });
});
