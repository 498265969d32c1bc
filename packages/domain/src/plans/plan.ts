import { z } from 'zod';

// The personalised well-being plan. A plan is a series of immutable versions; each version holds the
// whole content below, so any version can be read as it was and two versions can be compared.

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const localId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'ids are short lowercase words, e.g. "g1".');
const knowledgeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a knowledge-base id, e.g. "acupuncture".');

export const goalMeasures = ['peg', 'pain-average', 'phq-9', 'gad-7', 'sleep-hours', 'custom'] as const;

/** A measurable goal: what, target, by when, how measured (e.g. "PEG ≤ 4 by 12 weeks"). */
export const planGoalSchema = z.strictObject({
  id: localId,
  what: text(300).min(3, 'Say what the goal is, in words the patient would use.'),
  measure: z.enum(goalMeasures),
  comparator: z.enum(['<=', '>=']),
  target: z.number().min(0).max(10_000),
  unit: text(40).optional(),
  byWeeks: z.number().int().min(1, 'A goal needs a time frame of at least 1 week.').max(104),
  howMeasured: text(300).min(3, 'Say how progress is measured.'),
});

export const planInterventionSchema = z.strictObject({
  id: localId,
  therapy: knowledgeId,
  /** The service booked for it (services.code), when Meridian schedules it. */
  serviceCode: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/)
    .optional(),
  frequency: text(100).min(2, 'Say how often, e.g. "weekly".'),
  sessions: z.number().int().min(1).max(104),
  discipline: text(100).optional(),
  practitionerId: z.uuid().optional(),
  /** The evidence row that supports it, for the summary and the patient. */
  evidenceId: knowledgeId.optional(),
  notes: text(1000).optional(),
});

export const planSelfCareSchema = z.strictObject({
  id: localId,
  practice: text(300).min(3),
  frequency: text(100).min(2),
});

export const planSupplementSchema = z.strictObject({
  name: text(200).min(1),
  action: z.enum(['start', 'continue', 'stop']),
  dose: text(100).optional(),
  frequency: text(100).optional(),
  reason: text(500).optional(),
});

export const planContentSchema = z.strictObject({
  /** Condition ids (knowledge base) or the text of unresolved conditions the plan addresses. */
  conditions: z.array(text(200).min(1)).max(30).default([]),
  goals: z.array(planGoalSchema).max(12).default([]),
  interventions: z.array(planInterventionSchema).max(20).default([]),
  selfCare: z.array(planSelfCareSchema).max(20).default([]),
  supplements: z.array(planSupplementSchema).max(30).default([]),
  /** Education article ids. */
  education: z.array(knowledgeId).max(20).default([]),
  leadUserId: z.uuid().optional(),
  reviewDate: z.iso.date('reviewDate must be a date, e.g. 2027-02-15.').optional(),
});

export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanGoal = z.infer<typeof planGoalSchema>;
export type PlanIntervention = z.infer<typeof planInterventionSchema>;

const measureWords: Record<PlanGoal['measure'], string> = {
  peg: 'PEG',
  'pain-average': 'average pain',
  'phq-9': 'PHQ-9',
  'gad-7': 'GAD-7',
  'sleep-hours': 'sleep',
  custom: '',
};

/** The goal's target in short form, e.g. "PEG ≤ 4 by 12 weeks". */
export function goalTarget(goal: PlanGoal): string {
  const what = measureWords[goal.measure] || goal.howMeasured;
  const sign = goal.comparator === '<=' ? '≤' : '≥';
  const unit = goal.unit ? ` ${goal.unit}` : '';
  return `${what} ${sign} ${goal.target}${unit} by ${goal.byWeeks} week${goal.byWeeks === 1 ? '' : 's'}`;
}

/** What a plan must hold before it is signed, as messages a clinician can act on. */
export function planGaps(content: PlanContent): string[] {
  const gaps: string[] = [];
  if (content.goals.length === 0) gaps.push('Add at least one measurable goal.');
  if (content.interventions.length === 0 && content.selfCare.length === 0)
    gaps.push('Add at least one therapy or self-care practice.');
  if (!content.reviewDate) gaps.push('Set a review date.');
  const ids = [...content.goals, ...content.interventions, ...content.selfCare].map((x) => x.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length)
    gaps.push(`Each goal, therapy and practice needs its own id; repeated: ${twice.join(', ')}.`);
  return gaps;
}

type Named = { id: string };

/** JSON with keys in a fixed order, so that stored copies (jsonb reorders keys) compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function changesOf<T extends Named>(
  label: string,
  before: T[],
  after: T[],
  describe: (x: T) => string,
): string[] {
  const out: string[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  for (const x of after) {
    const was = old.get(x.id);
    if (!was) out.push(`${label} added: ${describe(x)}`);
    else if (canonical(was) !== canonical(x)) out.push(`${label} changed: ${describe(was)} → ${describe(x)}`);
  }
  for (const x of before) if (!now.has(x.id)) out.push(`${label} removed: ${describe(x)}`);
  return out;
}

/**
 * What changed from one version to the next, one line each, for the plan history. `names` gives
 * display names of therapy ids and article ids.
 */
export function planChanges(
  before: PlanContent,
  after: PlanContent,
  names: (id: string) => string,
): string[] {
  const out = [
    ...changesOf('Goal', before.goals, after.goals, (g) => `${g.what} (${goalTarget(g)})`),
    ...changesOf(
      'Therapy',
      before.interventions,
      after.interventions,
      (i) => `${names(i.therapy)}, ${i.frequency}, ${i.sessions} session${i.sessions === 1 ? '' : 's'}`,
    ),
    ...changesOf('Self-care', before.selfCare, after.selfCare, (s) => `${s.practice} (${s.frequency})`),
    ...changesOf(
      'Supplement',
      before.supplements.map((s) => ({ ...s, id: s.name.toLowerCase() })),
      after.supplements.map((s) => ({ ...s, id: s.name.toLowerCase() })),
      (s) => `${s.action} ${s.name}${s.dose ? ` ${s.dose}` : ''}`,
    ),
  ];
  const added = after.education.filter((e) => !before.education.includes(e));
  const dropped = before.education.filter((e) => !after.education.includes(e));
  for (const e of added) out.push(`Reading added: ${names(e)}`);
  for (const e of dropped) out.push(`Reading removed: ${names(e)}`);
  if (before.reviewDate !== after.reviewDate)
    out.push(`Review date: ${before.reviewDate ?? 'none'} → ${after.reviewDate ?? 'none'}`);
  if (before.leadUserId !== after.leadUserId) out.push('Lead clinician changed');
  const conditionsBefore = before.conditions.join(', ');
  const conditionsAfter = after.conditions.join(', ');
  if (conditionsBefore !== conditionsAfter)
    out.push(`Conditions addressed: ${conditionsBefore || 'none'} → ${conditionsAfter || 'none'}`);
  return out;
}
