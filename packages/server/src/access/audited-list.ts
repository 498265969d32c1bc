import { type DataCategory, decidePatientAccess } from '@meridian/domain';
import { type AuditEntry, recordAudit } from '../audit/audit-log.ts';
import type { Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { actorOf, auditOfDecision, loadRelations } from './patient-access.ts';

/**
 * Keeps only the rows the policy lets this actor read and audits each patient shown. List endpoints
 * narrow candidates in SQL for speed; this second pass makes the policy, not the query, decide. Rows of
 * one patient share one audit row: each row's would be the same (a patient's 73 diary entries listed
 * as 292 Observations used to write 292 identical rows).
 */
export async function keepReadable<T>(
  q: Queryable,
  ctx: RequestContext,
  rows: T[],
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<T[]> {
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
  const kept = rows.filter((row) => readable.has(patientIdOf(row)));
  await recordAudit(q, entries);
  return kept;
}
