import {
  type goalMeasures,
  goalTarget,
  type PlanContent,
  type PlanGoal,
  type PlanIntervention,
  type Recommendation,
} from '@meridian/domain';

// Pure helpers for the plan editor: the draft is a PlanContent held in the page until it is saved.

export type GoalMeasure = (typeof goalMeasures)[number];
export type Comparator = PlanGoal['comparator'];
type SelfCare = PlanContent['selfCare'][number];
type SupplementChange = PlanContent['supplements'][number];

export function emptyPlan(): PlanContent {
  return { conditions: [], goals: [], interventions: [], selfCare: [], supplements: [], education: [] };
}

const arrayOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A plan draft as stored (it may be partial: a new consultation holds only conditions and the lead). */
export function normalizePlan(draft: Partial<PlanContent> | null | undefined): PlanContent {
  const plan: PlanContent = {
    conditions: arrayOf<string>(draft?.conditions),
    goals: arrayOf<PlanGoal>(draft?.goals),
    interventions: arrayOf<PlanIntervention>(draft?.interventions),
    selfCare: arrayOf<SelfCare>(draft?.selfCare),
    supplements: arrayOf<SupplementChange>(draft?.supplements),
    education: arrayOf<string>(draft?.education),
  };
  if (draft?.leadUserId) plan.leadUserId = draft.leadUserId;
  if (draft?.reviewDate) plan.reviewDate = draft.reviewDate;
  return plan;
}

/** A stable text of the draft, to tell whether it changed since it was saved. */
export function planFingerprint(plan: PlanContent, extra?: unknown): string {
  return JSON.stringify([plan, extra ?? null]);
}

