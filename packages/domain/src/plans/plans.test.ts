import { describe, expect, it } from 'vitest';
import { scoreGad2, scorePeg, scorePhq2 } from '../instruments/screens.ts';
import { intakeGaps, intakeSchema } from './intake.ts';
import { goalTarget, type PlanContent, planChanges, planContentSchema, planGaps } from './plan.ts';

describe('intake screens', () => {
  it('scores the PHQ-2 and GAD-2 with 3 as the cut-point', () => {
    expect(scorePhq2([1, 1])).toMatchObject({ score: 2, positive: false });
    expect(scorePhq2([2, 1])).toMatchObject({ score: 3, positive: true });
    expect(scorePhq2([3, 3]).score).toBe(6);
    expect(scoreGad2([0, 2])).toMatchObject({ score: 2, positive: false });
    expect(scoreGad2([1, 2])).toMatchObject({ score: 3, positive: true });
  });

  it('scores the PEG as the mean of its three items, to one decimal', () => {
    expect(scorePeg([7, 6, 6]).score).toBe(6.3);
    expect(scorePeg([0, 0, 0]).score).toBe(0);
    expect(scorePeg([10, 10, 10]).score).toBe(10);
  });

  it('refuses answers outside the scale', () => {
    expect(() => scorePhq2([4, 0])).toThrow(/0 to 3/);
    expect(() => scorePeg([5, 5])).toThrow(/3 items/);
    expect(() => scoreGad2([1.5, 0])).toThrow(/whole numbers/);
  });
});

describe('intake', () => {
  it('lists what a draft still needs before it can be submitted', () => {
    const draft = intakeSchema.parse({});
    expect(intakeGaps(draft)).toHaveLength(3);
    const done = intakeSchema.parse({
      reasons: 'Back pain for two years',
      medicines: [{ kind: 'medicine', name: 'sertraline', dose: '50 mg', frequency: 'daily' }],
      noKnownAllergies: true,
    });
    expect(intakeGaps(done)).toEqual([]);
  });

  it('refuses a pain score above 10 with a message', () => {
    const result = intakeSchema.safeParse({ physical: { painNow: 11 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Pain is from 0 to 10.');
  });
});

const v1: PlanContent = planContentSchema.parse({
  conditions: ['chronic-low-back-pain'],
  goals: [
    {
      id: 'g1',
      what: 'Less pain getting through the work day',
      measure: 'peg',
      comparator: '<=',
      target: 4,
      byWeeks: 12,
      howMeasured: 'PEG every 2 weeks',
    },
  ],
  interventions: [{ id: 'i1', therapy: 'acupuncture', frequency: 'weekly', sessions: 6 }],
  education: ['sleep-hygiene'],
  reviewDate: '2027-02-15',
});

describe('plans', () => {
  it('writes a goal target in short form', () => {
    expect(goalTarget(v1.goals[0]!)).toBe('PEG ≤ 4 by 12 weeks');
  });

  it('says what a plan lacks before signing', () => {
    expect(planGaps(planContentSchema.parse({}))).toEqual([
      'Add at least one measurable goal.',
      'Add at least one therapy or self-care practice.',
      'Set a review date.',
    ]);
    expect(planGaps(v1)).toEqual([]);
  });

  it('lists the changes between two versions', () => {
    const v2: PlanContent = {
      ...v1,
      interventions: [{ ...v1.interventions[0]!, sessions: 8 }],
      selfCare: [{ id: 's1', practice: 'Ten minutes of mindful breathing', frequency: 'daily' }],
      education: [],
      reviewDate: '2027-03-15',
    };
    const names = (id: string) =>
      ({ acupuncture: 'Acupuncture', 'sleep-hygiene': 'Sleep hygiene' })[id] ?? id;
    expect(planChanges(v1, v2, names)).toEqual([
      'Therapy changed: Acupuncture, weekly, 6 sessions → Acupuncture, weekly, 8 sessions',
      'Self-care added: Ten minutes of mindful breathing (daily)',
      'Reading removed: Sleep hygiene',
      'Review date: 2027-02-15 → 2027-03-15',
    ]);
    expect(planChanges(v1, v1, names)).toEqual([]);
    // A stored copy has its keys in another order (jsonb): that is no change.
    const reordered = {
      ...v1,
      goals: v1.goals.map((g) => Object.fromEntries(Object.entries(g).reverse()) as typeof g),
    };
    expect(planChanges(v1, reordered, names)).toEqual([]);
  });
});
