import { describe, expect, it } from 'vitest';
import { planGoalSchema } from '../plans/plan.ts';
import { goalProgress, questionnairesDue, reviewDue } from './progress.ts';

const goal = planGoalSchema.parse({
  id: 'g1',
  what: 'Less pain',
  measure: 'peg',
  comparator: '<=',
  target: 4,
  byWeeks: 10,
  howMeasured: 'PEG',
});

describe('goal progress (straight line from baseline to target)', () => {
  const start = '2026-09-01';
  it('is on track when the latest value is at or below the line, off track above it, met at the target', () => {
    const halfway = '2026-10-06'; // 5 of 10 weeks: the line expects 6 from a baseline of 8
    expect(
      goalProgress(
        goal,
        [
          { date: start, value: 8 },
          { date: '2026-10-05', value: 6 },
        ],
        start,
        halfway,
      ),
    ).toMatchObject({
      status: 'on-track',
      expected: 6,
      dueDate: '2026-11-10',
    });
    expect(
      goalProgress(
        goal,
        [
          { date: start, value: 8 },
          { date: '2026-10-05', value: 7 },
        ],
        start,
        halfway,
      ).status,
    ).toBe('off-track');
    expect(
      goalProgress(
        goal,
        [
          { date: start, value: 8 },
          { date: '2026-10-05', value: 3.7 },
        ],
        start,
        halfway,
      ).status,
    ).toBe('met');
    expect(goalProgress(goal, [], start, halfway).status).toBe('no-data');
  });
});

describe('questionnaires due', () => {
  const plan = { goals: [{ ...goal, measure: 'gad-7' as const }], reviewDate: '2026-10-30' };
  it('asks for the goal instruments and the PEG at the start, then every two weeks, and before the review', () => {
    expect(questionnairesDue(plan, '2026-09-01', {}, '2026-09-01')).toEqual([
      { instrument: 'peg', dueOn: '2026-09-01', due: true },
      { instrument: 'gad-7', dueOn: '2026-09-01', due: true },
    ]);
    expect(
      questionnairesDue(plan, '2026-09-01', { peg: '2026-09-01', 'gad-7': '2026-09-01' }, '2026-09-10')[0],
    ).toEqual({
      instrument: 'peg',
      dueOn: '2026-09-15',
      due: false,
    });
    // Answered on 10-15; the regular date (10-29) comes after the week before the review (10-23).
    expect(questionnairesDue(plan, '2026-09-01', { peg: '2026-10-15' }, '2026-10-24')[0]).toEqual({
      instrument: 'peg',
      dueOn: '2026-10-23',
      due: true,
    });
  });
});

describe('review due', () => {
  it('is due from a week before the review date until the current version is reviewed', () => {
    expect(reviewDue('2026-10-30', null, 1, '2026-10-22')).toBe(false);
    expect(reviewDue('2026-10-30', null, 1, '2026-10-23')).toBe(true);
    expect(reviewDue('2026-10-30', 1, 1, '2026-10-26')).toBe(false);
    // Version 1 was reviewed and adjusted into version 2: version 2 is due at its own date.
    expect(reviewDue('2026-10-30', 1, 2, '2026-10-26')).toBe(true);
    expect(reviewDue(undefined, null, 1, '2026-10-26')).toBe(false);
  });
});
