import type { ThrottleState } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

/** Reads the throttle state of several keys at once. */
export async function readThrottle(q: Queryable, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await q.query<{
    key: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
  }>(
    'SELECT key, failures, window_started_at, locked_until FROM login_throttle WHERE key = ANY($1::text[])',
    [keys],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until },
    ]),
  );
}

/** Stores the new state of one key (the caller holds a row lock or computes from the locked row). */
export async function writeThrottle(
  q: Queryable,
  key: string,
  state: ThrottleState,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, window_started_at, last_failure_at, locked_until)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, window_started_at = EXCLUDED.window_started_at,
       last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until`,
    [key, state.failures, state.windowStartedAt, now, state.lockedUntil],
  );
}

/** Locks the throttle rows of the keys for this transaction, creating them if needed, so that
 * concurrent failures on several nodes count one by one. */
export async function lockThrottleRows(
  q: Queryable,
  keys: string[],
  now: Date,
): Promise<Map<string, ThrottleState>> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, window_started_at) SELECT k, 0, $2 FROM unnest($1::text[]) k
     ON CONFLICT (key) DO NOTHING`,
    [keys, now],
  );
  await q.query('SELECT key FROM login_throttle WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE', [keys]);
  return readThrottle(q, keys);
}

/** Clears the failures of an account after a good sign-in. */
export async function clearThrottle(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
