import { describe, expect, it } from 'vitest';
import { activeLock, afterFailure, failureDelayMs, retryMessage, type ThrottlePolicy } from './throttle.ts';

const policy: ThrottlePolicy = {
  accountMaxFailures: 10,
  addressMaxFailures: 50,
  addressWindowMs: 900_000,
  lockMs: 900_000,
  slowAfterFailures: 3,
  slowStepMs: 250,
  slowMaxMs: 2_000,
};
const t0 = new Date('2026-11-22T20:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('sign-in throttling', () => {
  it('locks an account on the tenth failure in a row, for the lock period', () => {
    let state = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 1; i <= 9; i++) {
      state = afterFailure(state, at(i), policy.accountMaxFailures, policy.lockMs, null);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailure(state, at(10), policy.accountMaxFailures, policy.lockMs, null);
    expect(state.failures).toBe(10);
    expect(state.lockedUntil).toEqual(at(10 + 900));
    expect(activeLock(state, at(11))).toEqual(at(910));
    expect(activeLock(state, at(911))).toBeNull();
  });

  it('starts counting again after a lock has expired', () => {
    const locked = { failures: 10, windowStartedAt: t0, lockedUntil: at(900) };
    expect(afterFailure(locked, at(1000), 10, policy.lockMs, null)).toMatchObject({
      failures: 1,
      lockedUntil: null,
    });
  });

  it('forgets address failures older than the window', () => {
    const old = { failures: 40, windowStartedAt: t0, lockedUntil: null };
    expect(afterFailure(old, at(100), 50, policy.lockMs, policy.addressWindowMs).failures).toBe(41);
    expect(afterFailure(old, at(1000), 50, policy.lockMs, policy.addressWindowMs).failures).toBe(1);
  });

  it('answers failures more slowly after the third, up to a cap', () => {
    expect([1, 3, 4, 5, 20].map((n) => failureDelayMs(n, policy))).toEqual([0, 0, 250, 500, 2000]);
  });

  it('says when to try again', () => {
    expect(retryMessage('account', at(900), t0)).toBe(
      'This account is locked after too many failed sign-ins. Try again after 2026-11-22 20:15 UTC (in 15 minutes).',
    );
  });
});
