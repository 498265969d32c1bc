import { activeLock, afterFailure, failureDelayMs, retryMessage } from '@meridian/domain';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { RequestContext, SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { spendVerifyTime, verifyPassword } from './passwords.ts';
import type { SessionCache } from './session-cache.ts';
import {
  createSession,
  findSession,
  revokeSession,
  type SessionRow,
  sameSecret,
  sessionIdOf,
  touchSession,
  userOf,
} from './sessions.ts';
import { clearThrottle, lockThrottleRows, readThrottle, writeThrottle } from './throttle-repo.ts';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface SignedIn {
  token: string;
  csrfToken: string | null;
  user: SessionUser;
}

// Activity refreshes a session at most this often, to keep reads from writing on every request.
const touchEveryMs = 30_000;

function lockedError(subject: 'account' | 'address', until: Date, now: Date): AppError {
  const retryAfter = String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
  return new AppError(
    {
      code: subject === 'account' ? 'ACCOUNT_LOCKED' : 'TOO_MANY_ATTEMPTS',
      message: retryMessage(subject, until, now),
      details: { retryAt: until.toISOString() },
    },
    { 'retry-after': retryAfter },
  );
}

/** Signs a user in with email and password, slowing and then locking repeated failures. */
export async function signIn(
  deps: AppDeps,
  email: string,
  password: string,
  kind: 'cookie' | 'bearer',
  meta: ClientMeta,
): Promise<SignedIn> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const normalised = email.trim().toLowerCase();
  const accountKey = `account:${normalised}`;
  const addressKey = `address:${meta.ip}`;
  const auditBase = {
    at: now,
    actorRole: null,
    actorEmail: normalised.slice(0, 320),
    patientId: null,
    action: 'login',
    resourceType: 'Session',
    resourceId: null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
  };

  const users = await db.query<{ id: string; password_hash: string; active: boolean; role: string }>(
    'SELECT id, password_hash, active, role FROM users WHERE lower(email) = $1',
    [normalised],
  );
  const user = users[0];
  const states = await readThrottle(db, [accountKey, addressKey]);
  const accountUntil = activeLock(states.get(accountKey), now);
  const addressUntil = activeLock(states.get(addressKey), now);
  const lock = accountUntil
    ? { subject: 'account' as const, until: accountUntil }
    : addressUntil
      ? { subject: 'address' as const, until: addressUntil }
      : null;
  if (lock) {
    await db.tx((q) =>
      recordAudit(q, {
        ...auditBase,
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? null,
        outcome: 'denied',
        detail: { why: `${lock.subject} locked`, lockedUntil: lock.until.toISOString() },
      }),
    );
    throw lockedError(lock.subject, lock.until, now);
  }

  let good = false;
  if (user?.active) good = await verifyPassword(user.password_hash, password);
  else await spendVerifyTime(password);
  if (!good || !user) {
    const account = await db.tx(async (q) => {
      const locked = await lockThrottleRows(q, [accountKey, addressKey], now);
      const t = config.throttle;
      const acc = afterFailure(locked.get(accountKey), now, t.accountMaxFailures, t.lockMs, null);
      const addr = afterFailure(
        locked.get(addressKey),
        now,
        t.addressMaxFailures,
        t.lockMs,
        t.addressWindowMs,
      );
      await writeThrottle(q, accountKey, acc, now);
      await writeThrottle(q, addressKey, addr, now);
      await recordAudit(q, {
        ...auditBase,
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? null,
        outcome: 'failure',
        detail: {
          why: user ? (user.active ? 'wrong password' : 'account disabled') : 'unknown email',
          failures: acc.failures,
        },
      });
      return { acc, addr };
    });
    await deps.sleep(failureDelayMs(account.acc.failures, config.throttle));
    if (account.acc.lockedUntil) throw lockedError('account', account.acc.lockedUntil, now);
    if (account.addr.lockedUntil) throw lockedError('address', account.addr.lockedUntil, now);
    const left = config.throttle.accountMaxFailures - account.acc.failures;
    throw new AppError({
      code: 'INVALID_CREDENTIALS',
      message:
        left <= 3
          ? `The email or password is not correct. After ${left} more failed attempt${left === 1 ? '' : 's'} the account is locked for a while.`
          : 'The email or password is not correct.',
    });
  }

  return db.tx(async (q) => {
    await clearThrottle(q, accountKey);
    const session = await createSession(q, user.id, kind, now, meta.ip, meta.userAgent);
    const row = (await findSession(q, session.id))!;
    await recordAudit(q, {
      ...auditBase,
      actorUserId: user.id,
      actorRole: user.role,
      resourceId: session.id.slice(0, 12),
      outcome: 'success',
      detail: { kind },
    });
    return { token: session.token, csrfToken: session.csrfToken, user: userOf(row) };
  });
}

