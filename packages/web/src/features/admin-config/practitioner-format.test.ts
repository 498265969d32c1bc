import { describe, expect, it } from 'vitest';
import {
  bookedVisitsText,
  copyMondayToWeekdays,
  credentialStatus,
  describeHours,
  emptyCredentialDraft,
  emptyWeek,
  localToIso,
  practitionerRows,
  toNewCredential,
  toNewTimeOff,
  validateCredentialDraft,
  validateTimeOff,
  validateWeek,
  weekFromStored,
  weekToHours,
} from './practitioner-format.ts';

describe('the practitioner list', () => {
  it('lists active clinicians and volunteers, with credentials where the server gives them', () => {
    const user = (id: string, name: string, role: 'clinician' | 'volunteer' | 'admin', active = true) => ({
      id,
      name,
      role,
      email: `${id}@example.org`,
      discipline: role === 'clinician' ? 'acupuncturist' : null,
      active,
      lockedUntil: null,
    });
    const rows = practitionerRows(
      [
        user('c', 'Mei Chen, LAc', 'clinician'),
        user('a', 'Jordan Lee', 'admin'),
        user('v', 'Pat Morgan', 'volunteer'),
        user('n', 'New Person', 'clinician'),
        user('x', 'Left Already', 'clinician', false),
      ],
      [
        {
          id: 'c',
          name: 'Mei Chen, LAc',
          role: 'clinician',
          discipline: 'acupuncturist',
          locationIds: ['phx'],
          credentials: [
            { kind: 'acupuncture-licence', name: 'LAc', number: '1', issuer: 'AZ', expiresOn: null },
          ],
        },
      ],
    );
    expect(rows.map((r) => [r.name, r.locationIds, r.credentials?.length ?? null])).toEqual([
      ['Mei Chen, LAc', ['phx'], 1],
      ['New Person', [], null],
      ['Pat Morgan', [], null],
    ]);
  });
});

describe('credential status', () => {
  const today = '2026-11-22';
  it('marks expired and soon-to-expire credentials', () => {
    expect(credentialStatus('2026-11-19', today)).toEqual({ tone: 'expired', text: 'Expired 3 days ago' });
    expect(credentialStatus('2026-11-21', today)).toEqual({ tone: 'expired', text: 'Expired 1 day ago' });
    expect(credentialStatus('2026-11-22', today)).toEqual({ tone: 'expiring', text: 'Expires today' });
    expect(credentialStatus('2027-01-06', today)).toEqual({ tone: 'expiring', text: 'Expires in 45 days' });
    expect(credentialStatus('2027-01-21', today)).toEqual({ tone: 'expiring', text: 'Expires in 60 days' });
    expect(credentialStatus('2027-01-22', today)).toEqual({
      tone: 'valid',
      text: 'Valid until January 22, 2027',
    });
    expect(credentialStatus(null, today)).toEqual({ tone: 'no-expiry', text: 'Does not expire' });
  });

  it('checks a new credential', () => {
    expect(Object.keys(validateCredentialDraft(emptyCredentialDraft)).sort()).toEqual([
      'issuer',
      'kind',
      'number',
    ]);
    const draft = {
      kind: 'reiki-training',
      number: ' R-77 ',
      issuer: 'Reiki Alliance',
      issuedOn: '2026-01-01',
      expiresOn: '2025-01-01',
    };
    expect(validateCredentialDraft(draft)).toEqual({ expiresOn: 'It must expire after it was issued.' });
    expect(toNewCredential({ ...draft, expiresOn: '' })).toEqual({
      kind: 'reiki-training',
      number: 'R-77',
      issuer: 'Reiki Alliance',
      issuedOn: '2026-01-01',
    });
  });
});

