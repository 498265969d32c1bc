export interface AdjustProblem {
  /** Where the message belongs: on the reason field, or about the plan as a whole. */
  field: 'reason' | 'content';
  message: string;
}

/** Why the adjusted plan cannot be saved yet, or null: the server needs a change and a reason. */
export function adjustProblem(reason: string, changed: boolean): AdjustProblem | null {
  if (!changed) return { field: 'content', message: 'Nothing has changed from the current version yet.' };
  const why = reason.trim();
  if (why.length < 3)
    return { field: 'reason', message: 'Say why the plan changes (at least 3 characters).' };
  if (why.length > 2000) return { field: 'reason', message: 'Keep the reason under 2000 characters.' };
  return null;
}
