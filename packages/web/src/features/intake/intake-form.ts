import { type Intake, normaliseName } from '@meridian/domain';
import type { KnownName } from '../../api/types.ts';
import { formatDayInZone, formatInstantInZone } from '../time/format.ts';

// The intake form's state is kept as the inputs hold it (text, '' for "not answered"), and turned into
// the API's Intake body only when saving. Everything here is pure, so it is tested without a browser.

export type MedicineKind = 'medicine' | 'supplement';
export type AllergySeverity = '' | 'mild' | 'moderate' | 'severe';
export type SleepQuality = '' | 'good' | 'fair' | 'poor';
export type Tobacco = '' | 'never' | 'former' | 'current';
export type Budget = '' | 'insurance-only' | 'some-self-pay' | 'self-pay-ok';
export type Telehealth = '' | 'prefer' | 'open' | 'no';

export interface GoalRow {
  key: string;
  text: string;
}

export interface ConditionRow {
  key: string;
  name: string;
  since: string;
}

export interface MedicineRow {
  key: string;
  kind: MedicineKind;
  name: string;
  dose: string;
  frequency: string;
  since: string;
}

export interface AllergyRow {
  key: string;
  substance: string;
  reaction: string;
  severity: AllergySeverity;
}

/** Two answers of a two-question screen, each '' (not answered) or '0'…'3'. */
export type PairAnswers = [string, string];

export interface IntakeForm {
  reasons: string;
  goals: GoalRow[];
  conditions: ConditionRow[];
  medicines: MedicineRow[];
  noMedicines: boolean;
  allergies: AllergyRow[];
  noKnownAllergies: boolean;
  // Body. Scales are '' or '0'…'10'.
  painNow: string;
  painLocations: string;
  sleepHours: string;
  sleepQuality: SleepQuality;
  activity: string;
  energy: string;
  // Mind.
  stress: string;
  mood: string;
  phq2: PairAnswers;
  gad2: PairAnswers;
  // Relationships and support.
  support: string;
  homeLife: string;
  work: string;
  // Meaning and spirit.
  meaning: string;
  practices: string;
  // Home and environment.
  environmentHome: string;
  exposures: string;
  // Lifestyle.
  nutrition: string;
  movement: string;
  tobacco: Tobacco;
  alcoholDrinksPerWeek: string;
  otherSubstances: string;
  // Pain over the last week (PEG), each '' or '0'…'10'.
  pegPain: string;
  pegEnjoyment: string;
  pegActivity: string;
  // Preferences.
  wanted: string[];
  declined: string[];
  needleAversion: boolean;
  budget: Budget;
  telehealth: Telehealth;
  limits: string;
}

/** Most characters each free-text answer may hold (as the server's intake schema allows). */
export const intakeLimits = {
  reasons: 4000,
  goal: 500,
  goals: 10,
  conditionName: 200,
  since: 60,
  medicines: 80,
  medicineName: 200,
  dose: 100,
  frequency: 100,
  allergies: 40,
  conditions: 40,
  substance: 200,
  reaction: 300,
  painLocations: 500,
  longText: 1000,
  otherSubstances: 500,
  therapies: 40,
} as const;

let nextKey = 0;
/** A key that tells rows apart while they are edited (never sent to the server). */
export function rowKey(prefix: string): string {
  nextKey += 1;
  return `${prefix}-${nextKey}`;
}

export const emptyGoal = (): GoalRow => ({ key: rowKey('goal'), text: '' });
export const emptyCondition = (): ConditionRow => ({ key: rowKey('condition'), name: '', since: '' });
export const emptyMedicine = (): MedicineRow => ({
  key: rowKey('medicine'),
  kind: 'medicine',
  name: '',
  dose: '',
  frequency: '',
  since: '',
});
export const emptyAllergy = (): AllergyRow => ({
  key: rowKey('allergy'),
  substance: '',
  reaction: '',
  severity: '',
});

