import { disciplineLabel } from '@meridian/domain';
import type { AdminService, CareSetting, CredentialKind, ServiceChanges } from '../../api/types.ts';

/** The limits the server enforces, so the form can say so before sending. */
export const catalogLimits = {
  minMinutes: 5,
  maxMinutes: 480,
  maxDurations: 6,
  maxCapacity: 200,
  maxNoticeHours: 168,
  maxPriceCents: 10_000_000,
} as const;

export const careSettings: readonly CareSetting[] = ['outpatient', 'inpatient', 'telehealth'];

export const settingLabel: Record<CareSetting, string> = {
  outpatient: 'Outpatient',
  inpatient: 'Inpatient (bedside)',
  telehealth: 'Telehealth',
};

/** Services by category (categories and names in alphabetical order). */
export function groupByCategory<T extends { category: string; name: string }>(
  services: readonly T[],
): { category: string; services: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const s of services) {
    const list = groups.get(s.category) ?? [];
    list.push(s);
    groups.set(s.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([category, list]) => ({
      category,
      services: list.sort((a, b) => a.name.localeCompare(b.name, 'en')),
    }));
}

/** "30, 45 min" (the first is the usual length). */
export function formatDurations(durations: readonly number[]): string {
  return durations.length === 0 ? '—' : `${durations.join(', ')} min`;
}

/** The text of the durations field: "30, 45". */
export function durationsText(durations: readonly number[]): string {
  return durations.join(', ');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "30, 45" or "30 45" → [30, 45], in the order given (the first is the usual length). */
export function parseDurations(text: string): Parsed<number[]> {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: 'Give at least one length in minutes, e.g. 30, 45.' };
  if (parts.some((p) => !/^\d+$/.test(p)))
    return { ok: false, error: 'Give whole minutes separated by commas, e.g. 30, 45.' };
  const minutes = parts.map(Number);
  if (minutes.some((m) => m < catalogLimits.minMinutes || m > catalogLimits.maxMinutes))
    return {
      ok: false,
      error: `Each length is from ${catalogLimits.minMinutes} to ${catalogLimits.maxMinutes} minutes.`,
    };
  if (new Set(minutes).size !== minutes.length) return { ok: false, error: 'Give each length once.' };
  if (minutes.length > catalogLimits.maxDurations)
    return { ok: false, error: `Give at most ${catalogLimits.maxDurations} lengths.` };
  return { ok: true, value: minutes };
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$60.00", or "No self-pay price". */
export function formatPrice(cents: number | null): string {
  return cents === null ? 'No self-pay price' : dollars.format(cents / 100);
}

/** The text of the price field: "60.00", or '' for none. */
export function priceText(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}

/** "65", "65.5", "$65.50", "1,200" → cents; '' → null (no self-pay price). */
export function parsePrice(text: string): Parsed<number | null> {
  const cleaned = text
    .trim()
    .replace(/^\$\s*/, '')
    .replace(/,/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned))
    return { ok: false, error: 'Give the price in dollars, e.g. 65 or 65.50.' };
  const [whole, fraction = ''] = cleaned.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > catalogLimits.maxPriceCents)
    return { ok: false, error: `The price can be at most ${formatPrice(catalogLimits.maxPriceCents)}.` };
  return { ok: true, value: cents };
}

function parseWhole(text: string, min: number, max: number, what: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max)
    return { ok: false, error: `${what} is a whole number from ${min} to ${max}.` };
  return { ok: true, value: Number(t) };
}

/** "Acupuncturist, Massage therapist", "Trained volunteers", or both. */
export function deliveredByText(
  service: Pick<AdminService, 'disciplines' | 'deliveredByVolunteers'>,
): string {
  const people = service.disciplines.map((d) => disciplineLabel(d));
  if (service.deliveredByVolunteers) people.push('Trained volunteers');
  return people.length === 0 ? 'Nobody yet' : people.join(', ');
}

/** Credential names for codes; a code the list does not know is shown as it is. */
export function credentialNames(codes: readonly string[], kinds: readonly CredentialKind[]): string[] {
  return codes.map((code) => kinds.find((k) => k.code === code)?.name ?? code);
}

/** "1 (one patient at a time)" / "12 (a class)". */
export function capacityText(capacity: number): string {
  return capacity > 1 ? `${capacity} (a class)` : '1 (one patient)';
}

