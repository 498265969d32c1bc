import type { NewRegimenItem, RegimenCategory } from '../../api/types.ts';

export const categoryLabel: Record<RegimenCategory, string> = {
  medicine: 'Medicine',
  supplement: 'Supplement',
  therapy: 'Therapy',
  condition: 'Condition',
};

/** What clinicians may record; patients record only what they take. */
export const clinicianCategories: readonly RegimenCategory[] = [
  'medicine',
  'supplement',
  'therapy',
  'condition',
];
export const patientCategories: readonly RegimenCategory[] = ['medicine', 'supplement'];

export const regimenLimits = { text: 200, dose: 100, frequency: 100 } as const;

export interface RegimenDraft {
  category: RegimenCategory;
  text: string;
  dose: string;
  frequency: string;
  startedOn: string;
}

export function emptyDraft(category: RegimenCategory): RegimenDraft {
  return { category, text: '', dose: '', frequency: '', startedOn: '' };
}

export type DraftErrors = Partial<Record<'text' | 'dose' | 'frequency' | 'startedOn', string>>;

/** The same limits the server enforces, with messages that say how to fix the field. */
export function validateDraft(draft: RegimenDraft): DraftErrors {
  const errors: DraftErrors = {};
  const text = draft.text.trim();
  if (text === '') errors.text = 'Write the name.';
  else if (text.length > regimenLimits.text)
    errors.text = `Keep the name under ${regimenLimits.text} characters.`;
  if (draft.dose.trim().length > regimenLimits.dose)
    errors.dose = `Keep the dose under ${regimenLimits.dose} characters.`;
  if (draft.frequency.trim().length > regimenLimits.frequency)
    errors.frequency = `Keep how often under ${regimenLimits.frequency} characters.`;
  const started = draft.startedOn.trim();
  if (started !== '' && !isCalendarDate(started)) errors.startedOn = 'Use a date such as 2026-01-15.';
  return errors;
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The request body: empty optional fields are left out rather than sent blank. */
export function toNewItem(draft: RegimenDraft): NewRegimenItem {
  const item: NewRegimenItem = { category: draft.category, text: draft.text.trim() };
  const dose = draft.dose.trim();
  const frequency = draft.frequency.trim();
  const startedOn = draft.startedOn.trim();
  if (dose !== '') item.dose = dose;
  if (frequency !== '') item.frequency = frequency;
  if (startedOn !== '') item.startedOn = startedOn;
  return item;
}

/** "50 mg, once daily", or an em dash when neither was recorded. */
export function doseAndFrequency(dose: string | null, frequency: string | null): string {
  const parts = [dose, frequency].filter((p): p is string => p !== null && p.trim() !== '');
  return parts.length === 0 ? '—' : parts.join(', ');
}

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "ibuprofen, ginkgo and fish oil": names in a sentence, for patients. */
export function joinNames(names: readonly string[]): string {
  return listFormat.format(names);
}
