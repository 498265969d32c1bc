/** Rules for slowing and locking repeated failed sign-ins (per account and per network address). */
export interface ThrottlePolicy {
  /** Consecutive failures on one account that lock it. */
  accountMaxFailures: number;
  /** Failures from one address within `addressWindowMs` that lock the address. */
  addressMaxFailures: number;
  addressWindowMs: number;
  lockMs: number;
  /** Failures after which each further failure is answered more slowly. */
  slowAfterFailures: number;
  slowStepMs: number;
  slowMaxMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The lock in force at `now`, if any. */
export function activeLock(state: ThrottleState | undefined, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The state after one more failed sign-in at `now`. */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  maxFailures: number,
  lockMs: number,
  windowMs: number | null,
): ThrottleState {
  // An expired lock, or a failure window that has passed, starts the count again.
  const expired =
    !state ||
    (state.lockedUntil !== null && state.lockedUntil <= now) ||
    (windowMs !== null && now.getTime() - state.windowStartedAt.getTime() > windowMs);
  const failures = expired ? 1 : state.failures + 1;
  const windowStartedAt = expired ? now : state.windowStartedAt;
  const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}

/** How long to hold the answer to a failed sign-in, growing with the failures in a row. */
export function failureDelayMs(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.slowAfterFailures;
  return over <= 0 ? 0 : Math.min(policy.slowMaxMs, over * policy.slowStepMs);
}

/** A message that says when to try again, in plain words. */
export function retryMessage(subject: 'account' | 'address', until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const what =
    subject === 'account'
      ? 'This account is locked after too many failed sign-ins.'
      : 'Too many failed sign-ins from your network.';
  return `${what} Try again after ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC (in ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}