export function emptyIntakeForm(): IntakeForm {
  return {
    reasons: '',
    goals: [emptyGoal()],
    conditions: [],
    medicines: [emptyMedicine()],
    noMedicines: false,
    allergies: [],
    noKnownAllergies: false,
    painNow: '',
    painLocations: '',
    sleepHours: '',
    sleepQuality: '',
    activity: '',
    energy: '',
    stress: '',
    mood: '',
    phq2: ['', ''],
    gad2: ['', ''],
    support: '',
    homeLife: '',
    work: '',
    meaning: '',
    practices: '',
    environmentHome: '',
    exposures: '',
    nutrition: '',
    movement: '',
    tobacco: '',
    alcoholDrinksPerWeek: '',
    otherSubstances: '',
    pegPain: '',
    pegEnjoyment: '',
    pegActivity: '',
    wanted: [],
    declined: [],
    needleAversion: false,
    budget: '',
    telehealth: '',
    limits: '',
  };
}

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));
const pairText = (pair: readonly [number, number] | undefined): PairAnswers =>
  pair ? [String(pair[0]), String(pair[1])] : ['', ''];

/** The form filled with saved answers (a draft, or a submitted intake being updated). */
export function intakeToForm(intake: Intake): IntakeForm {
  const {
    physical: body,
    emotional: mind,
    social,
    spiritual,
    environmental,
    lifestyle,
    preferences,
  } = intake;
  return {
    reasons: intake.reasons,
    goals: intake.goals.length ? intake.goals.map((text) => ({ key: rowKey('goal'), text })) : [emptyGoal()],
    conditions: intake.conditions.map((c) => ({
      key: rowKey('condition'),
      name: c.name,
      since: c.since ?? '',
    })),
    medicines: intake.medicines.length
      ? intake.medicines.map((m) => ({
          key: rowKey('medicine'),
          kind: m.kind,
          name: m.name,
          dose: m.dose ?? '',
          frequency: m.frequency ?? '',
          since: m.since ?? '',
        }))
      : intake.noMedicines
        ? []
        : [emptyMedicine()],
    noMedicines: intake.noMedicines,
    allergies: intake.allergies.map((a) => ({
      key: rowKey('allergy'),
      substance: a.substance,
      reaction: a.reaction ?? '',
      severity: a.severity ?? '',
    })),
    noKnownAllergies: intake.noKnownAllergies,
    painNow: numberText(body.painNow),
    painLocations: body.painLocations ?? '',
    sleepHours: numberText(body.sleepHours),
    sleepQuality: body.sleepQuality ?? '',
    activity: body.activity ?? '',
    energy: numberText(body.energy),
    stress: numberText(mind.stress),
    mood: mind.mood ?? '',
    phq2: pairText(mind.phq2),
    gad2: pairText(mind.gad2),
    support: social.support ?? '',
    homeLife: social.home ?? '',
    work: social.work ?? '',
    meaning: spiritual.meaning ?? '',
    practices: spiritual.practices ?? '',
    environmentHome: environmental.home ?? '',
    exposures: environmental.exposures ?? '',
    nutrition: lifestyle.nutrition ?? '',
    movement: lifestyle.movement ?? '',
    tobacco: lifestyle.tobacco ?? '',
    alcoholDrinksPerWeek: numberText(lifestyle.alcoholDrinksPerWeek),
    otherSubstances: lifestyle.otherSubstances ?? '',
    pegPain: numberText(intake.peg?.pain),
    pegEnjoyment: numberText(intake.peg?.enjoyment),
    pegActivity: numberText(intake.peg?.activity),
    wanted: [...preferences.wanted],
    declined: [...preferences.declined],
    needleAversion: preferences.needleAversion,
    budget: preferences.budget ?? '',
    telehealth: preferences.telehealth ?? '',
    limits: preferences.limits ?? '',
  };
}

