import type {
  BedsideOrderStatus,
  BedsideScores,
  BedsideServiceOption,
  ExpiringCredential,
  NewBedsideOrder,
  NewBedsideSession,
  Visit,
} from '../../api/types.ts';

/** The values of a 0–10 rating scale, as the score controls offer them. */
export const scoreValues: readonly string[] = Array.from({ length: 11 }, (_, i) => String(i));

export const bedsideLimits = { unit: 100, room: 40, bed: 20, notes: 2000, minutes: 240 } as const;

/** "Cardiac surgery, 4 West · Room 412 · Bed B". */
export function formatBedPlace(place: { unit: string; room: string; bed?: string | null }): string {
  const parts = [place.unit.trim(), place.room.trim() ? `Room ${place.room.trim()}` : ''];
  if (place.bed?.trim()) parts.push(`Bed ${place.bed.trim()}`);
  return parts.filter((p) => p !== '').join(' · ');
}

export const orderStatusLabel: Record<BedsideOrderStatus, string> = {
  open: 'Waiting for a therapist',
  accepted: 'Accepted',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** A status the server may add later still reads as words. */
export function statusLabel(status: string): string {
  return Object.hasOwn(orderStatusLabel, status)
    ? orderStatusLabel[status as BedsideOrderStatus]
    : status.replace(/[_-]+/g, ' ');
}

/** "Pain 7 → 4"; a side not asked reads "not recorded"; null when neither was. */
export function formatScoreChange(label: string, before: number | null, after: number | null): string | null {
  if (before === null && after === null) return null;
  return `${label} ${before ?? 'not recorded'} → ${after ?? 'not recorded'}`;
}

/** "down 3", "up 1", "no change", or '' when a side is missing. */
export function describeChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  const change = after - before;
  if (change === 0) return 'no change';
  return change < 0 ? `down ${-change}` : `up ${change}`;
}

