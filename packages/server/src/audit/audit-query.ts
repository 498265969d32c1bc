import type { Queryable } from '../db/database.ts';

export interface AuditFilter {
  patientId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset paging: rows with an id below this one. */
  before?: number | undefined;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  actor_name: string | null;
  patient_id: string | null;
  patient_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  break_glass: boolean;
  reason: string | null;
  ip: string | null;
}

/** Audit rows, newest first, filtered. */
export async function queryAudit(q: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.patientId) add('a.patient_id = ?', f.patientId);
  if (f.userId) add('a.actor_user_id = ?', f.userId);
  if (f.action) add('a.action = ?', f.action);
  if (f.from) add('a.at >= ?', f.from);
  if (f.to) add('a.at < ?', f.to);
  if (f.before) add('a.id < ?', f.before);
  params.push(f.limit);
  return q.query<AuditRow>(
    `SELECT a.id, a.at, a.actor_user_id, a.actor_email, a.actor_role, u.display_name AS actor_name,
            a.patient_id, p.given_name || ' ' || p.family_name AS patient_name,
            a.action, a.resource_type, a.resource_id, a.outcome, a.break_glass, a.reason, a.ip
       FROM audit_events a
       LEFT JOIN users u ON u.id = a.actor_user_id
       LEFT JOIN patients p ON p.id = a.patient_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.id DESC LIMIT $${params.length}`,
    params,
  );
}

const csvColumns = [
  'id',
  'at',
  'actor_email',
  'actor_role',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'break_glass',
  'reason',
  'ip',
] as const;

/** One CSV cell: quoted, and defused against formula injection in spreadsheets. */
export function csvCell(value: unknown): string {
  let text =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The audit rows as CSV with a header line. */
export function auditCsv(rows: AuditRow[]): string {
  const lines = [csvColumns.join(',')];
  for (const row of rows) lines.push(csvColumns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