export type Credential = { token: string; via: 'cookie' | 'bearer' };

export interface Authenticated {
  row: SessionRow;
  now: Date;
}

/** Refuses a token without a live session of its kind (unknown, revoked, inactive user, cookie vs bearer). */
function requireLive(row: SessionRow | undefined, credential: Credential): asserts row is SessionRow {
  if (!row || row.revoked_at || !row.active || row.kind !== credential.via) {
    throw new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
  }
}

/**
 * What a live session still needs before it serves a request: nothing, or a write first (its last
 * activity is old enough to record, or it has ended and must be revoked). A cookie session without its
 * CSRF token on a write throws.
 */
function judgeSession(
  row: SessionRow,
  method: string,
  csrfHeader: string | undefined,
  now: Date,
  config: AppDeps['config'],
): 'ok' | 'touch' | 'idle' | 'expired' {
  if (now.getTime() - row.last_seen_at.getTime() > config.sessionIdleMs) return 'idle';
  if (now.getTime() - row.created_at.getTime() > config.sessionMaxMs) return 'expired';
  if (row.kind === 'cookie' && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    if (!csrfHeader || !row.csrf_token || !sameSecret(csrfHeader, row.csrf_token)) {
      throw new AppError({
        code: 'CSRF',
        message: 'This request is missing its security token. Reload the page and try again.',
      });
    }
  }
  return now.getTime() - row.last_seen_at.getTime() > touchEveryMs ? 'touch' : 'ok';
}

/**
 * Finds the live session of a token, ending it when it went idle or grew too old. A session in the
 * cache that needs no write is answered at once, without a promise: that is nearly every request.
 */
export function authenticate(
  deps: AppDeps,
  cache: SessionCache,
  credential: Credential,
  method: string,
  csrfHeader: string | undefined,
): Authenticated | Promise<Authenticated> {
  const now = deps.clock.now();
  const id = sessionIdOf(credential.token);
  const cached = cache.get(id, now);
  if (cached) {
    requireLive(cached, credential);
    if (judgeSession(cached, method, csrfHeader, now, deps.config) === 'ok') return { row: cached, now };
  }
  return authenticateWithDatabase(deps, cache, credential, method, csrfHeader, id, cached, now);
}

async function authenticateWithDatabase(
  deps: AppDeps,
  cache: SessionCache,
  credential: Credential,
  method: string,
  csrfHeader: string | undefined,
  id: string,
  cached: SessionRow | undefined,
  now: Date,
): Promise<Authenticated> {
  const { db, config } = deps;
  let row = cached;
  if (!row) {
    row = await findSession(db, id);
    if (row && !row.revoked_at) cache.set(id, row, now);
  }
  requireLive(row, credential);
  const verdict = judgeSession(row, method, csrfHeader, now, config);
  if (verdict === 'idle' || verdict === 'expired') {
    cache.evict(id);
    await revokeSession(db, id, now, verdict);
    throw new AppError({
      code: 'UNAUTHENTICATED',
      message:
        verdict === 'idle'
          ? `Your session ended after ${Math.round(config.sessionIdleMs / 60_000)} minutes without activity. Please sign in again.`
          : 'Your session has reached its time limit. Please sign in again.',
    });
  }
  if (verdict === 'touch') {
    await touchSession(db, id, now);
    row.last_seen_at = now;
  }
  return { row, now };
}

/** Signs out: the token stops working at once. */
export async function signOut(deps: AppDeps, cache: SessionCache, ctx: RequestContext): Promise<void> {
  cache.evict(ctx.sessionId);
  await deps.db.tx(async (q) => {
    await revokeSession(q, ctx.sessionId, ctx.now, 'signed out');
    await recordAudit(q, {
      at: ctx.now,
      actorUserId: ctx.user.id,
      actorRole: ctx.user.role,
      actorEmail: ctx.user.email,
      patientId: null,
      action: 'logout',
      resourceType: 'Session',
      resourceId: ctx.sessionId.slice(0, 12),
      outcome: 'success',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
    });
  });
}
