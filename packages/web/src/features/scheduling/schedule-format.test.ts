import { describe, expect, it } from 'vitest';
import type { Appointment, Coverage, Practitioner, ProposedVisit, Service, Slot } from '../../api/types.ts';
import {
  cancelReasonProblem,
  deskBookableServices,
  durationMinutes,
  formatCents,
  isChangeable,
  practitionersFor,
  preferredTimes,
  searchRangeProblem,
  selfBookableServices,
  seriesChoices,
  seriesCoverageNote,
  slotSearchParams,
  summarizeCoverage,
  upcomingVisits,
  visitsNeedingChoice,
} from './schedule-format.ts';

const covered: Coverage = {
  status: 'covered',
  missing: [],
  visitNumber: 1,
  visitsPerYear: 12,
  copayCents: 2500,
  selfPayCents: 9500,
  explanation: [
    'Covered by Sonoran Health Choice PPO.',
    'Visit 1 of 12 covered this year.',
    'Copay: $25.00.',
  ],
};

describe('summarizeCoverage', () => {
  it('says what the patient pays and what is missing', () => {
    expect(formatCents(2500)).toBe('$25.00');
    expect(summarizeCoverage(covered)).toMatchObject({
      label: 'Covered',
      tone: 'covered',
      cost: 'Copay: $25.00.',
    });
    expect(summarizeCoverage({ ...covered, copayCents: null }).cost).toBe('No copay.');
    expect(
      summarizeCoverage({ ...covered, status: 'waiting', missing: ['referral', 'prior_authorisation'] }),
    ).toMatchObject({ label: 'Waiting on referral and prior authorisation', tone: 'waiting' });
    expect(summarizeCoverage({ ...covered, status: 'self_pay', copayCents: null })).toMatchObject({
      label: 'Self-pay',
      cost: 'Self-pay price: $95.00.',
    });
    expect(summarizeCoverage({ ...covered, status: 'self_pay', selfPayCents: null }).cost).toBe(
      'Ask the front desk for the self-pay price.',
    );
  });

  it('copes with visits booked before coverage was recorded', () => {
    expect(summarizeCoverage({})).toEqual({
      label: 'Coverage not recorded',
      tone: 'unknown',
      cost: null,
      details: [],
    });
  });
});

describe('seriesCoverageNote', () => {
  const days = ['2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30'];
  it('warns when the yearly limit runs out part-way', () => {
    expect(seriesCoverageNote(covered, days)).toBeNull();
    expect(seriesCoverageNote({ ...covered, visitNumber: 10 }, days)).toBe(
      'Your plan covers 3 more visits in 2026; the other 3 visits that year would be self-pay ($95.00 each).',
    );
    expect(seriesCoverageNote({ ...covered, visitNumber: 13 }, ['2026-12-30', '2027-01-06'])).toBe(
      'Your plan covers 0 more visits in 2026; the other 1 visit that year would be self-pay ($95.00 each).',
    );
  });
  it('says nothing without a limit or for self-pay', () => {
    expect(seriesCoverageNote({ ...covered, visitsPerYear: null }, days)).toBeNull();
    expect(seriesCoverageNote({ ...covered, status: 'self_pay' }, days)).toBeNull();
    expect(seriesCoverageNote({}, days)).toBeNull();
  });
});

const service = (over: Partial<Service>): Service => ({
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
  locationIds: [],
  ...over,
});

describe('catalog filters', () => {
  it('offers patients only active, self-bookable services they can attend', () => {
    const list = [
      service({ id: 'a' }),
      service({ id: 'b', selfBookable: false }),
      service({ id: 'c', settings: ['inpatient'] }),
      service({ id: 'd', active: false }),
      service({ id: 'e', settings: ['telehealth'] }),
    ];
    expect(selfBookableServices(list).map((s) => s.id)).toEqual(['a', 'e']);
    expect(deskBookableServices(list).map((s) => s.id)).toEqual(['a', 'b', 'e']);
  });

  it('lists the practitioners whose discipline delivers the service', () => {
    const people: Practitioner[] = [
      { id: 'p1', name: 'Mei Chen, LAc', role: 'clinician', discipline: 'acupuncturist', locationIds: [] },
      {
        id: 'p2',
        name: 'Olivia Brooks, LMT',
        role: 'clinician',
        discipline: 'massage_therapist',
        locationIds: [],
      },
      { id: 'p3', name: 'Desk', role: 'coordinator', discipline: null, locationIds: [] },
    ];
    expect(practitionersFor(service({}), people).map((p) => p.id)).toEqual(['p1']);
    expect(practitionersFor(undefined, people)).toHaveLength(3);
  });
});