/** Error messages by field: 'sleepHours', 'phq2', 'medicines.0.name', … */
export type IntakeFormErrors = Record<string, string>;

const wholeNumber = (text: string) => /^\d+$/.test(text.trim());
const decimal = (text: string) => /^\d+([.,]\d+)?$/.test(text.trim());
const filled = (text: string) => text.trim() !== '';

function checkScale(errors: IntakeFormErrors, field: string, value: string, max: number, what: string) {
  if (!filled(value)) return;
  if (!wholeNumber(value) || Number(value) > max)
    errors[field] = `${what} is a whole number from 0 to ${max}.`;
}

/**
 * What must be fixed before the answers can be saved, even as a draft. Missing answers are fine in a
 * draft; the server says what a submission still needs.
 */
export function validateIntakeForm(form: IntakeForm): IntakeFormErrors {
  const errors: IntakeFormErrors = {};
  if (!form.noMedicines) {
    form.medicines.forEach((m, i) => {
      if (!filled(m.name) && (filled(m.dose) || filled(m.frequency) || filled(m.since)))
        errors[`medicines.${i}.name`] = 'Write the name of the medicine or supplement.';
    });
  }
  if (!form.noKnownAllergies) {
    form.allergies.forEach((a, i) => {
      if (!filled(a.substance) && (filled(a.reaction) || a.severity !== ''))
        errors[`allergies.${i}.substance`] = 'Write what you are allergic to.';
    });
  }
  form.conditions.forEach((c, i) => {
    if (!filled(c.name) && filled(c.since))
      errors[`conditions.${i}.name`] = 'Write the name of the condition.';
  });
  checkScale(errors, 'painNow', form.painNow, 10, 'Pain');
  checkScale(errors, 'energy', form.energy, 10, 'Energy');
  checkScale(errors, 'stress', form.stress, 10, 'Stress');
  if (filled(form.sleepHours)) {
    const hours = Number(form.sleepHours.trim().replace(',', '.'));
    if (!decimal(form.sleepHours) || hours > 24)
      errors.sleepHours = 'Write the hours of sleep as a number from 0 to 24, e.g. 6 or 6.5.';
  }
  if (filled(form.alcoholDrinksPerWeek)) {
    if (!wholeNumber(form.alcoholDrinksPerWeek) || Number(form.alcoholDrinksPerWeek) > 200)
      errors.alcoholDrinksPerWeek = 'Write a whole number of drinks, e.g. 0 or 4.';
  }
  for (const pair of ['phq2', 'gad2'] as const) {
    const answered = form[pair].filter(filled).length;
    if (answered === 1) errors[pair] = 'Answer both questions, or leave both unanswered.';
  }
  const peg = [form.pegPain, form.pegEnjoyment, form.pegActivity];
  const pegAnswered = peg.filter(filled).length;
  if (pegAnswered > 0 && pegAnswered < 3)
    errors.peg = 'Answer all three questions, or leave all three unanswered.';
  return errors;
}

const optional = (text: string): string | undefined => {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
};
const optionalNumber = (text: string): number | undefined =>
  filled(text) ? Number(text.trim().replace(',', '.')) : undefined;
const optionalChoice = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);

/** Drops the keys whose value is undefined: the body carries only what was answered. */
function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function pairAnswers(pair: PairAnswers): [number, number] | undefined {
  return filled(pair[0]) && filled(pair[1]) ? [Number(pair[0]), Number(pair[1])] : undefined;
}

/**
 * The Intake body to save. Rows left empty are dropped; a "none" checkbox wins over rows that were
 * hidden when it was ticked. Call validateIntakeForm first: this assumes the numbers are valid.
 */
