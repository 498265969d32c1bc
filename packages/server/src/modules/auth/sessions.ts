import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Discipline, Role } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import type { SessionUser } from '../../http/context.ts';

/** A new random secret, base64url. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions are stored by the SHA-256 of their token. */
export function sessionIdOf(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SessionRow {
  id: string;
  kind: 'cookie' | 'bearer';
  csrf_token: string | null;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  discipline: Discipline | null;
  patient_id: string | null;
  active: boolean;
}

/** Loads a session with its user. */
export async function findSession(q: Queryable, id: string): Promise<SessionRow | undefined> {
  const rows = await q.query<SessionRow>(
    `SELECT s.id, s.kind, s.csrf_token, s.created_at, s.last_seen_at, s.revoked_at,
            u.id AS user_id, u.email, u.display_name, u.role, u.discipline, u.patient_id, u.active
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1`,
    [id],
  );
  return rows[0];
}

/** The user of a session row. */
export function userOf(row: SessionRow): SessionUser {
  return {
    id: row.user_id,
    email: row.email,
    name: row.display_name,
    role: row.role,
    discipline: row.discipline,
    patientId: row.patient_id,
  };
}

/** Creates a session and returns its token (shown once, never stored). */
export async function createSession(
  q: Queryable,
  userId: string,
  kind: 'cookie' | 'bearer',
  now: Date,
  ip: string,
  userAgent: string | null,
): Promise<{ token: string; id: string; csrfToken: string | null }> {
  const token = newSecret();
  const id = sessionIdOf(token);
  const csrfToken = kind === 'cookie' ? newSecret() : null;
  await q.query(
    `INSERT INTO sessions (id, user_id, kind, csrf_token, created_at, last_seen_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
    [id, userId, kind, csrfToken, now, ip, userAgent?.slice(0, 500) ?? null],
  );
  return { token, id, csrfToken };
}

/** Ends a session for good. */
export async function revokeSession(q: Queryable, id: string, now: Date, reason: string): Promise<void> {
  await q.query(
    'UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL',
    [id, now, reason],
  );
}

/** Records activity on a session (throttled by the caller to limit writes). */
export async function touchSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, now]);
}