describe('slot searches', () => {
  it('builds the query string, leaving out what was not chosen', () => {
    expect(slotSearchParams({ serviceId: 's', locationId: 'l' })).toBe('serviceId=s&locationId=l');
    expect(
      slotSearchParams({
        serviceId: 's',
        locationId: 'l',
        practitionerId: 'p',
        patientId: 'pt',
        from: '2026-11-25',
        to: '2026-12-22',
        weekdays: [5, 3],
        earliest: '10:00',
        latest: '',
        durationMinutes: 60,
        setting: 'outpatient',
        limit: 100,
        moving: 'v1',
      }),
    ).toBe(
      'serviceId=s&locationId=l&practitionerId=p&patientId=pt&from=2026-11-25&to=2026-12-22&weekdays=3%2C5&earliest=10%3A00&durationMinutes=60&setting=outpatient&limit=100&moving=v1',
    );
    // Every day ticked is the same as none.
    expect(
      slotSearchParams({ serviceId: 's', locationId: 'l', weekdays: [1, 2, 3, 4, 5, 6, 7] }),
    ).not.toContain('weekdays');
  });

  it('explains ranges the server would refuse', () => {
    expect(searchRangeProblem({ from: '2026-11-25', to: '2026-12-22' })).toBeNull();
    expect(searchRangeProblem({ from: '', to: '2026-12-22' })).toBe('Choose the first day to look from.');
    expect(searchRangeProblem({ from: '2026-11-25', to: '2026-11-24' })).toBe(
      'The last day must be on or after the first day.',
    );
    expect(searchRangeProblem({ from: '2026-01-01', to: '2026-06-01' })).toBe(
      'Look at most 120 days ahead at a time.',
    );
    expect(
      searchRangeProblem({ from: '2026-11-25', to: '2026-11-25', earliest: '14:00', latest: '09:00' }),
    ).toBe('The latest start time must be after the earliest.');
  });

  it('offers hourly preferred start times', () => {
    expect(preferredTimes[0]).toEqual({ value: '07:00', label: '7:00 AM' });
    expect(preferredTimes.find((t) => t.value === '12:00')?.label).toBe('12:00 PM');
    expect(preferredTimes.at(-1)).toEqual({ value: '19:00', label: '7:00 PM' });
  });
});

const slot = (start: string): Slot => ({
  practitioner: { id: 'p1', name: 'Mei Chen, LAc' },
  roomId: null,
  start,
  end: start,
});

describe('series choices', () => {
  const visits: ProposedVisit[] = [
    { visit: 1, date: '2026-11-25', slot: slot('2026-11-25T17:00:00.000Z'), alternatives: [] },
    { visit: 2, date: '2026-12-02', slot: null, alternatives: [slot('2026-12-02T18:00:00.000Z')] },
  ];
  it('asks for a pick where the usual time is taken, and sends only those picks', () => {
    expect(visitsNeedingChoice(visits, {}).map((v) => v.visit)).toEqual([2]);
    const picks = { 2: slot('2026-12-02T18:00:00.000Z') };
    expect(visitsNeedingChoice(visits, picks)).toEqual([]);
    expect(seriesChoices(visits, picks)).toEqual([
      { visit: 2, start: '2026-12-02T18:00:00.000Z', practitionerId: 'p1' },
    ]);
  });
});

const visit = (over: Partial<Appointment>): Appointment => ({
  id: 'v',
  status: 'booked',
  lateCancellation: false,
  cancelReason: null,
  coverage: {},
  seriesId: null,
  appointmentId: 'a',
  start: '2026-11-25T17:00:00.000Z',
  end: '2026-11-25T18:00:00.000Z',
  setting: 'outpatient',
  groupClass: false,
  service: { id: 's', name: 'Acupuncture' },
  location: { id: 'l', name: 'Phoenix', timeZone: 'America/Phoenix' },
  room: null,
  practitioner: { id: 'p', name: 'Mei Chen, LAc' },
  ...over,
});

describe('visits', () => {
  const now = new Date('2026-11-25T17:30:00Z');
  it('lists booked visits not yet over, soonest first', () => {
    const list = [
      visit({ id: 'later', start: '2026-12-02T17:00:00Z', end: '2026-12-02T18:00:00Z' }),
      visit({ id: 'now' }),
      visit({ id: 'past', start: '2026-11-20T17:00:00Z', end: '2026-11-20T18:00:00Z' }),
      visit({
        id: 'cancelled',
        status: 'cancelled',
        start: '2026-12-09T17:00:00Z',
        end: '2026-12-09T18:00:00Z',
      }),
    ];
    expect(upcomingVisits(list, now).map((v) => v.id)).toEqual(['now', 'later']);
  });
  it('changes only visits that have not started', () => {
    expect(isChangeable(visit({}), now)).toBe(false);
    expect(isChangeable(visit({ start: '2026-11-26T17:00:00Z' }), now)).toBe(true);
    expect(isChangeable(visit({ start: '2026-11-26T17:00:00Z', status: 'cancelled' }), now)).toBe(false);
    expect(durationMinutes(visit({}))).toBe(60);
  });
  it('asks for a real reason to cancel', () => {
    expect(cancelReasonProblem(' ok ')).toBe('Say in a few words why the visit is cancelled.');
    expect(cancelReasonProblem('I am unwell')).toBeNull();
    expect(cancelReasonProblem('x'.repeat(501))).toBe('Keep the reason under 500 characters.');
  });
});