export function settingsText(settings: readonly CareSetting[]): string {
  return settings.map((s) => settingLabel[s] ?? s).join(', ');
}

// ---- The edit form ----

export interface ServiceDraft {
  durations: string;
  price: string;
  selfBookable: boolean;
  cancelNoticeHours: string;
  active: boolean;
  capacity: string;
  settings: string[];
  disciplines: string[];
  deliveredByVolunteers: boolean;
  requiredCredentials: string[];
}

export type ServiceDraftErrors = Partial<Record<keyof ServiceDraft, string>>;

export function draftFromService(service: AdminService): ServiceDraft {
  return {
    durations: durationsText(service.durations),
    price: priceText(service.selfPayCents),
    selfBookable: service.selfBookable,
    cancelNoticeHours: String(service.cancelNoticeHours),
    active: service.active,
    capacity: String(service.capacity),
    settings: [...service.settings],
    disciplines: [...service.disciplines],
    deliveredByVolunteers: service.deliveredByVolunteers,
    requiredCredentials: [...service.requiredCredentials],
  };
}

export function validateServiceDraft(draft: ServiceDraft): ServiceDraftErrors {
  const errors: ServiceDraftErrors = {};
  const durations = parseDurations(draft.durations);
  if (!durations.ok) errors.durations = durations.error;
  const price = parsePrice(draft.price);
  if (!price.ok) errors.price = price.error;
  const notice = parseWhole(draft.cancelNoticeHours, 0, catalogLimits.maxNoticeHours, 'The notice');
  if (!notice.ok) errors.cancelNoticeHours = notice.error;
  const capacity = parseWhole(draft.capacity, 1, catalogLimits.maxCapacity, 'The capacity');
  if (!capacity.ok) errors.capacity = capacity.error;
  if (draft.settings.length === 0) errors.settings = 'Choose at least one setting.';
  if (draft.disciplines.length === 0 && !draft.deliveredByVolunteers)
    errors.disciplines = 'Someone must deliver the service: choose a discipline, or trained volunteers.';
  return errors;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * What the draft changes, for PATCH; only fields that differ are sent, so the audit trail says what
 * changed. Call only on a draft without errors.
 */
export function serviceChanges(service: AdminService, draft: ServiceDraft): ServiceChanges {
  const changes: ServiceChanges = {};
  const durations = parseDurations(draft.durations);
  if (durations.ok && !sameList(durations.value, service.durations)) changes.durations = durations.value;
  const price = parsePrice(draft.price);
  if (price.ok && price.value !== service.selfPayCents) changes.selfPayCents = price.value;
  if (draft.selfBookable !== service.selfBookable) changes.selfBookable = draft.selfBookable;
  const notice = Number(draft.cancelNoticeHours.trim());
  if (notice !== service.cancelNoticeHours) changes.cancelNoticeHours = notice;
  if (draft.active !== service.active) changes.active = draft.active;
  const capacity = Number(draft.capacity.trim());
  if (capacity !== service.capacity) changes.capacity = capacity;
  if (!sameSet(draft.settings, service.settings))
    changes.settings = careSettings.filter((s) => draft.settings.includes(s));
  if (!sameSet(draft.disciplines, service.disciplines)) changes.disciplines = [...draft.disciplines];
  if (draft.deliveredByVolunteers !== service.deliveredByVolunteers)
    changes.deliveredByVolunteers = draft.deliveredByVolunteers;
  if (!sameSet(draft.requiredCredentials, service.requiredCredentials))
    changes.requiredCredentials = [...draft.requiredCredentials];
  return changes;
}

const changeLabel: Record<keyof ServiceChanges, string> = {
  name: 'name',
  category: 'category',
  description: 'description',
  durations: 'durations',
  disciplines: 'disciplines',
  deliveredByVolunteers: 'volunteers',
  requiredCredentials: 'required credentials',
  capacity: 'group capacity',
  settings: 'settings',
  therapy: 'therapy',
  selfPayCents: 'self-pay price',
  selfBookable: 'self-booking',
  cancelNoticeHours: 'cancellation notice',
  active: 'active',
};

/** "Saved Cupping: durations and self-pay price." */
export function savedServiceMessage(name: string, changed: readonly (keyof ServiceChanges)[]): string {
  const labels = changed.map((c) => changeLabel[c] ?? c);
  if (labels.length === 0) return `Saved ${name}.`;
  const list =
    labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return `Saved ${name}: ${list}.`;
}
