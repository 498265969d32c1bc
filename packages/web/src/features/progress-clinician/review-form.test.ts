import type { PlanContent } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import { reviewBody, reviewProblem, reviewSavedDetail, reviewSavedTitle } from './review-form.ts';

const content: PlanContent = {
  conditions: ['chronic-low-back-pain'],
  goals: [],
  interventions: [],
  selfCare: [],
  supplements: [],
  education: [],
  reviewDate: '2027-01-10',
};

describe('ending a plan review', () => {
  it('needs an outcome, a change when adjusting, and a note of 3 to 4000 characters', () => {
    expect(reviewProblem(null, 'Going well', false)).toMatchObject({ field: 'outcome' });
    expect(reviewProblem('adjusted', 'Going well', false)).toMatchObject({ field: 'content' });
    expect(reviewProblem('confirmed', '  ok ', false)).toMatchObject({ field: 'note' });
    expect(reviewProblem('confirmed', 'x'.repeat(4001), false)).toMatchObject({ field: 'note' });
    expect(reviewProblem('confirmed', 'Pain down 41%; keep the plan.', false)).toBeNull();
    expect(reviewProblem('adjusted', 'Two more sessions.', true)).toBeNull();
  });

  it('sends the reviewed version, and the content only when the plan is adjusted', () => {
    expect(reviewBody('confirmed', '  Keep going. ', 2, content)).toEqual({
      outcome: 'confirmed',
      note: 'Keep going.',
      basedOn: 2,
    });
    expect(reviewBody('adjusted', 'Two more sessions.', 2, content)).toEqual({
      outcome: 'adjusted',
      note: 'Two more sessions.',
      basedOn: 2,
      content,
    });
  });

  it('says what the saved review did', () => {
    const confirmed = { outcome: 'confirmed', reviewedVersion: 2, resultingVersion: null } as const;
    const adjusted = { outcome: 'adjusted', reviewedVersion: 2, resultingVersion: 3 } as const;
    expect(reviewSavedTitle(confirmed)).toBe('Plan confirmed');
    expect(reviewSavedDetail(confirmed)).toBe('Version 2 was reviewed and stays the current plan.');
    expect(reviewSavedTitle(adjusted)).toBe('Version 3 created');
    expect(reviewSavedDetail(adjusted)).toBe(
      'Version 2 was reviewed and adjusted; version 3 is now the current plan.',
    );
  });
});
