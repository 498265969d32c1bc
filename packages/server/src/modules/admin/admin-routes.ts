import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { type AuditFilter, type AuditRow, auditCsv, queryAudit } from '../../audit/audit-query.ts';
import { contextOf } from '../../http/authenticate.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';

const auditQuery = z.strictObject({
  patientId: z.uuid('patientId must be a patient id (a UUID).').optional(),
  userId: z.uuid('userId must be a user id (a UUID).').optional(),
  action: z.string().max(50).optional(),
  from: z.iso
    .datetime({ offset: true, message: 'from must be an ISO date-time, e.g. 2026-11-01T00:00:00Z.' })
    .optional(),
  to: z.iso
    .datetime({ offset: true, message: 'to must be an ISO date-time, e.g. 2026-11-30T00:00:00Z.' })
    .optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function requireAdmin(ctx: RequestContext): void {
  if (ctx.user.role !== 'admin') fail('FORBIDDEN', 'Only administrators can do this.');
}

function filterOf(query: z.infer<typeof auditQuery>, limit: number): AuditFilter {
  return {
    patientId: query.patientId,
    userId: query.userId,
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before: query.before,
    limit,
  };
}

function eventOf(r: AuditRow) {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actor_user_id
      ? { id: r.actor_user_id, email: r.actor_email, name: r.actor_name, role: r.actor_role }
      : null,
    patient: r.patient_id ? { id: r.patient_id, name: r.patient_name } : null,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    outcome: r.outcome,
    breakGlass: r.break_glass,
    reason: r.reason,
    ip: r.ip,
  };
}

/** Administration: the audit trail (viewing it is itself audited) and the staff list. */
export function adminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readAudit = (ctx: RequestContext, filter: AuditFilter, format: string) =>
    deps.db.tx(async (q) => {
      const rows = await queryAudit(q, filter);
      await recordAudit(q, {
        at: ctx.now,
        actorUserId: ctx.user.id,
        actorRole: ctx.user.role,
        actorEmail: ctx.user.email,
        patientId: filter.patientId ?? null,
        action: format === 'csv' ? 'export' : 'read',
        resourceType: 'AuditEvent',
        resourceId: null,
        outcome: 'success',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        detail: {
          rows: rows.length,
          filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
        },
      });
      return rows;
    });

  r.get(
    '/api/admin/audit',
    { schema: { tags: ['admin'], summary: 'The audit trail, newest first', querystring: auditQuery } },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx);
      const rows = await readAudit(ctx, filterOf(request.query, request.query.limit), 'json');
      const last = rows.at(-1);
      return {
        events: rows.map(eventOf),
        nextBefore: rows.length === request.query.limit && last ? String(last.id) : null,
      };
    },
  );

  r.get(
    '/api/admin/audit.csv',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit trail as CSV (up to 50,000 rows)',
        querystring: auditQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireAdmin(ctx);
      const rows = await readAudit(ctx, filterOf(request.query, 50_000), 'csv');
      const stamp = ctx.now.toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="meridian-audit-${stamp}.csv"`)
        .send(auditCsv(rows));
    },
  );

  r.get(
    '/api/admin/users',
    { schema: { tags: ['admin'], summary: 'Staff and patient accounts' } },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx);
      const rows = await deps.db.query<{
        id: string;
        email: string;
        display_name: string;
        role: string;
        discipline: string | null;
        active: boolean;
        locked_until: Date | null;
      }>(
        `SELECT u.id, u.email, u.display_name, u.role, u.discipline, u.active,
              CASE WHEN t.locked_until > $1 THEN t.locked_until END AS locked_until
         FROM users u LEFT JOIN login_throttle t ON t.key = 'account:' || lower(u.email)
        WHERE u.role <> 'patient'
        ORDER BY u.role, u.display_name`,
        [ctx.now],
      );
      return {
        users: rows.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.display_name,
          role: u.role,
          discipline: u.discipline,
          active: u.active,
          lockedUntil: u.locked_until?.toISOString() ?? null,
        })),
      };
    },
  );
}
