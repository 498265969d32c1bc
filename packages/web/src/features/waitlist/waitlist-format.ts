import type { WaitlistPriority } from './waitlist-queries.ts';

export const priorityLabel: Record<WaitlistPriority, string> = {
  urgent: 'Urgent',
  soon: 'Soon',
  routine: 'Routine',
};

/** Badge colours with text that passes contrast on each; the label is always written too. */
export const priorityColor: Record<WaitlistPriority, string> = {
  urgent: 'red.9',
  soon: 'yellow.4',
  routine: 'gray.7',
};

const missingLabel = { referral: 'referral', prior_authorisation: 'prior authorisation' } as const;

/** "Needs a referral" / "Needs a referral and a prior authorisation". */
export function missingText(missing: readonly (keyof typeof missingLabel)[]): string {
  if (missing.length === 0) return 'Nothing missing';
  return `Needs ${missing.map((m) => `a ${missingLabel[m]}`).join(' and ')}`;
}

/** How long someone has waited, in whole days ("today", "1 day", "12 days"). */
export function waitedFor(sinceIso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}
