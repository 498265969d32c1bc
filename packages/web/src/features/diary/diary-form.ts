import { addDays } from '@meridian/domain';
import type { CarePlanVersion, DiaryEntry, DiaryInput, RegimenItem, SleepQuality } from '../../api/types.ts';
import { commonTherapies, therapyLabelFromId } from '../intake/therapy-options.ts';
import { formatCalendarDate, formatDayInZone, formatInstantInZone } from '../time/format.ts';

// The pain diary's form: what the patient taps, as strings and lists, and the body it becomes.
// '' means "not answered"; a replaced entry keeps only what the form holds.

export type Scale = '' | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';

export interface DiaryForm {
  painNow: string;
  painAverage: string;
  painWorst: string;
  sleepHours: string;
  sleepQuality: SleepQuality | '';
  locations: string[];
  triggers: string[];
  mood: string;
  activity: string;
  therapies: string[];
  selfCare: string[];
  taken: string[];
  notes: string;
}

export type DiaryFormErrors = Partial<Record<keyof DiaryForm | 'form', string>>;

/** The server's limits (notes, and each place or trigger). */
export const diaryLimits = { notes: 2000, word: 80, words: 20, backDays: 30 } as const;

export const sleepQualityLabels: Record<SleepQuality, string> = { good: 'Good', fair: 'Fair', poor: 'Poor' };

export function emptyDiaryForm(): DiaryForm {
  return {
    painNow: '',
    painAverage: '',
    painWorst: '',
    sleepHours: '',
    sleepQuality: '',
    locations: [],
    triggers: [],
    mood: '',
    activity: '',
    therapies: [],
    selfCare: [],
    taken: [],
    notes: '',
  };
}

const scaleText = (n: number | null) => (n === null ? '' : String(n));

/** A stored entry as the form shows it, for editing. */
export function entryToForm(entry: DiaryEntry): DiaryForm {
  return {
    painNow: scaleText(entry.painNow),
    painAverage: scaleText(entry.painAverage),
    painWorst: scaleText(entry.painWorst),
    sleepHours: entry.sleepHours === null ? '' : String(entry.sleepHours),
    sleepQuality: entry.sleepQuality ?? '',
    locations: [...entry.locations],
    triggers: [...entry.triggers],
    mood: scaleText(entry.mood),
    activity: scaleText(entry.activity),
    therapies: [...entry.therapies],
    selfCare: [...entry.selfCare],
    taken: [...entry.taken],
    notes: entry.notes ?? '',
  };
}

/** "7", "6.5" or "6,5" (a decimal comma) as a number of hours; null when it is not a number. */
export function parseSleepHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d+)?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 10) / 10;
}

const scaleNumber = (text: string) => (text === '' ? undefined : Number(text));

/** What the patient has answered, as the PUT body: unanswered questions are left out. */
export function formToDiaryInput(form: DiaryForm): DiaryInput {
  const body: DiaryInput = {};
  const set = <K extends keyof DiaryInput>(key: K, value: DiaryInput[K] | undefined) => {
    if (value === undefined) return;
    if (Array.isArray(value) && value.length === 0) return;
    body[key] = value;
  };
  set('painNow', scaleNumber(form.painNow));
  set('painAverage', scaleNumber(form.painAverage));
  set('painWorst', scaleNumber(form.painWorst));
  set('sleepHours', parseSleepHours(form.sleepHours) ?? undefined);
  set('sleepQuality', form.sleepQuality === '' ? undefined : form.sleepQuality);
  set('locations', tidyWords(form.locations));
  set('triggers', tidyWords(form.triggers));
  set('mood', scaleNumber(form.mood));
  set('activity', scaleNumber(form.activity));
  set('therapies', [...new Set(form.therapies)]);
  set('selfCare', [...new Set(form.selfCare)]);
  set('taken', [...new Set(form.taken)]);
  const notes = form.notes.trim();
  set('notes', notes === '' ? undefined : notes);
  return body;
}

/** Places and triggers trimmed, without blanks or repeats (case-insensitive). */
export function tidyWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of words) {
    const w = word.trim().replace(/\s+/g, ' ');
    if (w === '' || seen.has(w.toLowerCase())) continue;
    seen.add(w.toLowerCase());
    out.push(w);
  }
  return out;
}

/** Problems the patient can fix before saving; empty when the entry can be saved. */
export function validateDiaryForm(form: DiaryForm): DiaryFormErrors {
  const errors: DiaryFormErrors = {};
  if (form.sleepHours.trim() !== '') {
    const hours = parseSleepHours(form.sleepHours);
    if (hours === null || hours > 24)
      errors.sleepHours = 'Enter the hours as a number from 0 to 24, e.g. 7 or 6.5.';
  }
  if (form.painAverage !== '' && form.painWorst !== '' && Number(form.painAverage) > Number(form.painWorst))
    errors.painWorst = 'Your worst pain cannot be lower than your average pain.';
  if (form.notes.length > diaryLimits.notes)
    errors.notes = `Notes can be at most ${diaryLimits.notes} characters.`;
  if (Object.keys(errors).length === 0 && Object.keys(formToDiaryInput(form)).length === 0)
    errors.form = 'Answer at least one question, for example your pain now.';
  return errors;
}

/** The days an entry can be written for: today and up to 30 days back. */
export function diaryDateRange(today: string): { min: string; max: string } {
  return { min: addDays(today, -diaryLimits.backDays), max: today };
}

/** Why a chosen day cannot have an entry, or null when it can. */
export function diaryDateProblem(date: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Choose a day.';
  const { min } = diaryDateRange(today);
  if (date > today) return 'Choose today or a day before; the diary is about days that have happened.';
  if (date < min) return `Entries can be added up to ${diaryLimits.backDays} days back.`;
  return null;
}