export function formToIntake(form: IntakeForm): Intake {
  const pegValues = [form.pegPain, form.pegEnjoyment, form.pegActivity];
  const peg = pegValues.every(filled)
    ? { pain: Number(form.pegPain), enjoyment: Number(form.pegEnjoyment), activity: Number(form.pegActivity) }
    : undefined;
  const intake: Intake = {
    reasons: form.reasons.trim(),
    goals: form.goals.map((g) => g.text.trim()).filter((g) => g !== ''),
    conditions: form.conditions
      .filter((c) => filled(c.name))
      .map((c) => compact({ name: c.name.trim(), since: optional(c.since) })),
    medicines: form.noMedicines
      ? []
      : form.medicines
          .filter((m) => filled(m.name))
          .map((m) =>
            compact({
              kind: m.kind,
              name: m.name.trim(),
              dose: optional(m.dose),
              frequency: optional(m.frequency),
              since: optional(m.since),
            }),
          ),
    noMedicines: form.noMedicines,
    noKnownAllergies: form.noKnownAllergies,
    allergies: form.noKnownAllergies
      ? []
      : form.allergies
          .filter((a) => filled(a.substance))
          .map((a) =>
            compact({
              substance: a.substance.trim(),
              reaction: optional(a.reaction),
              severity: optionalChoice(a.severity),
            }),
          ),
    physical: compact({
      painNow: optionalNumber(form.painNow),
      painLocations: optional(form.painLocations),
      sleepHours: optionalNumber(form.sleepHours),
      sleepQuality: optionalChoice(form.sleepQuality),
      activity: optional(form.activity),
      energy: optionalNumber(form.energy),
    }),
    emotional: compact({
      stress: optionalNumber(form.stress),
      mood: optional(form.mood),
      phq2: pairAnswers(form.phq2),
      gad2: pairAnswers(form.gad2),
    }),
    social: compact({
      support: optional(form.support),
      home: optional(form.homeLife),
      work: optional(form.work),
    }),
    spiritual: compact({ meaning: optional(form.meaning), practices: optional(form.practices) }),
    environmental: compact({ home: optional(form.environmentHome), exposures: optional(form.exposures) }),
    lifestyle: compact({
      nutrition: optional(form.nutrition),
      movement: optional(form.movement),
      tobacco: optionalChoice(form.tobacco),
      alcoholDrinksPerWeek: optionalNumber(form.alcoholDrinksPerWeek),
      otherSubstances: optional(form.otherSubstances),
    }),
    preferences: compact({
      wanted: [...form.wanted],
      declined: [...form.declined],
      needleAversion: form.needleAversion,
      budget: optionalChoice(form.budget),
      telehealth: optionalChoice(form.telehealth),
      limits: optional(form.limits),
    }),
  };
  if (peg) intake.peg = peg;
  return intake;
}

/** The four standard answers of the PHQ-2 and GAD-2 questions, scored 0–3. */
export const frequencyAnswers = [
  { value: '0', label: 'Not at all' },
  { value: '1', label: 'Several days' },
  { value: '2', label: 'More than half the days' },
  { value: '3', label: 'Nearly every day' },
] as const;

/** The screening questions in plain words; the lead-in is "Over the last 2 weeks, how often have you been bothered by…". */
export const phq2Questions = [
  'Having little interest or pleasure in doing things',
  'Feeling down, depressed or hopeless',
] as const;
export const gad2Questions = [
  'Feeling nervous, anxious or on edge',
  'Not being able to stop or control worrying',
] as const;

export const pegQuestions = {
  pain: 'What number best describes your pain on average in the past week? (0 = no pain, 10 = pain as bad as you can imagine)',
  enjoyment:
    'What number best describes how, during the past week, pain has interfered with your enjoyment of life? (0 = not at all, 10 = completely)',
  activity:
    'What number best describes how, during the past week, pain has interfered with your general activity? (0 = not at all, 10 = completely)',
} as const;

