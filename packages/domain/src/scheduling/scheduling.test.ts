import { describe, expect, it } from 'vitest';
import { type AuthorisationOnFile, decideCoverage, type PlanServiceRule } from './coverage.ts';
import { credentialProblems, expiringCredentials } from './credentials.ts';
import { findSlots, type PractitionerCalendar, proposeSeries } from './slots.ts';

const everyDay = (starts: string, ends: string, extra: object = {}) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts, ends, ...extra }));
const calendar = (id: string, hours = everyDay('09:00', '12:00'), busy: { start: Date; end: Date }[] = []) =>
  ({ practitionerId: id, hours, busy }) satisfies PractitionerCalendar;
const iso = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());
const search = (timeZone: string, from: string, to: string, extra: object = {}) => ({
  timeZone,
  from,
  to,
  durationMinutes: 60,
  stepMinutes: 60,
  notBefore: new Date('2020-01-01T00:00:00Z'),
  limit: 100,
  ...extra,
});

describe('slots across daylight-saving changes', () => {
  // In 2027 US clocks spring forward on 14 March and fall back on 7 November; Arizona does neither.
  const firstSlotEachDay = (zone: string, from: string, to: string) =>
    iso(findSlots([calendar('p', everyDay('09:00', '10:00'))], search(zone, from, to)));

  it('keeps 09:00 at 09:00 in Minnesota when clocks spring forward and fall back', () => {
    expect(firstSlotEachDay('America/Chicago', '2027-03-13', '2027-03-15')).toEqual([
      '2027-03-13T15:00:00.000Z', // CST, UTC-6
      '2027-03-14T14:00:00.000Z', // CDT, UTC-5
      '2027-03-15T14:00:00.000Z',
    ]);
    expect(firstSlotEachDay('America/Chicago', '2027-11-06', '2027-11-08')).toEqual([
      '2027-11-06T14:00:00.000Z',
      '2027-11-07T15:00:00.000Z',
      '2027-11-08T15:00:00.000Z',
    ]);
  });

  it('does the same in Florida (Eastern time)', () => {
    expect(firstSlotEachDay('America/New_York', '2027-03-13', '2027-03-14')).toEqual([
      '2027-03-13T14:00:00.000Z',
      '2027-03-14T13:00:00.000Z',
    ]);
    expect(firstSlotEachDay('America/New_York', '2027-11-06', '2027-11-07')).toEqual([
      '2027-11-06T13:00:00.000Z',
      '2027-11-07T14:00:00.000Z',
    ]);
  });

  it('stays at UTC-7 all year in Arizona', () => {
    expect(firstSlotEachDay('America/Phoenix', '2027-03-13', '2027-03-15')).toEqual([
      '2027-03-13T16:00:00.000Z',
      '2027-03-14T16:00:00.000Z',
      '2027-03-15T16:00:00.000Z',
    ]);
    expect(firstSlotEachDay('America/Phoenix', '2027-11-06', '2027-11-07')).toEqual([
      '2027-11-06T16:00:00.000Z',
      '2027-11-07T16:00:00.000Z',
    ]);
  });

  it('offers no slot in the hour that does not exist, and no slot twice, on the night of a change', () => {
    const night = [calendar('p', everyDay('00:00', '04:00'))];
    expect(iso(findSlots(night, search('America/Chicago', '2027-03-14', '2027-03-14')))).toEqual([
      '2027-03-14T06:00:00.000Z', // 00:00 CST
      '2027-03-14T07:00:00.000Z', // 01:00 CST
      '2027-03-14T08:00:00.000Z', // 03:00 CDT (02:00 was skipped)
    ]);
    const fallBack = iso(findSlots(night, search('America/Chicago', '2027-11-07', '2027-11-07')));
    expect(fallBack).toHaveLength(4);
    expect(new Set(fallBack).size).toBe(4);
  });
});

