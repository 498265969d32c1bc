import { type DataCategory, decidePatientAccess } from '@meridian/domain';
import { recordAudit } from '../audit/audit-log.ts';
import type { Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { actorOf, auditOfDecision, loadRelation } from './patient-access.ts';

/**
 * Keeps only the rows the policy lets this actor read and audits each one shown. List endpoints
 * narrow candidates in SQL for speed; this second pass makes the policy, not the query, decide.
 */
export async function keepReadable<T>(
  q: Queryable,
  ctx: RequestContext,
  rows: T[],
  patientIdOf: (row: T) => string,
  category: DataCategory,
  resourceType: string,
): Promise<T[]> {
  const kept: T[] = [];
  const entries = [];
  const relations = new Map<string, Awaited<ReturnType<typeof loadRelation>>>();
  for (const row of rows) {
    const patientId = patientIdOf(row);
    let relation = relations.get(patientId);
    if (!relation) {
      relation = await loadRelation(q, actorOf(ctx), patientId, ctx.now);
      relations.set(patientId, relation);
    }
    const decision = decidePatientAccess(actorOf(ctx), relation, patientId, category, 'read');
    if (!decision.allowed) continue;
    kept.push(row);
    entries.push(
      auditOfDecision(ctx, patientId, { category, mode: 'read', action: 'list', resourceType }, decision),
    );
  }
  await recordAudit(q, entries);
  return kept;
}