export const sleepQualityLabels: Record<Exclude<SleepQuality, ''>, string> = {
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
};
export const tobaccoLabels: Record<Exclude<Tobacco, ''>, string> = {
  never: 'I have never used tobacco',
  former: 'I used to, but have stopped',
  current: 'I use tobacco now',
};
export const budgetLabels: Record<Exclude<Budget, ''>, string> = {
  'insurance-only': 'Only what my insurance covers',
  'some-self-pay': 'I can pay for some things myself',
  'self-pay-ok': 'Paying myself is fine',
};
export const telehealthLabels: Record<Exclude<Telehealth, ''>, string> = {
  prefer: 'I prefer video visits',
  open: 'Video visits are fine sometimes',
  no: 'I would rather come in person',
};
export const severityLabels: Record<Exclude<AllergySeverity, ''>, string> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};
export const kindLabels: Record<MedicineKind, string> = { medicine: 'Medicine', supplement: 'Supplement' };

/** The answer's words for a 0–3 screening value, e.g. 2 → "More than half the days". */
export function frequencyAnswerLabel(value: number): string {
  return frequencyAnswers.find((a) => a.value === String(value))?.label ?? String(value);
}

/** "Sertraline, 50 mg, daily, since 2023" for the read-only summary. */
export function describeMedicine(m: Intake['medicines'][number]): string {
  return [m.name, m.dose, m.frequency, m.since ? `since ${m.since}` : undefined].filter(Boolean).join(', ');
}

/** "Penicillin: rash (moderate)". */
export function describeAllergy(a: Intake['allergies'][number]): string {
  const reaction = a.reaction ? `: ${a.reaction}` : '';
  const severity = a.severity ? ` (${a.severity})` : '';
  return `${a.substance}${reaction}${severity}`;
}

/**
 * Whether a typed name is one the knowledge base knows, going by the suggestions for it: the same
 * name, brand or synonym once case, accents and punctuation are set aside.
 */
export function isKnownName(typed: string, suggestions: readonly KnownName[]): boolean {
  const wanted = normaliseName(typed);
  if (wanted === '') return false;
  return suggestions.some(
    (s) => normaliseName(s.name) === wanted || (s.matched !== null && normaliseName(s.matched) === wanted),
  );
}

/** The suggestion that matches the typed name exactly, if any (to take its kind). */
export function exactSuggestion(typed: string, suggestions: readonly KnownName[]): KnownName | undefined {
  const wanted = normaliseName(typed);
  return suggestions.find(
    (s) => normaliseName(s.name) === wanted || (s.matched !== null && normaliseName(s.matched) === wanted),
  );
}

/** Chosen therapies never sit in both lists: choosing one in a list takes it out of the other. */
export function choosePreferences(
  current: { wanted: string[]; declined: string[] },
  list: 'wanted' | 'declined',
  chosen: string[],
): { wanted: string[]; declined: string[] } {
  const other = list === 'wanted' ? 'declined' : 'wanted';
  const added = chosen.filter((id) => !current[list].includes(id));
  return {
    [list]: chosen,
    [other]: current[other].filter((id) => !added.includes(id)),
  } as { wanted: string[]; declined: string[] };
}

/** The gaps a refused submission lists (the server sends them beside its message). */
export function submissionGaps(details: Readonly<Record<string, unknown>>): string[] {
  const gaps = details.gaps;
  return Array.isArray(gaps) ? gaps.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * "Saved at 2:05 PM EST (America/New_York)." — with the date when it was not today — and whether
 * there are changes since; empty before anything is typed or saved.
 */
export function savedStatus(updatedAt: string | null, dirty: boolean, timeZone: string, now: Date): string {
  const unsaved = 'You have changes that are not saved yet.';
  if (updatedAt === null) return dirty ? unsaved : '';
  const today = formatDayInZone(updatedAt, timeZone) === formatDayInZone(now.toISOString(), timeZone);
  const at = today
    ? `Saved at ${formatInstantInZone(updatedAt, timeZone)}.`
    : `Saved on ${formatInstantInZone(updatedAt, timeZone, { withDate: true })}.`;
  return dirty ? `${at} ${unsaved}` : at;
}