/** "Pain 7 → 4 · Anxiety 6 → 3 · 20 minutes". */
export function sessionSummary(session: BedsideScores & { minutes: number }): string {
  return [
    formatScoreChange('Pain', session.painBefore, session.painAfter),
    formatScoreChange('Anxiety', session.anxietyBefore, session.anxietyAfter),
    `${session.minutes} ${session.minutes === 1 ? 'minute' : 'minutes'}`,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

// ---- The visit form (scores, minutes, notes) ----

export interface VisitDraft {
  /** '' = not recorded; otherwise '0'…'10'. */
  painBefore: string;
  painAfter: string;
  anxietyBefore: string;
  anxietyAfter: string;
  minutes: string;
  notes: string;
  /** Clinicians only: the order stays open for more visits. */
  moreVisits: boolean;
}

export function emptyVisitDraft(minutes = ''): VisitDraft {
  return {
    painBefore: '',
    painAfter: '',
    anxietyBefore: '',
    anxietyAfter: '',
    minutes,
    notes: '',
    moreVisits: false,
  };
}

export type VisitDraftErrors = Partial<Record<keyof VisitDraft, string>>;

const scoreKeys = ['painBefore', 'painAfter', 'anxietyBefore', 'anxietyAfter'] as const;

function parseScore(text: string): number | null | undefined {
  if (text === '') return null;
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 10 ? n : undefined;
}

export function validateVisitDraft(draft: VisitDraft): VisitDraftErrors {
  const errors: VisitDraftErrors = {};
  for (const key of scoreKeys) {
    if (parseScore(draft[key]) === undefined) errors[key] = 'Choose a score from 0 to 10.';
  }
  const minutes = draft.minutes.trim();
  if (minutes === '') errors.minutes = 'Give how many minutes the visit lasted.';
  else if (!/^\d+$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > bedsideLimits.minutes)
    errors.minutes = `Minutes are a whole number from 1 to ${bedsideLimits.minutes}.`;
  if (draft.notes.length > bedsideLimits.notes)
    errors.notes = `Notes can be up to ${bedsideLimits.notes} characters.`;
  return errors;
}

/** The request body; call only on a draft without errors. */
export function toSessionBody(draft: VisitDraft, withCompletion: boolean): NewBedsideSession {
  const body: NewBedsideSession = {
    painBefore: parseScore(draft.painBefore) ?? null,
    painAfter: parseScore(draft.painAfter) ?? null,
    anxietyBefore: parseScore(draft.anxietyBefore) ?? null,
    anxietyAfter: parseScore(draft.anxietyAfter) ?? null,
    minutes: Number(draft.minutes.trim()),
  };
  if (draft.notes.trim() !== '') body.notes = draft.notes.trim();
  if (withCompletion) body.complete = !draft.moreVisits;
  return body;
}

// ---- The order form ----

export interface OrderDraft {
  serviceId: string;
  unit: string;
  room: string;
  bed: string;
  precautions: string[];
  notes: string;
}

export type OrderDraftErrors = Partial<Record<keyof OrderDraft, string>>;

export function emptyOrderDraft(
  place: { unit: string; room: string; bed: string } | null = null,
): OrderDraft {
  return {
    serviceId: '',
    unit: place?.unit ?? '',
    room: place?.room ?? '',
    bed: place?.bed ?? '',
    precautions: [],
    notes: '',
  };
}

export function validateOrderDraft(draft: OrderDraft): OrderDraftErrors {
  const errors: OrderDraftErrors = {};
  if (draft.serviceId === '') errors.serviceId = 'Choose the service to order.';
  if (draft.unit.trim() === '') errors.unit = 'Give the unit, e.g. "Cardiac surgery, 4 West".';
  else if (draft.unit.trim().length > bedsideLimits.unit)
    errors.unit = `The unit can be up to ${bedsideLimits.unit} characters.`;
  if (draft.room.trim() === '') errors.room = 'Give the room.';
  else if (draft.room.trim().length > bedsideLimits.room)
    errors.room = `The room can be up to ${bedsideLimits.room} characters.`;
  if (draft.bed.trim().length > bedsideLimits.bed)
    errors.bed = `The bed can be up to ${bedsideLimits.bed} characters.`;
  if (draft.notes.length > bedsideLimits.notes)
    errors.notes = `Notes can be up to ${bedsideLimits.notes} characters.`;
  return errors;
}

export function toNewOrder(draft: OrderDraft, locationId: string): NewBedsideOrder {
  const order: NewBedsideOrder = {
    serviceId: draft.serviceId,
    locationId,
    unit: draft.unit.trim(),
    room: draft.room.trim(),
    precautions: [...draft.precautions],
  };
  if (draft.bed.trim() !== '') order.bed = draft.bed.trim();
  if (draft.notes.trim() !== '') order.notes = draft.notes.trim();
  return order;
}

/** The services that can be given at the bedside, by name. */
export function bedsideServices(services: readonly BedsideServiceOption[]): BedsideServiceOption[] {
  return (
    services
      // Services only volunteers give (hand massage, therapy animals) are arranged as rounds, not ordered.
      .filter((s) => s.settings.includes('inpatient') && s.disciplines.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  );
}

// ---- Safety findings about the therapy ----

/** The check names items by knowledge-base id ("open-wound"); "Open wound" reads better. */
export function humanizeId(id: string): string {
  const words = id
    .replace(/^(therapy|condition):/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words === '' ? id : words.charAt(0).toUpperCase() + words.slice(1);
}

// ---- Volunteer rounds ----

function dayKey(iso: string, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD, which sorts and compares as text.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Visits on or before today (in each visit's own zone), soonest first: the ones that can be recorded. */
export function visitsToRecord(visits: readonly Visit[], now: Date): Visit[] {
  return visits
    .filter((v) => dayKey(v.startsAt, v.location.timeZone) <= dayKey(now.toISOString(), v.location.timeZone))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

// ---- Credentials ----

/** Whole days from `today` to `date` (both 'YYYY-MM-DD'); negative once past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** "Expired 3 days ago", "Expires today", "Expires in 45 days". */
export function expiryText(credential: Pick<ExpiringCredential, 'expiresOn'>, today: string): string {
  const days = daysBetween(today, credential.expiresOn);
  if (days < 0) return `Expired ${-days} ${days === -1 ? 'day' : 'days'} ago`;
  if (days === 0) return 'Expires today';
  return `Expires in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Expired first, then the soonest to expire. */
export function sortCredentials(credentials: readonly ExpiringCredential[]): ExpiringCredential[] {
  return [...credentials].sort(
    (a, b) =>
      a.expiresOn.localeCompare(b.expiresOn) || a.practitioner.name.localeCompare(b.practitioner.name),
  );
}