describe('slot search', () => {
  const zone = 'America/Phoenix';

  it('leaves out busy times, the break, the patient’s own visits and times before notBefore', () => {
    const p = calendar('p', everyDay('09:00', '13:00', { breakStarts: '11:00', breakEnds: '12:00' }), [
      { start: new Date('2027-01-05T16:00:00Z'), end: new Date('2027-01-05T17:00:00Z') }, // 09:00 taken
    ]);
    const slots = findSlots(
      [p],
      search(zone, '2027-01-05', '2027-01-05', {
        patientBusy: [{ start: new Date('2027-01-05T19:00:00Z'), end: new Date('2027-01-05T19:30:00Z') }],
      }),
    );
    // 09:00 busy, 10:00 free, 11:00 break, 12:00 overlaps the patient's 12:00–12:30.
    expect(iso(slots)).toEqual(['2027-01-05T17:00:00.000Z']);
    const later = findSlots(
      [p],
      search(zone, '2027-01-05', '2027-01-05', { notBefore: new Date('2027-01-05T17:30:00Z') }),
    );
    expect(iso(later)).toEqual(['2027-01-05T19:00:00.000Z']);
  });

  it('needs a free room when rooms are given, and names it', () => {
    const rooms = [
      {
        roomId: 'r1',
        busy: [{ start: new Date('2027-01-05T16:00:00Z'), end: new Date('2027-01-05T18:00:00Z') }],
      },
      {
        roomId: 'r2',
        busy: [{ start: new Date('2027-01-05T16:00:00Z'), end: new Date('2027-01-05T17:00:00Z') }],
      },
    ];
    const slots = findSlots([calendar('p')], search(zone, '2027-01-05', '2027-01-05', { rooms }));
    expect(slots.map((s) => [s.start.toISOString(), s.roomId])).toEqual([
      ['2027-01-05T17:00:00.000Z', 'r2'],
      ['2027-01-05T18:00:00.000Z', 'r1'],
    ]);
  });

  it('honours preferred weekdays and times, orders by time then practitioner, and stops at the limit', () => {
    const slots = findSlots(
      [calendar('a'), calendar('b')],
      search(zone, '2027-01-04', '2027-01-17', {
        preferred: { weekdays: [3], earliest: '10:00', latest: '10:59' },
        limit: 3,
      }),
    );
    expect(slots.map((s) => [s.start.toISOString(), s.practitionerId])).toEqual([
      ['2027-01-06T17:00:00.000Z', 'a'],
      ['2027-01-06T17:00:00.000Z', 'b'],
      ['2027-01-13T17:00:00.000Z', 'a'],
    ]);
  });

  it('proposes a weekly series at the same time, with alternatives where that time is taken', () => {
    const taken = { start: new Date('2027-01-19T16:00:00Z'), end: new Date('2027-01-19T17:00:00Z') };
    const series = proposeSeries(
      [calendar('chen', everyDay('09:00', '12:00'), [taken]), calendar('other')],
      { timeZone: zone, durationMinutes: 60, stepMinutes: 60, notBefore: new Date('2027-01-01T00:00:00Z') },
      { practitionerId: 'chen', date: '2027-01-05', time: '09:00' },
      6,
      7,
    );
    expect(series.map((v) => v.slot?.start.toISOString() ?? null)).toEqual([
      '2027-01-05T16:00:00.000Z',
      '2027-01-12T16:00:00.000Z',
      null,
      '2027-01-26T16:00:00.000Z',
      '2027-02-02T16:00:00.000Z',
      '2027-02-09T16:00:00.000Z',
    ]);
    expect(series[2]!.alternatives[0]).toMatchObject({
      practitionerId: 'chen',
      start: new Date('2027-01-19T17:00:00Z'),
    });
  });
});

