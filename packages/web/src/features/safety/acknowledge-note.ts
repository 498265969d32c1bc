// The server enforces the same bounds (3–2000 characters after trimming).
export const ackNoteLimits = { min: 3, max: 2000 } as const;

export function acknowledgeNoteError(note: string): string | null {
  const length = note.trim().length;
  if (length === 0) return 'Write a short note on what you decided.';
  if (length < ackNoteLimits.min) return `The note must be at least ${ackNoteLimits.min} characters.`;
  if (length > ackNoteLimits.max)
    return `The note must be at most ${ackNoteLimits.max} characters (${length} now).`;
  return null;
}
