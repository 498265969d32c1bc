import { type DataCategory, decidePatientAccess } from '@meridian/domain';
import { recordAudit } from '../audit/audit-log.ts';
import type { Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { actorOf, auditOfDecision, loadRelations } from './patient-access.ts';

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
  const relations = await loadRelations(q, actorOf(ctx), rows.map(patientIdOf), ctx.now);
  for (const row of rows) {
    const patientId = patientIdOf(row);
    const decision = decidePatientAccess(
      actorOf(ctx),
      relations.get(patientId)!,
      patientId,
      category,
      'read',
    );
    if (!decision.allowed) continue;
    kept.push(row);
    entries.push(
      auditOfDecision(ctx, patientId, { category, mode: 'read', action: 'list', resourceType }, decision),
    );
  }
  await recordAudit(q, entries);
  return kept;
}
