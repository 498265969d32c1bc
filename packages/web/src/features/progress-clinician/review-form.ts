import type { PlanContent } from '@meridian/domain';
import type { ReviewBody } from './progress-queries.ts';
import type { ReviewResult } from './progress-types.ts';

export type ReviewOutcome = 'confirmed' | 'adjusted';

export interface ReviewProblem {
  /** Where the message belongs: the note, the choice of outcome, or the adjusted plan. */
  field: 'note' | 'outcome' | 'content';
  message: string;
}

/** Why the review cannot be saved yet, or null (the same limits as the server). */
export function reviewProblem(
  outcome: ReviewOutcome | null,
  note: string,
  changed: boolean,
): ReviewProblem | null {
  if (!outcome)
    return { field: 'outcome', message: 'Choose whether to confirm the plan as it is or to adjust it.' };
  if (outcome === 'adjusted' && !changed)
    return {
      field: 'content',
      message: 'Nothing has changed from the current version yet. Change the plan, or confirm it as it is.',
    };
  const text = note.trim();
  if (text.length < 3)
    return { field: 'note', message: 'Write what the review found (at least 3 characters).' };
  if (text.length > 4000) return { field: 'note', message: 'Keep the review note under 4000 characters.' };
  return null;
}

/** The POST body: the version reviewed, and the adjusted content only when the plan is adjusted. */
export function reviewBody(
  outcome: ReviewOutcome,
  note: string,
  basedOn: number,
  content: PlanContent,
): ReviewBody {
  return outcome === 'adjusted'
    ? { outcome, note: note.trim(), basedOn, content }
    : { outcome, note: note.trim(), basedOn };
}

/** "Plan confirmed" or "Version 3 created". */
export function reviewSavedTitle(result: ReviewResult): string {
  return result.outcome === 'adjusted' && result.resultingVersion !== null
    ? `Version ${result.resultingVersion} created`
    : 'Plan confirmed';
}

/** The sentence under the title. */
export function reviewSavedDetail(result: ReviewResult): string {
  return result.outcome === 'adjusted' && result.resultingVersion !== null
    ? `Version ${result.reviewedVersion} was reviewed and adjusted; version ${result.resultingVersion} is now the current plan.`
    : `Version ${result.reviewedVersion} was reviewed and stays the current plan.`;
}
