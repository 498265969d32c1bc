import { describe, expect, it } from 'vitest';
import type { ExpiringCredential, Visit } from '../../api/types.ts';
import {
  bedsideServices,
  daysBetween,
  describeChange,
  emptyOrderDraft,
  emptyVisitDraft,
  expiryText,
  formatBedPlace,
  formatScoreChange,
  humanizeId,
  scoreValues,
  sessionSummary,
  sortCredentials,
  statusLabel,
  toNewOrder,
  toSessionBody,
  validateOrderDraft,
  validateVisitDraft,
  visitsToRecord,
} from './bedside-format.ts';

describe('scores', () => {
  it('offers 0 to 10', () => {
    expect(scoreValues).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('writes a change as "Pain 7 → 4", and says which side was not recorded', () => {
    expect(formatScoreChange('Pain', 7, 4)).toBe('Pain 7 → 4');
    expect(formatScoreChange('Pain', 0, 0)).toBe('Pain 0 → 0');
    expect(formatScoreChange('Anxiety', 6, null)).toBe('Anxiety 6 → not recorded');
    expect(formatScoreChange('Anxiety', null, null)).toBeNull();
  });

  it('describes the direction of a change', () => {
    expect(describeChange(7, 4)).toBe('down 3');
    expect(describeChange(2, 3)).toBe('up 1');
    expect(describeChange(5, 5)).toBe('no change');
    expect(describeChange(null, 5)).toBe('');
  });

  it('summarises a saved visit, leaving out scores not asked', () => {
    expect(
      sessionSummary({ painBefore: 7, painAfter: 4, anxietyBefore: 6, anxietyAfter: 3, minutes: 20 }),
    ).toBe('Pain 7 → 4 · Anxiety 6 → 3 · 20 minutes');
    expect(
      sessionSummary({ painBefore: null, painAfter: null, anxietyBefore: 5, anxietyAfter: 2, minutes: 1 }),
    ).toBe('Anxiety 5 → 2 · 1 minute');
  });
});

describe('the visit form', () => {
  const filled = {
    ...emptyVisitDraft('20'),
    painBefore: '7',
    painAfter: '4',
    anxietyBefore: '6',
    anxietyAfter: '3',
  };

  it('accepts whole scores from 0 to 10 or none, and 1 to 240 minutes', () => {
    expect(validateVisitDraft(filled)).toEqual({});
    expect(validateVisitDraft({ ...filled, painAfter: '' })).toEqual({});
    expect(validateVisitDraft({ ...filled, painAfter: '11' }).painAfter).toMatch(/0 to 10/);
    expect(validateVisitDraft({ ...filled, anxietyBefore: '2.5' }).anxietyBefore).toMatch(/0 to 10/);
    expect(validateVisitDraft({ ...filled, minutes: '' }).minutes).toMatch(/how many minutes/);
    expect(validateVisitDraft({ ...filled, minutes: '0' }).minutes).toMatch(/1 to 240/);
    expect(validateVisitDraft({ ...filled, minutes: '241' }).minutes).toMatch(/1 to 240/);
    expect(validateVisitDraft({ ...filled, minutes: '15.5' }).minutes).toMatch(/whole number/);
  });

  it('sends numbers and nulls; the completion flag only for clinicians', () => {
    expect(toSessionBody({ ...filled, painAfter: '', notes: '  calm  ' }, true)).toEqual({
      painBefore: 7,
      painAfter: null,
      anxietyBefore: 6,
      anxietyAfter: 3,
      minutes: 20,
      notes: 'calm',
      complete: true,
    });
    expect(toSessionBody({ ...filled, moreVisits: true }, true).complete).toBe(false);
    expect(toSessionBody(filled, false)).not.toHaveProperty('complete');
    expect(toSessionBody(filled, false)).not.toHaveProperty('notes');
  });
});

describe('the order form', () => {
  const draft = {
    ...emptyOrderDraft(),
    serviceId: 'svc',
    unit: ' Cardiac surgery, 4 West ',
    room: '412',
    precautions: ['chest-drain'],
  };

  it('needs a service, unit and room', () => {
    expect(validateOrderDraft(draft)).toEqual({});
    expect(Object.keys(validateOrderDraft(emptyOrderDraft())).sort()).toEqual(['room', 'serviceId', 'unit']);
    expect(validateOrderDraft({ ...draft, bed: 'x'.repeat(21) }).bed).toMatch(/20/);
  });

  it('keeps the last place when given one', () => {
    expect(emptyOrderDraft({ unit: '4 West', room: '412', bed: 'B' })).toMatchObject({
      unit: '4 West',
      room: '412',
      bed: 'B',
      serviceId: '',
      precautions: [],
    });
  });

  it('trims and leaves out empty optional fields', () => {
    expect(toNewOrder(draft, 'loc')).toEqual({
      serviceId: 'svc',
      locationId: 'loc',
      unit: 'Cardiac surgery, 4 West',
      room: '412',
      precautions: ['chest-drain'],
    });
    expect(toNewOrder({ ...draft, bed: ' B ', notes: 'left side' }, 'loc')).toMatchObject({
      bed: 'B',
      notes: 'left side',
    });
  });

  it('offers only inpatient services clinicians give, by name', () => {
    const services = [
      { id: '1', code: 'massage', name: 'Massage therapy', settings: ['outpatient'], disciplines: [] },
      {
        id: '2',
        code: 'reiki',
        name: 'Reiki',
        settings: ['outpatient', 'inpatient'],
        disciplines: ['nurse'],
      },
      {
        id: '3',
        code: 'inpatient-massage',
        name: 'Massage at the bedside',
        settings: ['inpatient'],
        disciplines: ['massage_therapist'],
      },
      {
        id: '4',
        code: 'volunteer-hand-massage',
        name: 'Volunteer hand massage',
        settings: ['inpatient'],
        disciplines: [],
      },
    ];
    expect(bedsideServices(services).map((s) => s.name)).toEqual(['Massage at the bedside', 'Reiki']);
  });
});

describe('words for the screen', () => {
  it('writes the place at the bedside', () => {
    expect(formatBedPlace({ unit: 'Cardiac surgery, 4 West', room: '412', bed: 'B' })).toBe(
      'Cardiac surgery, 4 West · Room 412 · Bed B',
    );
    expect(formatBedPlace({ unit: '4 West', room: '412', bed: '' })).toBe('4 West · Room 412');
  });

  it('names statuses and knowledge-base ids in words', () => {
    expect(statusLabel('open')).toBe('Waiting for a therapist');
    expect(statusLabel('on_hold')).toBe('on hold');
    expect(humanizeId('open-wound')).toBe('Open wound');
    expect(humanizeId('condition:deep-vein-thrombosis')).toBe('Deep vein thrombosis');
  });
});

describe('volunteer rounds', () => {
  const visit = (id: string, startsAt: string): Visit => ({
    id,
    service: 'Volunteer hand massage',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 15 * 60_000).toISOString(),
    unit: '4 West',
    room: '412',
    patient: { id: 'p', displayName: 'Grace T.' },
    location: { id: 'l', name: 'Rochester', timeZone: 'America/Chicago' },
  });

  it('offers visits from today and before, in the location’s own day', () => {
    // 03:00 UTC on the 23rd is still the evening of the 22nd in Rochester.
    const now = new Date('2026-11-23T03:00:00Z');
    const visits = [
      visit('tomorrow', '2026-11-23T20:00:00Z'),
      visit('today', '2026-11-22T20:00:00Z'),
      visit('yesterday', '2026-11-21T20:00:00Z'),
    ];
    expect(visitsToRecord(visits, now).map((v) => v.id)).toEqual(['yesterday', 'today']);
  });
});

describe('credentials', () => {
  const credential = (id: string, expiresOn: string, name = 'Hannah Berg, LMT'): ExpiringCredential => ({
    id,
    practitioner: { id: 'u', name },
    kind: 'massage-licence',
    name: 'Massage therapy licence',
    number: 'D-1',
    issuer: 'Board',
    expiresOn,
    expired: false,
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-11-22', '2027-01-06')).toBe(45);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('says when a credential expires or expired', () => {
    expect(expiryText(credential('a', '2027-01-06'), '2026-11-22')).toBe('Expires in 45 days');
    expect(expiryText(credential('a', '2026-11-23'), '2026-11-22')).toBe('Expires in 1 day');
    expect(expiryText(credential('a', '2026-11-22'), '2026-11-22')).toBe('Expires today');
    expect(expiryText(credential('a', '2026-11-21'), '2026-11-22')).toBe('Expired 1 day ago');
    expect(expiryText(credential('a', '2026-10-23'), '2026-11-22')).toBe('Expired 30 days ago');
  });

  it('lists expired ones first, then the soonest', () => {
    const sorted = sortCredentials([
      credential('later', '2027-01-06'),
      credential('past', '2026-10-01'),
      credential('soon-b', '2026-12-01', 'B'),
      credential('soon-a', '2026-12-01', 'A'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['past', 'soon-a', 'soon-b', 'later']);
  });
});
