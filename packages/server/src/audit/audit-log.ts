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

// One statement text for any number of rows (one array per column), so that it is prepared once.
const insertRows = `INSERT INTO audit_events (${columns})
  SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[], $15::jsonb[])`;

function columnsOf(list: AuditEntry[]): unknown[][] {
  return [
    list.map((e) => e.at),
    list.map((e) => e.actorUserId),
    list.map((e) => e.actorRole),
    list.map((e) => e.actorEmail),
    list.map((e) => e.patientId),
    list.map((e) => e.action),
    list.map((e) => e.resourceType),
    list.map((e) => e.resourceId),
    list.map((e) => e.outcome),
    list.map((e) => e.breakGlass ?? false),
    list.map((e) => e.reason ?? null),
    list.map((e) => e.ip ?? null),
    list.map((e) => e.userAgent ?? null),
    list.map((e) => e.requestId ?? null),
    list.map((e) => (e.detail ? JSON.stringify(e.detail) : null)),
  ];
}

/** Appends rows to the audit trail, in the caller's transaction. */
export async function recordAudit(q: Queryable, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await q.query(insertRows, columnsOf(list));
}

interface Waiting {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows from concurrent requests, written together: see appendAudit. */
class AuditGroup {
  readonly #db: Queryable;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(db: Queryable) {
    this.#db = db;
  }

  append(entries: AuditEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ entries, resolve, reject });
      if (!this.#writing) void this.#write();
    });
  }

  async #write(): Promise<void> {
    this.#writing = true;
    while (this.#waiting.length) {
      const group = this.#waiting;
      this.#waiting = [];
      try {
        await this.#db.query(insertRows, columnsOf(group.flatMap((w) => w.entries)));
        for (const w of group) w.resolve();
      } catch (error) {
        // One request's rows must not fail the others': each is tried alone before it is refused.
        if (group.length === 1) group[0]!.reject(error);
        else
          for (const w of group)
            await this.#db.query(insertRows, columnsOf(w.entries)).then(w.resolve, w.reject);
      }
    }
    this.#writing = false;
  }
}

const groups = new WeakMap<Queryable, AuditGroup>();

/**
 * Appends rows to the audit trail in a statement of their own (outside any transaction), resolving
 * once they are committed: a caller answers only after its rows would survive a crash. Rows of
 * requests that arrive while a write is under way are written together in the next statement, so
 * that many audited reads share one insert and one WAL flush instead of a commit each.
 */
export function appendAudit(db: Queryable, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return Promise.resolve();
  let group = groups.get(db);
  if (!group) {
    group = new AuditGroup(db);
    groups.set(db, group);
  }
  return group.append(list);
}