describe('the weekly hours editor', () => {
  it('fills the week from saved hours at one location, and names days saved as several spans', () => {
    const { week, split } = weekFromStored(
      [
        {
          locationId: 'a',
          weekday: 1,
          starts: '08:00',
          ends: '17:00',
          breakStarts: '12:00',
          breakEnds: '13:00',
        },
        { locationId: 'b', weekday: 2, starts: '08:00', ends: '12:00', breakStarts: null, breakEnds: null },
        { locationId: 'a', weekday: 3, starts: '14:00', ends: '18:00', breakStarts: null, breakEnds: null },
        { locationId: 'a', weekday: 3, starts: '08:00', ends: '10:00', breakStarts: null, breakEnds: null },
      ],
      'a',
    );
    expect(week[0]).toEqual({
      works: true,
      starts: '08:00',
      ends: '17:00',
      breakStarts: '12:00',
      breakEnds: '13:00',
    });
    expect(week[1]?.works).toBe(false);
    expect(week[2]).toMatchObject({ works: true, starts: '08:00', ends: '10:00' });
    expect(split).toEqual(['Wednesday']);
  });

  it('says what is wrong with a day', () => {
    const week = emptyWeek();
    week[0] = { works: true, starts: '09:00', ends: '08:00', breakStarts: '', breakEnds: '' };
    week[1] = { works: true, starts: '09:00', ends: '17:00', breakStarts: '12:00', breakEnds: '' };
    week[2] = { works: true, starts: '09:00', ends: '17:00', breakStarts: '08:00', breakEnds: '09:30' };
    week[3] = { works: true, starts: '', ends: '17:00', breakStarts: '', breakEnds: '' };
    week[4] = { works: true, starts: '09:00', ends: '17:00', breakStarts: '12:00', breakEnds: '12:30' };
    // A day off keeps whatever was typed, unchecked.
    week[5] = { works: false, starts: 'nonsense', ends: '', breakStarts: '', breakEnds: '' };
    expect(validateWeek(week)).toEqual({
      0: 'Monday: the day must end after it starts.',
      1: 'Tuesday: give both the start and the end of the break, or neither.',
      2: 'Wednesday: the break must fall within the working hours.',
      3: 'Thursday: give the start and end times.',
    });
  });

  it('sends working days only, with a break where given, and describes them', () => {
    const week = copyMondayToWeekdays(
      emptyWeek().map((d, i) =>
        i === 0
          ? { works: true, starts: '08:00', ends: '16:00', breakStarts: '12:00', breakEnds: '12:30' }
          : d,
      ),
    );
    week[5] = { works: true, starts: '09:00', ends: '13:00', breakStarts: '', breakEnds: '' };
    const hours = weekToHours(week);
    expect(hours).toHaveLength(6);
    expect(hours[5]).toEqual({ weekday: 6, starts: '09:00', ends: '13:00' });
    expect(hours[4]).toEqual({
      weekday: 5,
      starts: '08:00',
      ends: '16:00',
      breakStarts: '12:00',
      breakEnds: '12:30',
    });
    expect(describeHours([hours[5]!, hours[0]!])).toEqual([
      'Monday 08:00–16:00, break 12:00–12:30',
      'Saturday 09:00–13:00',
    ]);
  });
});

describe('time off', () => {
  it('reads wall-clock times in the chosen zone', () => {
    expect(localToIso('2026-12-01T09:00', 'America/Phoenix')).toBe('2026-12-01T16:00:00.000Z');
    expect(localToIso('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(localToIso('tomorrow', 'America/Phoenix')).toBeNull();
  });

  it('checks the span and builds the request', () => {
    const draft = {
      starts: '2026-12-01T09:00',
      ends: '2026-12-01T08:00',
      timeZone: 'America/Phoenix',
      reason: '',
    };
    expect(validateTimeOff(draft)).toEqual({ ends: 'Time off must end after it starts.' });
    expect(validateTimeOff({ ...draft, starts: '' })).toEqual({
      starts: 'Give the date and time it starts.',
    });
    expect(toNewTimeOff({ ...draft, ends: '2026-12-02T17:00', reason: ' Conference ' })).toEqual({
      startsAt: '2026-12-01T16:00:00.000Z',
      endsAt: '2026-12-03T00:00:00.000Z',
      reason: 'Conference',
    });
  });

  it('says how many booked visits need moving', () => {
    expect(bookedVisitsText(0)).toBe('No booked visits fall in this time.');
    expect(bookedVisitsText(1)).toBe('1 booked visit needs moving.');
    expect(bookedVisitsText(3)).toBe('3 booked visits need moving.');
  });
});