/** "Today", "Yesterday", or "Fri, Nov 20". */
export function dayLabel(date: string, today: string): string {
  if (date === today) return 'Today';
  if (date === addDays(today, -1)) return 'Yesterday';
  return formatDayInZone(`${date}T12:00:00Z`, 'UTC').replace(/, \d{4}$/, '');
}

/** The label of the save button: "Save today's entry", or the day's entry when it is another day. */
export function saveLabel(date: string, today: string): string {
  return date === today ? "Save today's entry" : `Save the entry for ${formatCalendarDate(date)}`;
}

/** One entry in a line: "Pain now 5 · average 4 · worst 6 · sleep 7 h (good)". */
export function entrySummary(entry: DiaryEntry): string {
  const parts: string[] = [];
  if (entry.painNow !== null) parts.push(`pain now ${entry.painNow}`);
  if (entry.painAverage !== null) parts.push(`average ${entry.painAverage}`);
  if (entry.painWorst !== null) parts.push(`worst ${entry.painWorst}`);
  if (entry.sleepHours !== null)
    parts.push(`sleep ${entry.sleepHours} h${entry.sleepQuality ? ` (${entry.sleepQuality})` : ''}`);
  else if (entry.sleepQuality) parts.push(`sleep ${entry.sleepQuality}`);
  if (parts.length === 0) parts.push('other answers only');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The seven days ending on `end`, newest first, with the entry of each day or null. */
export function lastSevenDays(
  entries: readonly DiaryEntry[],
  end: string,
): { date: string; entry: DiaryEntry | null }[] {
  const byDate = new Map(entries.map((e) => [e.date, e]));
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(end, -i);
    return { date, entry: byDate.get(date) ?? null };
  });
}

/** "Saved at 8:42 PM MST." / "Saved on Sun, Nov 22, 2026, 8:42 PM MST." and whether changes wait. */
export function diarySavedText(
  recordedAt: string | null,
  dirty: boolean,
  timeZone: string,
  now: Date,
): string {
  const unsaved = 'You have changes that are not saved yet.';
  if (recordedAt === null) return dirty ? unsaved : '';
  const sameDay = formatDayInZone(recordedAt, timeZone) === formatDayInZone(now.toISOString(), timeZone);
  const at = sameDay
    ? `Saved at ${formatInstantInZone(recordedAt, timeZone)}.`
    : `Saved on ${formatInstantInZone(recordedAt, timeZone, { withDate: true })}.`;
  return dirty ? `${at} ${unsaved}` : at;
}

export interface Choice {
  value: string;
  label: string;
}

/** Keeps the first of each value, then adds what is chosen but not offered (so it can be unticked). */
function withChosen(options: Choice[], chosen: readonly string[], label: (v: string) => string): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const o of options) {
    if (seen.has(o.value)) continue;
    seen.add(o.value);
    out.push(o);
  }
  for (const v of chosen) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push({ value: v, label: label(v) });
  }
  return out;
}

export const commonLocations = ['lower back', 'neck', 'shoulders', 'hips', 'knees', 'head'];
export const commonTriggers = ['poor sleep', 'stress', 'sitting a long time', 'lifting', 'weather'];

/**
 * Chips for places or triggers: the ones written before (most used first), then common ones, then
 * anything chosen now.
 */
export function wordChoices(
  past: readonly string[][],
  common: readonly string[],
  chosen: readonly string[],
): Choice[] {
  const counts = new Map<string, number>();
  for (const words of past) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const used = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const lower = new Set(used.map((w) => w.toLowerCase()));
  const rest = common.filter((w) => !lower.has(w.toLowerCase()));
  return withChosen(
    [...used, ...rest].map((w) => ({ value: w, label: w })),
    chosen,
    (v) => v,
  );
}

type Intervention = CarePlanVersion['interventions'][number];

/** Therapies that are offered even when the plan does not name them. */
export const extraTherapies = ['acupuncture', 'massage', 'yoga', 'tai-chi', 'meditation', 'physical-therapy'];

/** Therapy chips: the plan's therapies first (by their names), then common ones, then what is chosen. */
export function therapyChoices(interventions: readonly Intervention[], chosen: readonly string[]): Choice[] {
  const named = new Map(commonTherapies.map((t) => [t.value, t.label]));
  const name = (id: string) => named.get(id) ?? therapyLabelFromId(id);
  return withChosen(
    [
      ...interventions.map((i) => ({ value: i.therapy, label: i.therapyName })),
      ...extraTherapies.map((id) => ({ value: id, label: name(id) })),
    ],
    chosen,
    name,
  );
}

/** Self-care chips: the plan's practices, then any chosen before that the plan no longer has. */
export function selfCareChoices(
  selfCare: readonly CarePlanVersion['content']['selfCare'][number][],
  chosen: readonly string[],
): Choice[] {
  return withChosen(
    selfCare.map((s) => ({ value: s.practice, label: s.practice })),
    chosen,
    (v) => v,
  );
}

/** Medicines and supplements on the record (active ones) as chips: "sertraline 50 mg". */
export function takenChoices(items: readonly RegimenItem[], chosen: readonly string[]): Choice[] {
  const offered = items.filter(
    (i) => i.status === 'active' && (i.category === 'medicine' || i.category === 'supplement'),
  );
  const all = new Map(items.map((i) => [i.id, i]));
  const label = (i: RegimenItem) => (i.dose ? `${i.text} ${i.dose}` : i.text);
  return withChosen(
    offered.map((i) => ({ value: i.id, label: label(i) })),
    chosen.filter((id) => all.has(id)),
    (id) => label(all.get(id)!),
  );
}
