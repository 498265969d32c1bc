import {
  type AccessDecision,
  type AccessMode,
  type Actor,
  type DataCategory,
  decidePatientAccess,
  type PatientRelation,
} from '@meridian/domain';
import { type AuditEntry, appendAudit, recordAudit } from '../audit/audit-log.ts';
import { type Database, mayWrite, type Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { AppError } from '../http/errors.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a route does to a patient's data, for the policy and the audit row. */
export interface PatientDataRequest {
  category: DataCategory;
  mode: AccessMode;
  /** Audit action, e.g. 'read', 'update'. */
  action: string;
  resourceType: string;
  resourceId?: string;
}

/** Builds the PatientDataRequest of routes that touch one category, e.g. `dataRequest('scheduling')`. */
export function dataRequest(category: DataCategory) {
  return (
    action: string,
    resourceType: string,
    mode: AccessMode,
    resourceId?: string,
  ): PatientDataRequest => ({
    category,
    mode,
    action,
    resourceType,
    ...(resourceId ? { resourceId } : {}),
  });
}

const noRelation: PatientRelation = {
  patientExists: false,
  onCareTeam: false,
  hasBedsideAssignment: false,
  breakGlass: null,
};

/**
 * A patient asking about their own record: the one fact the policy weighs for a patient is that the
 * record exists, and it does, since their account refers to it (users.patient_id REFERENCES patients,
 * and records are never deleted). So it is not asked of the database, which saves a round trip on
 * every request of the patient portal. Their id as their account holds it; another spelling of it
 * (capitals) is looked up as usual.
 */
const selfRelation: PatientRelation = { ...noRelation, patientExists: true };
const ownRecord = (actor: Actor): string | null => (actor.role === 'patient' ? actor.patientId : null);

const relationsFrom = (patients: string) => `SELECT p.id,
       EXISTS (SELECT 1 FROM patients WHERE id = p.id) AS exists,
       EXISTS (SELECT 1 FROM care_team_members WHERE patient_id = p.id AND user_id = $2) AS on_team,
       EXISTS (SELECT 1 FROM bedside_assignments
                WHERE patient_id = p.id AND volunteer_user_id = $2 AND status = 'scheduled') AS bedside,
       g.reason AS bg_reason, g.expires_at AS bg_expires
  FROM ${patients}
  LEFT JOIN LATERAL (
    SELECT reason, expires_at FROM break_glass_grants
     WHERE user_id = $2 AND patient_id = p.id AND granted_at <= $3 AND expires_at > $3
     ORDER BY expires_at DESC LIMIT 1) g ON true`;
// Every audited request asks about one patient: with a single id (not an array of unknown length)
// PostgreSQL settles on one plan for the prepared statement instead of planning it again each time.
const oneRelation = relationsFrom('(SELECT $1::uuid AS id) AS p');
const manyRelations = relationsFrom('unnest($1::uuid[]) AS p(id)');

/** Loads the facts the policy needs about one actor and several patients, in one query. */
export async function loadRelations(
  q: Queryable,
  actor: Actor,
  patientIds: string[],
  now: Date,
): Promise<Map<string, PatientRelation>> {
  // Lists pass one id per row (hundreds for one patient's Observations): the work is per distinct id.
  const distinct = [...new Set(patientIds)];
  const own = ownRecord(actor);
  const relations = new Map<string, PatientRelation>(
    distinct.map((id) => [id, id === own ? selfRelation : noRelation]),
  );
  const asked = distinct.filter((id) => id !== own);
  const ids = [...new Set(asked.filter((id) => uuidPattern.test(id)).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return relations;
  const found = new Map<string, PatientRelation>();
  const rows = await q.query<{
    id: string;
    exists: boolean;
    on_team: boolean;
    bedside: boolean;
    bg_reason: string | null;
    bg_expires: Date | null;
  }>(ids.length === 1 ? oneRelation : manyRelations, [ids.length === 1 ? ids[0] : ids, actor.userId, now]);
  for (const r of rows) {
    found.set(r.id, {
      patientExists: r.exists,
      onCareTeam: r.on_team,
      hasBedsideAssignment: r.bedside,
      breakGlass: r.bg_reason && r.bg_expires ? { reason: r.bg_reason, expiresAt: r.bg_expires } : null,
    });
  }
  // Keyed by the caller's own strings: Postgres compares uuids without regard to case.
  for (const id of asked) relations.set(id, found.get(id.toLowerCase()) ?? noRelation);
  return relations;
}

/** Loads the facts the policy needs about one actor and one patient. */
export async function loadRelation(
  q: Queryable,
  actor: Actor,
  patientId: string,
  now: Date,
): Promise<PatientRelation> {
  return (await loadRelations(q, actor, [patientId], now)).get(patientId)!;
}

/** The actor of a request, as the policy sees them. */
export function actorOf(ctx: RequestContext): Actor {
  return { userId: ctx.user.id, role: ctx.user.role, patientId: ctx.user.patientId };
}

/** The audit row describing one access decision. */
export function auditOfDecision(
  ctx: RequestContext,
  patientId: string,
  request: PatientDataRequest,
  decision: AccessDecision,
): AuditEntry {
  return {
    at: ctx.now,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.role,
    actorEmail: ctx.user.email,
    patientId: uuidPattern.test(patientId) ? patientId : null,
    action: request.action,
    resourceType: request.resourceType,
    resourceId: request.resourceId ?? patientId,
    outcome: decision.allowed ? ('success' as const) : ('denied' as const),
    breakGlass: decision.allowed && decision.basis === 'break_glass',
    reason: decision.allowed ? decision.breakGlassReason : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    detail: decision.allowed ? { basis: decision.basis } : { why: decision.why },
  };
}

/** The answer a refused request gets: 404 hides existence, 403 only where the actor may know it. */
export function refusal(decision: Extract<AccessDecision, { allowed: false }>): AppError {
  if (decision.answer === 'forbidden') {
    return new AppError({
      code: 'FORBIDDEN',
      message: 'Your role does not give access to this part of the record.',
    });
  }
  return new AppError({
    code: 'NOT_FOUND',
    message: 'No patient record with this id is available to you.',
    ...(decision.breakGlassAllowed ? { details: { breakGlassAllowed: true } } : {}),
  });
}

/**
 * The database as a read may use it: every statement it sends must be a read. A read runs outside a
 * transaction (see withPatientAccess), so a write slipped into one would not be atomic with anything;
 * this makes it a programming error that tests find rather than a silent difference.
 */
export function readOnly(db: Queryable): Queryable {
  return {
    query(sql, params) {
      if (mayWrite(sql)) throw new Error(`A read of patient data tried to write: ${sql.slice(0, 60)}`);
      return db.query(sql, params);
    },
    exec() {
      throw new Error('A read of patient data tried to run a script.');
    },
  };
}

/**
 * The one door to a patient's data: asks the policy, runs `fn` only when allowed, and audits the
 * request. A refusal is audited too, then thrown as 404 or 403.
 * - A write runs in one transaction with its check and its audit row.
 * - A read runs its check and `fn` as separate statements, without BEGIN and COMMIT: at READ COMMITTED
 *   (PostgreSQL's default, and what a transaction here had) every statement sees its own snapshot, so a
 *   transaction gave a read nothing but two more round trips to the database, which were a third of the
 *   server's CPU on the main read paths (bench/load.ts). A read that needs one snapshot across its
 *   statements asks for it (db.snapshot). Its audit row is committed after the read and before the
 *   answer, together with the rows of concurrent reads (appendAudit): one statement and one WAL flush
 *   for many reads.
 */
export async function withPatientAccess<T>(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  request: PatientDataRequest,
  fn: (q: Queryable, decision: Extract<AccessDecision, { allowed: true }>) => Promise<T>,
): Promise<T> {
  const actor = actorOf(ctx);
  if (request.mode === 'read') {
    const relation = await loadRelation(db, actor, patientId, ctx.now);
    const decision = decidePatientAccess(actor, relation, patientId, request.category, request.mode);
    const audit = auditOfDecision(ctx, patientId, request, decision);
    if (!decision.allowed) {
      await appendAudit(db, audit);
      throw refusal(decision);
    }
    const value = await fn(readOnly(db), decision);
    await appendAudit(db, audit);
    return value;
  }
  type Outcome = { ok: true; value: T } | { ok: false; refused: Extract<AccessDecision, { allowed: false }> };
  const outcome = await db.tx(async (q): Promise<Outcome> => {
    const relation = await loadRelation(q, actor, patientId, ctx.now);
    const decision = decidePatientAccess(actor, relation, patientId, request.category, request.mode);
    await recordAudit(q, auditOfDecision(ctx, patientId, request, decision));
    return decision.allowed ? { ok: true, value: await fn(q, decision) } : { ok: false, refused: decision };
  });
  if (!outcome.ok) throw refusal(outcome.refused);
  return outcome.value;
}
