/** How soon a patient needs to be seen, set by a clinician with a reason. */
export const waitlistPriorities = ['urgent', 'soon', 'routine'] as const;
export type WaitlistPriority = (typeof waitlistPriorities)[number];

const rank: Record<WaitlistPriority, number> = { urgent: 0, soon: 1, routine: 2 };

export interface WaitingEntry {
  id: string;
  priority: WaitlistPriority;
  createdAt: Date;
}

/** The queue: most urgent first, and within a priority whoever has waited longest. */
export function rankWaitlist<T extends WaitingEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      rank[a.priority] - rank[b.priority] ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Longest an offer stays open, and the least time left for it to be worth making. */
export const offerOpenHours = 12;
const minimumOfferMinutes = 15;

/**
 * When an offer of a freed slot expires: 12 hours after it is made, but no later than an hour before
 * the visit. Null when too little time is left to offer it at all.
 */
export function offerExpiry(now: Date, slotStart: Date): Date | null {
  const expires = Math.min(now.getTime() + offerOpenHours * 3_600_000, slotStart.getTime() - 3_600_000);
  return expires - now.getTime() >= minimumOfferMinutes * 60_000 ? new Date(expires) : null;
}
