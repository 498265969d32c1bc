import { instantAt } from '@meridian/domain';
import type {
  HeldCredential,
  NewCredential,
  NewTimeOff,
  PractitionerWithCredentials,
  Role,
  StaffUser,
  StoredWorkingHours,
  WorkingHoursRow,
} from '../../api/types.ts';
import { formatCalendarDate } from '../time/format.ts';

// ---- Who is listed ----

export interface PractitionerRow {
  id: string;
  name: string;
  role: Role;
  discipline: string | null;
  /** Where they have weekly hours. */
  locationIds: string[];
  /** Null when not known: the server lists credentials only for people with weekly hours somewhere. */
  credentials: HeldCredential[] | null;
}

/**
 * Active clinicians and volunteers from the account list, with credentials and locations from the
 * practitioner list (which holds only people with weekly hours), by name.
 */
export function practitionerRows(
  users: readonly StaffUser[],
  practitioners: readonly PractitionerWithCredentials[],
): PractitionerRow[] {
  const byId = new Map(practitioners.map((p) => [p.id, p]));
  return users
    .filter((u) => u.active && (u.role === 'clinician' || u.role === 'volunteer'))
    .map((u) => {
      const p = byId.get(u.id);
      return {
        id: u.id,
        name: u.name,
        role: u.role,
        discipline: u.discipline,
        locationIds: p?.locationIds ?? [],
        credentials: p ? (p.credentials ?? []) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

// ---- Credentials ----

/** Credentials expiring within this many days are flagged (as on the admin's home page). */
export const expiryWarningDays = 60;

export type CredentialTone = 'expired' | 'expiring' | 'valid' | 'no-expiry';

/** The server's "today" is the UTC date; the flags here use the same day so both lists agree. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a credential has expired or expires soon, in words ("Expired 3 days ago", "Expires in 45 days"). */
export function credentialStatus(
  expiresOn: string | null,
  today: string,
  warningDays = expiryWarningDays,
): { tone: CredentialTone; text: string } {
  if (expiresOn === null) return { tone: 'no-expiry', text: 'Does not expire' };
  const days = daysBetween(today, expiresOn);
  if (days < 0) return { tone: 'expired', text: `Expired ${-days} ${days === -1 ? 'day' : 'days'} ago` };
  if (days === 0) return { tone: 'expiring', text: 'Expires today' };
  if (days <= warningDays)
    return { tone: 'expiring', text: `Expires in ${days} ${days === 1 ? 'day' : 'days'}` };
  return { tone: 'valid', text: `Valid until ${formatCalendarDate(expiresOn)}` };
}

export interface CredentialDraft {
  kind: string;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

export type CredentialDraftErrors = Partial<Record<keyof CredentialDraft, string>>;

export const emptyCredentialDraft: CredentialDraft = {
  kind: '',
  number: '',
  issuer: '',
  issuedOn: '',
  expiresOn: '',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function validateCredentialDraft(draft: CredentialDraft): CredentialDraftErrors {
  const errors: CredentialDraftErrors = {};
  if (draft.kind === '') errors.kind = 'Choose the kind of credential.';
  if (draft.number.trim() === '') errors.number = 'Give the licence or certificate number.';
  else if (draft.number.trim().length > 100) errors.number = 'The number can be up to 100 characters.';
  if (draft.issuer.trim() === '') errors.issuer = 'Give who issued it, e.g. the state board.';
  else if (draft.issuer.trim().length > 200) errors.issuer = 'The issuer can be up to 200 characters.';
  if (draft.issuedOn !== '' && !isoDate.test(draft.issuedOn)) errors.issuedOn = 'Give a date.';
  if (draft.expiresOn !== '' && !isoDate.test(draft.expiresOn)) errors.expiresOn = 'Give a date.';
  else if (draft.issuedOn !== '' && draft.expiresOn !== '' && draft.expiresOn <= draft.issuedOn)
    errors.expiresOn = 'It must expire after it was issued.';
  return errors;
}

export function toNewCredential(draft: CredentialDraft): NewCredential {
  const credential: NewCredential = {
    kind: draft.kind,
    number: draft.number.trim(),
    issuer: draft.issuer.trim(),
  };
  if (draft.issuedOn !== '') credential.issuedOn = draft.issuedOn;
  if (draft.expiresOn !== '') credential.expiresOn = draft.expiresOn;
  return credential;
}

// ---- Weekly hours ----

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** One day of the week (index 0 = Monday, weekday 1). Times are 'HH:MM' or ''. */
export interface DayDraft {
  works: boolean;
  starts: string;
  ends: string;
  breakStarts: string;
  breakEnds: string;
}

export type WeekDraft = DayDraft[];

const offDay: DayDraft = { works: false, starts: '', ends: '', breakStarts: '', breakEnds: '' };

export function emptyWeek(): WeekDraft {
  return weekdayNames.map(() => ({ ...offDay }));
}

/**
 * The editor's week from saved hours at one location. The editor holds one span (and one break) a
 * day; `split` names the days saved as several spans, which saving from the editor would merge.
 */
export function weekFromStored(
  hours: StoredWorkingHours['hours'],
  locationId: string,
): { week: WeekDraft; split: string[] } {
  const week = emptyWeek();
  const split: string[] = [];
  weekdayNames.forEach((name, i) => {
    const spans = hours
      .filter((h) => h.locationId === locationId && h.weekday === i + 1)
      .sort((a, b) => a.starts.localeCompare(b.starts));
    const first = spans[0];
    if (!first) return;
    if (spans.length > 1) split.push(name);
    week[i] = {
      works: true,
      starts: first.starts,
      ends: first.ends,
      breakStarts: first.breakStarts ?? '',
      breakEnds: first.breakEnds ?? '',
    };
  });
  return { week, split };
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems per day, by index (0 = Monday); each message names the day. */
export function validateWeek(week: WeekDraft): Record<number, string> {
  const errors: Record<number, string> = {};
  week.forEach((day, i) => {
    if (!day.works) return;
    const name = weekdayNames[i];
    if (!hhmm.test(day.starts) || !hhmm.test(day.ends)) {
      errors[i] = `${name}: give the start and end times.`;
      return;
    }
    if (day.ends <= day.starts) {
      errors[i] = `${name}: the day must end after it starts.`;
      return;
    }
    const hasStart = day.breakStarts !== '';
    const hasEnd = day.breakEnds !== '';
    if (hasStart !== hasEnd) {
      errors[i] = `${name}: give both the start and the end of the break, or neither.`;
      return;
    }
    if (hasStart) {
      if (!hhmm.test(day.breakStarts) || !hhmm.test(day.breakEnds))
        errors[i] = `${name}: give the break as times.`;
      else if (
        !(day.starts <= day.breakStarts && day.breakStarts < day.breakEnds && day.breakEnds <= day.ends)
      )
        errors[i] = `${name}: the break must fall within the working hours.`;
    }
  });
  return errors;
}

/** The request's hours; call only on a week without errors. */
export function weekToHours(week: WeekDraft): WorkingHoursRow[] {
  const rows: WorkingHoursRow[] = [];
  week.forEach((day, i) => {
    if (!day.works) return;
    const row: WorkingHoursRow = { weekday: i + 1, starts: day.starts, ends: day.ends };
    if (day.breakStarts !== '' && day.breakEnds !== '') {
      row.breakStarts = day.breakStarts;
      row.breakEnds = day.breakEnds;
    }
    rows.push(row);
  });
  return rows;
}

/** "Monday 08:00–17:00, break 12:00–13:00", one line per working day, Monday first. */
export function describeHours(rows: readonly WorkingHoursRow[]): string[] {
  return [...rows]
    .sort((a, b) => a.weekday - b.weekday || a.starts.localeCompare(b.starts))
    .map((r) => {
      const name = weekdayNames[r.weekday - 1] ?? `Day ${r.weekday}`;
      const brk = r.breakStarts && r.breakEnds ? `, break ${r.breakStarts}–${r.breakEnds}` : '';
      return `${name} ${r.starts}–${r.ends}${brk}`;
    });
}

/** Monday's hours copied to Tuesday to Friday. */
export function copyMondayToWeekdays(week: WeekDraft): WeekDraft {
  const monday = week[0] ?? offDay;
  return week.map((day, i) => (i >= 1 && i <= 4 ? { ...monday } : day));
}

// ---- Time off ----

export interface TimeOffDraft {
  /** 'YYYY-MM-DDTHH:MM' as a datetime-local input gives it, in `timeZone`. */
  starts: string;
  ends: string;
  timeZone: string;
  reason: string;
}

export type TimeOffDraftErrors = Partial<Record<keyof TimeOffDraft, string>>;

const localDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/** A wall-clock 'YYYY-MM-DDTHH:MM' in a zone → ISO instant; null when it is not one. */
export function localToIso(local: string, timeZone: string): string | null {
  const match = localDateTime.exec(local);
  if (!match) return null;
  return instantAt(match[1]!, match[2]!, timeZone).toISOString();
}

export function validateTimeOff(draft: TimeOffDraft): TimeOffDraftErrors {
  const errors: TimeOffDraftErrors = {};
  if (draft.timeZone === '') errors.timeZone = 'Choose whose local time the times are in.';
  const starts = localToIso(draft.starts, draft.timeZone || 'UTC');
  const ends = localToIso(draft.ends, draft.timeZone || 'UTC');
  if (!starts) errors.starts = 'Give the date and time it starts.';
  if (!ends) errors.ends = 'Give the date and time it ends.';
  else if (starts && ends <= starts) errors.ends = 'Time off must end after it starts.';
  if (draft.reason.trim().length > 200) errors.reason = 'The reason can be up to 200 characters.';
  return errors;
}

/** The request body; call only on a draft without errors. */
export function toNewTimeOff(draft: TimeOffDraft): NewTimeOff {
  return {
    startsAt: localToIso(draft.starts, draft.timeZone)!,
    endsAt: localToIso(draft.ends, draft.timeZone)!,
    reason: draft.reason.trim(),
  };
}

/** "No booked visits fall in this time." / "1 booked visit needs moving." / "3 booked visits need moving." */
export function bookedVisitsText(n: number): string {
  if (n === 0) return 'No booked visits fall in this time.';
  return n === 1 ? '1 booked visit needs moving.' : `${n} booked visits need moving.`;
}