describe('credentials', () => {
  const held = [
    { kind: 'massage-licence', expiresOn: '2027-01-10', issuedOn: '2025-01-10' },
    { kind: 'hospital-massage-training', expiresOn: null },
  ];

  it('needs every required credential, valid on the day of the visit (expiry day included)', () => {
    const bedside = ['massage-licence', 'hospital-massage-training'];
    expect(credentialProblems(bedside, held, '2027-01-10')).toEqual([]);
    expect(credentialProblems(bedside, held, '2027-01-11')).toEqual([
      { kind: 'massage-licence', problem: 'expired' },
    ]);
    expect(credentialProblems(['massage-licence', 'acupuncture-licence'], held, '2026-12-01')).toEqual([
      { kind: 'acupuncture-licence', problem: 'missing' },
    ]);
    expect(credentialProblems(['massage-licence'], held, '2024-12-01')).toEqual([
      { kind: 'massage-licence', problem: 'not_yet_valid' },
    ]);
  });

  it('lists what expires within 60 days, soonest first', () => {
    const more = [
      ...held,
      { kind: 'acupuncture-licence', expiresOn: '2026-12-01' },
      { kind: 'x', expiresOn: '2027-06-01' },
    ];
    expect(expiringCredentials(more, '2026-11-22', 60).map((c) => c.kind)).toEqual([
      'acupuncture-licence',
      'massage-licence',
    ]);
  });
});

describe('coverage', () => {
  const rule: PlanServiceRule = {
    covered: true,
    requiresReferral: true,
    requiresPriorAuthorisation: false,
    visitsPerYear: 12,
    copayCents: 2500,
  };
  const referral: AuthorisationOnFile = {
    kind: 'referral' as const,
    validFrom: '2026-10-01',
    validUntil: '2027-03-31',
    visits: null,
    used: 0,
  };
  const ask = (visitsThisYear: number, onFile = [referral], r: PlanServiceRule | null = rule) =>
    decideCoverage({
      onDate: '2026-12-01',
      plan: { name: 'Acme PPO', rule: r },
      onFile,
      visitsThisYear,
      selfPayCents: 9500,
    });

  it('shows the 13th visit of a plan limited to 12 a year as not covered, with the self-pay price', () => {
    expect(ask(11)).toMatchObject({
      status: 'covered',
      visitNumber: 12,
      visitsPerYear: 12,
      copayCents: 2500,
    });
    const thirteenth = ask(12);
    expect(thirteenth).toMatchObject({ status: 'self_pay', visitNumber: 13, selfPayCents: 9500 });
    expect(thirteenth.explanation.join(' ')).toContain('covers 12 visits a year; this would be visit 13');
  });

  it('waits for a referral that is missing, expired or used up', () => {
    expect(ask(0, [])).toMatchObject({ status: 'waiting', missing: ['referral'] });
    expect(ask(0, [{ ...referral, validUntil: '2026-11-30' }]).missing).toEqual(['referral']);
    expect(ask(0, [{ ...referral, visits: 6, used: 6 }]).missing).toEqual(['referral']);
    expect(
      ask(0, [], { ...rule, requiresReferral: false, requiresPriorAuthorisation: true }).missing,
    ).toEqual(['prior_authorisation']);
  });

  it('is self-pay without a plan or when the plan does not cover the service', () => {
    expect(
      decideCoverage({ onDate: '2026-12-01', plan: null, onFile: [], visitsThisYear: 0, selfPayCents: 9500 })
        .status,
    ).toBe('self_pay');
    expect(ask(0, [referral], { ...rule, covered: false }).status).toBe('self_pay');
  });
});

describe('credentialed days', () => {
  it('offers no slot on a day the practitioner lacks a valid credential', () => {
    const p = {
      ...calendar('p', everyDay('09:00', '10:00')),
      credentialedOn: (d: string) => d <= '2027-01-05',
    };
    expect(iso(findSlots([p], search('America/Phoenix', '2027-01-04', '2027-01-07')))).toEqual([
      '2027-01-04T16:00:00.000Z',
      '2027-01-05T16:00:00.000Z',
    ]);
  });
});
