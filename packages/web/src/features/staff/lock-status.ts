import { formatUtcTimestamp } from '../time/format.ts';

export interface LockStatus {
  locked: boolean;
  label: string;
}

// The server keeps a past lockedUntil after the lock lapses, so "locked" means
// the instant is still in the future.
export function lockStatus(lockedUntil: string | null, now: Date): LockStatus {
  if (lockedUntil === null) return { locked: false, label: 'Not locked' };
  const until = Date.parse(lockedUntil);
  if (Number.isNaN(until) || until <= now.getTime()) return { locked: false, label: 'Not locked' };
  return { locked: true, label: `Locked until ${formatUtcTimestamp(lockedUntil)}` };
}