/** The next short id with a prefix: "i1", "i2"…, one more than the highest in use. */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let highest = 0;
  for (const { id } of taken) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}${highest + 1}`;
}

export interface BookableService {
  code: string;
  therapy?: string | null;
  active: boolean;
  settings: readonly string[];
}

/** The outpatient or telehealth service that delivers a therapy, when Meridian schedules it. */
export function serviceCodeFor(therapyId: string, services: readonly BookableService[]): string | undefined {
  const match = services.find(
    (s) => s.active && s.therapy === therapyId && s.settings.some((setting) => setting !== 'inpatient'),
  );
  return match?.code;
}

export function hasTherapy(plan: PlanContent, therapyId: string): boolean {
  return plan.interventions.some((i) => i.therapy === therapyId);
}

export const defaultIntervention = { frequency: 'weekly', sessions: 6 } as const;

/** Adds the recommended therapy (once): weekly, six sessions, with its best evidence and service. */
export function addRecommendation(
  plan: PlanContent,
  rec: Pick<Recommendation, 'therapy' | 'best'>,
  services: readonly BookableService[] = [],
): PlanContent {
  if (hasTherapy(plan, rec.therapy.id)) return plan;
  const intervention: PlanIntervention = {
    id: nextId('i', plan.interventions),
    therapy: rec.therapy.id,
    frequency: defaultIntervention.frequency,
    sessions: defaultIntervention.sessions,
  };
  if (rec.best) intervention.evidenceId = rec.best.id;
  const serviceCode = serviceCodeFor(rec.therapy.id, services);
  if (serviceCode) intervention.serviceCode = serviceCode;
  return { ...plan, interventions: [...plan.interventions, intervention] };
}

export function removeTherapy(plan: PlanContent, therapyId: string): PlanContent {
  return { ...plan, interventions: plan.interventions.filter((i) => i.therapy !== therapyId) };
}

export function updateIntervention(
  plan: PlanContent,
  id: string,
  change: Partial<Pick<PlanIntervention, 'frequency' | 'sessions' | 'notes'>>,
): PlanContent {
  return {
    ...plan,
    interventions: plan.interventions.map((i) => (i.id === id ? { ...i, ...change } : i)),
  };
}

export function removeIntervention(plan: PlanContent, id: string): PlanContent {
  return { ...plan, interventions: plan.interventions.filter((i) => i.id !== id) };
}

// Goals ----------------------------------------------------------------------------------------------

/** The goal form as typed: numbers are still text until they are checked. */
export interface GoalDraft {
  what: string;
  measure: GoalMeasure;
  comparator: Comparator;
  target: string;
  unit: string;
  byWeeks: string;
  howMeasured: string;
}

export const measureLabels: Record<GoalMeasure, string> = {
  peg: 'PEG (pain, enjoyment, activity; 0–10)',
  'pain-average': 'Average pain (0–10)',
  'phq-9': 'PHQ-9 (depression)',
  'gad-7': 'GAD-7 (anxiety)',
  'sleep-hours': 'Sleep (hours a night)',
  custom: 'Other (described below)',
};

const defaultHowMeasured: Record<GoalMeasure, string> = {
  peg: 'PEG questionnaire at each visit',
  'pain-average': 'Average pain over the last week, 0–10, at each visit',
  'phq-9': 'PHQ-9 questionnaire every 4 weeks',
  'gad-7': 'GAD-7 questionnaire every 4 weeks',
  'sleep-hours': 'Sleep diary',
  custom: '',
};

export function emptyGoalDraft(measure: GoalMeasure = 'peg'): GoalDraft {
  return {
    what: '',
    measure,
    comparator: measure === 'sleep-hours' ? '>=' : '<=',
    target: '',
    unit: measure === 'sleep-hours' ? 'hours' : '',
    byWeeks: '12',
    howMeasured: defaultHowMeasured[measure],
  };
}

/** Changing the measure suggests its usual direction, unit and way of measuring, unless typed over. */
export function withMeasure(draft: GoalDraft, measure: GoalMeasure): GoalDraft {
  const before = emptyGoalDraft(draft.measure);
  const after = emptyGoalDraft(measure);
  return {
    ...draft,
    measure,
    comparator: draft.comparator === before.comparator ? after.comparator : draft.comparator,
    unit: draft.unit === before.unit ? after.unit : draft.unit,
    howMeasured: draft.howMeasured === before.howMeasured ? after.howMeasured : draft.howMeasured,
  };
}

export type GoalErrors = Partial<Record<'what' | 'target' | 'byWeeks' | 'howMeasured', string>>;

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The goal, or what to fix; the same limits as the server's plan schema. */
export function goalFromDraft(draft: GoalDraft, id: string): { goal: PlanGoal | null; errors: GoalErrors } {
  const errors: GoalErrors = {};
  const what = draft.what.trim();
  if (what.length < 3) errors.what = 'Say what the goal is, in words the patient would use.';
  else if (what.length > 300) errors.what = 'Keep the goal under 300 characters.';
  const target = parseNumber(draft.target);
  if (target === null) errors.target = 'Give the target as a number, e.g. 4.';
  else if (target < 0 || target > 10_000) errors.target = 'The target is between 0 and 10000.';
  const weeks = parseNumber(draft.byWeeks);
  if (weeks === null || !Number.isInteger(weeks)) errors.byWeeks = 'Give the weeks as a whole number.';
  else if (weeks < 1 || weeks > 104) errors.byWeeks = 'Between 1 and 104 weeks.';
  const howMeasured = draft.howMeasured.trim();
  if (howMeasured.length < 3) errors.howMeasured = 'Say how progress is measured.';
  else if (howMeasured.length > 300) errors.howMeasured = 'Keep it under 300 characters.';
  if (Object.keys(errors).length > 0) return { goal: null, errors };
  const goal: PlanGoal = {
    id,
    what,
    measure: draft.measure,
    comparator: draft.comparator,
    target: target!,
    byWeeks: weeks!,
    howMeasured,
  };
  const unit = draft.unit.trim();
  if (unit) goal.unit = unit;
  return { goal, errors };
}

/** "PEG ≤ 4 by 12 weeks" while the goal is typed; null until the numbers make sense. */
export function goalPreview(draft: GoalDraft): string | null {
  const target = parseNumber(draft.target);
  const weeks = parseNumber(draft.byWeeks);
  if (target === null || weeks === null || !Number.isInteger(weeks) || weeks < 1) return null;
  const unit = draft.unit.trim();
  return goalTarget({
    id: 'preview',
    what: draft.what,
    measure: draft.measure,
    comparator: draft.comparator,
    target,
    byWeeks: weeks,
    howMeasured: draft.howMeasured.trim() || 'custom measure',
    ...(unit ? { unit } : {}),
  });
}

export function addGoal(plan: PlanContent, goal: Omit<PlanGoal, 'id'>): PlanContent {
  return { ...plan, goals: [...plan.goals, { ...goal, id: nextId('g', plan.goals) }] };
}

export function removeGoal(plan: PlanContent, id: string): PlanContent {
  return { ...plan, goals: plan.goals.filter((g) => g.id !== id) };
}

// Self-care, supplements, reading, review date -------------------------------------------------------

export function addSelfCare(plan: PlanContent, practice: string, frequency: string): PlanContent {
  const item = { id: nextId('s', plan.selfCare), practice: practice.trim(), frequency: frequency.trim() };
  return { ...plan, selfCare: [...plan.selfCare, item] };
}

export function removeSelfCare(plan: PlanContent, id: string): PlanContent {
  return { ...plan, selfCare: plan.selfCare.filter((s) => s.id !== id) };
}

/** Adds or replaces the change for a supplement (one line per supplement name). */
export function setSupplement(plan: PlanContent, change: SupplementChange): PlanContent {
  const name = change.name.trim();
  const clean: SupplementChange = { name, action: change.action };
  for (const key of ['dose', 'frequency', 'reason'] as const) {
    const value = change[key]?.trim();
    if (value) clean[key] = value;
  }
  const others = plan.supplements.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
  return { ...plan, supplements: [...others, clean] };
}

export function removeSupplement(plan: PlanContent, name: string): PlanContent {
  return { ...plan, supplements: plan.supplements.filter((s) => s.name !== name) };
}

export function setEducation(plan: PlanContent, ids: readonly string[]): PlanContent {
  return { ...plan, education: [...new Set(ids)] };
}

export function setConditions(plan: PlanContent, ids: readonly string[]): PlanContent {
  return { ...plan, conditions: [...new Set(ids)] };
}

/** Adds conditions the plan does not address yet (e.g. one just recorded), keeping the order. */
export function includeConditions(plan: PlanContent, ids: readonly string[]): PlanContent {
  const missing = ids.filter((id) => !plan.conditions.includes(id));
  return missing.length ? { ...plan, conditions: [...plan.conditions, ...missing] } : plan;
}

export function setReviewDate(plan: PlanContent, date: string): PlanContent {
  const { reviewDate: _old, ...rest } = plan;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { ...rest, reviewDate: date } : rest;
}

/** "weekly, 6 sessions". */
export function interventionDose(i: Pick<PlanIntervention, 'frequency' | 'sessions'>): string {
  return `${i.frequency}, ${i.sessions} session${i.sessions === 1 ? '' : 's'}`;
}
