import { type DataCategory, decidePatientAccess } from '@meridian/domain';
import { type AuditEntry, appendAudit, recordAudit } from '../audit/audit-log.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { actorOf, auditOfDecision, loadRelations, readOnly } from './patient-access.ts';

/** The rows the policy lets this actor read, and the audit row of each patient they show. */
async function sift<T>(
  q: Queryable,
  ctx: RequestContext,
  rows: T[],
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<{ kept: T[]; entries: AuditEntry[] }> {
  // The policy decides once per patient; rows follow their patient's decision.
  const relations = await loadRelations(q, actorOf(ctx), rows.map(patientIdOf), ctx.now);
  const entries: AuditEntry[] = [];
  const readable = new Set<string>();
  for (const [patientId, relation] of relations) {
    const decision = decidePatientAccess(actorOf(ctx), relation, patientId, category, 'read');
    if (!decision.allowed) continue;
    readable.add(patientId);
    entries.push(
      auditOfDecision(ctx, patientId, { category, mode: 'read', action: 'list', resourceType }, decision),
    );
  }
  return { kept: rows.filter((row) => readable.has(patientIdOf(row))), entries };
}

/**
 * Keeps only the rows the policy lets this actor read and audits each patient shown, in the caller's
 * transaction: for a list that is part of a write (the waitlist, which expires lapsed offers as it is
 * read); a list that only reads uses readableList or filterReadable. List endpoints narrow candidates in SQL for speed; this second pass makes the policy,
 * not the query, decide. Rows of one patient share one audit row: each row's would be the same (a
 * patient's 73 diary entries listed as 292 Observations used to write 292 identical rows).
 */
export async function keepReadable<T>(
  q: Queryable,
  ctx: RequestContext,
  rows: T[],
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<T[]> {
  const { kept, entries } = await sift(q, ctx, rows, patientIdOf, category, resourceType);
  await recordAudit(q, entries);
  return kept;
}

/**
 * Rows a read loaded outside a transaction (see readableList): keeps what the policy allows, as
 * keepReadable does, and commits the audit rows before the answer, with those of concurrent reads. For
 * a list that also shows what it may not name (a booking as "not on your list"), so it needs the rows
 * the policy did not keep as well as those it did.
 */
export async function filterReadable<T>(
  db: Database,
  ctx: RequestContext,
  rows: T[],
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<T[]> {
  const { kept, entries } = await sift(db, ctx, rows, patientIdOf, category, resourceType);
  await appendAudit(db, entries);
  return kept;
}

/**
 * A list that only reads: loads the candidates, keeps what the policy allows (as keepReadable) and
 * commits the audit rows before the answer, with those of concurrent reads. Like a read through
 * withPatientAccess it opens no transaction (at READ COMMITTED it would give the statements nothing but
 * two more round trips), and `load` may not write.
 */
export async function readableList<T>(
  db: Database,
  ctx: RequestContext,
  load: (q: Queryable) => Promise<T[]>,
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<T[]> {
  return filterReadable(db, ctx, await load(readOnly(db)), patientIdOf, category, resourceType);
}
