import { canBreakGlass } from '@meridian/domain';
import { readableList } from '../../access/audited-list.ts';
import { withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, fail } from '../../http/errors.ts';
import { listCandidates, patientDetail } from './patients-repo.ts';

/** The patients this user may see, for their list view. */
export async function listPatients(deps: AppDeps, ctx: RequestContext, search: string | undefined) {
  const { user } = ctx;
  const scope =
    user.role === 'patient'
      ? { kind: 'self' as const, patientId: user.patientId! }
      : user.role === 'clinician'
        ? { kind: 'care_team' as const, userId: user.id }
        : user.role === 'coordinator'
          ? { kind: 'all' as const }
          : user.role === 'volunteer'
            ? { kind: 'bedside' as const, userId: user.id }
            : null;
  if (!scope) fail('FORBIDDEN', 'Administrators manage the program and do not browse patient records.');
  return readableList(
    deps.db,
    ctx,
    (db) => listCandidates(db, scope, search, ctx.now),
    (p) => p.id,
    'demographics',
    'Patient',
  );
}

/** One patient's demographics and care team, through the access policy. */
export async function getPatient(deps: AppDeps, ctx: RequestContext, id: string) {
  return withPatientAccess(
    deps.db,
    ctx,
    id,
    { category: 'demographics', mode: 'read', action: 'read', resourceType: 'Patient' },
    async (q, decision) => {
      const patient = (await patientDetail(q, id, ctx.now))!;
      const grant =
        decision.basis === 'break_glass'
          ? (
              await q.query<{ expires_at: Date }>(
                `SELECT expires_at FROM break_glass_grants WHERE user_id = $1 AND patient_id = $2 AND expires_at > $3
                  ORDER BY expires_at DESC LIMIT 1`,
                [ctx.user.id, id, ctx.now],
              )
            )[0]
          : undefined;
      return {
        patient,
        access: {
          breakGlass: decision.basis === 'break_glass',
          breakGlassExpiresAt: grant?.expires_at.toISOString() ?? null,
        },
      };
    },
  );
}

/** Emergency access outside the care team: allowed with a reason, time-limited, flagged and audited. */
export async function breakGlass(deps: AppDeps, ctx: RequestContext, patientId: string, reason: string) {
  if (!canBreakGlass(ctx.user.role)) {
    fail('FORBIDDEN', 'Only clinicians and administrators can use emergency access (break the glass).');
  }
  const expiresAt = new Date(ctx.now.getTime() + deps.config.breakGlassMs);
  const audit = {
    at: ctx.now,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.role,
    actorEmail: ctx.user.email,
    action: 'break_glass',
    resourceType: 'Patient',
    resourceId: patientId,
    reason,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  };
  const grant = await deps.db.tx(async (q) => {
    const exists = /^[0-9a-f-]{36}$/i.test(patientId)
      ? (await q.query('SELECT 1 FROM patients WHERE id = $1', [patientId])).length > 0
      : false;
    if (!exists) {
      await recordAudit(q, {
        ...audit,
        patientId: null,
        outcome: 'denied',
        detail: { why: 'no such patient' },
      });
      return null;
    }
    await q.query(
      'INSERT INTO break_glass_grants (user_id, patient_id, reason, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [ctx.user.id, patientId, reason, ctx.now, expiresAt],
    );
    await recordAudit(q, {
      ...audit,
      patientId,
      outcome: 'success',
      breakGlass: true,
      detail: { expiresAt: expiresAt.toISOString() },
    });
    return { patientId, reason, expiresAt: expiresAt.toISOString() };
  });
  if (!grant) throw new AppError({ code: 'NOT_FOUND', message: 'No patient record with this id exists.' });
  return grant;
}
