import type { InstrumentId } from '../instruments/questionnaires.ts';
import type { PlanContent, PlanGoal } from '../plans/plan.ts';
import { addDays } from '../shared/dates.ts';

// Progress against a plan: where each goal stands, which questionnaires are due, whether a review is
// due. The "on track" rule is ours (a straight line from the baseline to the target by the due date),
// stated here so that clinicians can read it; it is not a published rule.

export interface Measurement {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export type GoalStatus = 'met' | 'on-track' | 'off-track' | 'no-data';

export interface GoalProgress {
  goalId: string;
  status: GoalStatus;
  baseline: number | null;
  latest: Measurement | null;
  /** The value the straight line from baseline to target expects on `today`. */
  expected: number | null;
  dueDate: string;
}

const better = (goal: Pick<PlanGoal, 'comparator'>, a: number, b: number) =>
  goal.comparator === '<=' ? a <= b : a >= b;

/** Where a goal stands on `today`, from its measurements (any order) since the plan started. */
export function goalProgress(
  goal: PlanGoal,
  measurements: readonly Measurement[],
  planStart: string,
  today: string,
): GoalProgress {
  const dueDate = addDays(planStart, goal.byWeeks * 7);
  const sorted = [...measurements].sort((a, b) => a.date.localeCompare(b.date));
  const baselineM = [...sorted].reverse().find((m) => m.date <= planStart) ?? sorted[0] ?? null;
  const latest = sorted.at(-1) ?? null;
  if (!baselineM || !latest || latest === baselineM)
    return {
      goalId: goal.id,
      status: latest && better(goal, latest.value, goal.target) ? 'met' : 'no-data',
      baseline: baselineM?.value ?? null,
      latest,
      expected: null,
      dueDate,
    };
  if (better(goal, latest.value, goal.target))
    return {
      goalId: goal.id,
      status: 'met',
      baseline: baselineM.value,
      latest,
      expected: goal.target,
      dueDate,
    };
  const span = Date.parse(dueDate) - Date.parse(planStart);
  const elapsed = Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(planStart)) / span));
  const expected = Math.round((baselineM.value + (goal.target - baselineM.value) * elapsed) * 10) / 10;
  return {
    goalId: goal.id,
    status: better(goal, latest.value, expected) ? 'on-track' : 'off-track',
    baseline: baselineM.value,
    latest,
    expected,
    dueDate,
  };
}

const measureInstrument: Partial<Record<PlanGoal['measure'], InstrumentId>> = {
  peg: 'peg',
  'phq-9': 'phq-9',
  'gad-7': 'gad-7',
};

/**
 * Questionnaires the plan asks for (its goals' instruments, and the PEG for every plan) and when each
 * is next due: at the start, then every `everyWeeks` weeks, and in the week before the review date.
 */
export function questionnairesDue(
  plan: Pick<PlanContent, 'goals' | 'reviewDate'>,
  planStart: string,
  lastCompleted: Partial<Record<InstrumentId, string>>,
  today: string,
  everyWeeks = 2,
): { instrument: InstrumentId; dueOn: string; due: boolean }[] {
  const wanted = new Set<InstrumentId>(['peg']);
  for (const g of plan.goals) {
    const i = measureInstrument[g.measure];
    if (i) wanted.add(i);
  }
  return [...wanted].map((instrument) => {
    const last = lastCompleted[instrument];
    let dueOn = last ? addDays(last, everyWeeks * 7) : planStart;
    // Before a review, a fresh answer is wanted even if the regular one is not due yet.
    if (plan.reviewDate) {
      const weekBefore = addDays(plan.reviewDate, -7);
      if (today >= weekBefore && (!last || last < weekBefore) && weekBefore < dueOn) dueOn = weekBefore;
    }
    return { instrument, dueOn, due: dueOn <= today };
  });
}

/**
 * A review is due from a week before the plan's review date until the current version is reviewed
 * (a review that adjusts the plan makes a new version, which is then due at its own review date).
 */
export function reviewDue(
  reviewDate: string | undefined,
  lastReviewedVersion: number | null,
  currentVersion: number,
  today: string,
): boolean {
  if (!reviewDate) return false;
  return lastReviewedVersion !== currentVersion && today >= addDays(reviewDate, -7);
}
