import type { Queryable } from '../db/database.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One row of the audit trail. */
export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  breakGlass?: boolean;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown> | null;
}

const columns =
  'at, actor_user_id, actor_role, actor_email, patient_id, action, resource_type, resource_id, outcome, break_glass, reason, ip, user_agent, request_id, detail';

/** Appends rows to the audit trail, in the caller's transaction. */
export async function recordAudit(q: Queryable, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const params: unknown[] = [];
  const tuples = list.map((e) => {
    const values = [
      e.at,
      e.actorUserId,
      e.actorRole,
      e.actorEmail,
      e.patientId,
      e.action,
      e.resourceType,
      e.resourceId,
      e.outcome,
      e.breakGlass ?? false,
      e.reason ?? null,
      e.ip ?? null,
      e.userAgent ?? null,
      e.requestId ?? null,
      e.detail ? JSON.stringify(e.detail) : null,
    ];
    const start = params.length;
    params.push(...values);
    return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await q.query(`INSERT INTO audit_events (${columns}) VALUES ${tuples.join(', ')}`, params);
}
