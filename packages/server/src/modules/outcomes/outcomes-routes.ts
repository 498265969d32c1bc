import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Queryable } from '../../db/database.ts';
import { contextOf } from '../../http/authenticate.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import { reportCsv } from './outcomes-csv.ts';
import { bedsideReport, outcomeReport } from './outcomes-service.ts';

const day = z.iso.date('Dates are written YYYY-MM-DD, e.g. 2026-01-31.');
const knowledgeId = (what: string) =>
  z
    .string()
    .max(80)
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      `${what} is an id in lower case with hyphens, e.g. ${what === 'therapy' ? 'acupuncture' : 'chronic-low-back-pain'}.`,
    );

const reportQuery = z.strictObject({
  groupBy: z
    .enum(['therapy', 'condition', 'location', 'discipline'], {
      message: 'groupBy is one of: therapy, condition, location, discipline.',
    })
    .default('therapy'),
  from: day.optional(),
  to: day.optional(),
  measure: z.enum(['pain', 'peg'], { message: 'measure is pain or peg.' }).default('pain'),
  therapy: knowledgeId('therapy').optional(),
  condition: knowledgeId('condition').optional(),
});
const bedsideQuery = z.strictObject({ from: day.optional(), to: day.optional() });

/** Program reports are for administrators and researchers; a refusal is audited like an answer. */
async function requireReportRole(deps: AppDeps, ctx: RequestContext, what: string, query: object) {
  if (ctx.user.role === 'admin' || ctx.user.role === 'researcher') return;
  await deps.db.tx((q) => audit(q, ctx, 'report', 'denied', { report: what, query }));
  fail('FORBIDDEN', 'Program outcome reports are open to administrators and researchers only.');
}

function audit(
  q: Queryable,
  ctx: RequestContext,
  action: 'report' | 'export',
  outcome: 'success' | 'denied',
  detail: Record<string, unknown>,
) {
  return recordAudit(q, {
    at: ctx.now,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.role,
    actorEmail: ctx.user.email,
    patientId: null,
    action,
    resourceType: 'OutcomeReport',
    resourceId: null,
    outcome,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    detail,
  });
}

/** De-identified program outcome reports: pain or PEG change by group, and bedside before/after scores. */
export function outcomesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/outcomes/report',
    {
      schema: {
        tags: ['outcomes'],
        summary:
          'Change in pain (or PEG) from baseline to follow-up by therapy, condition, location or discipline',
        querystring: reportQuery,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await requireReportRole(deps, ctx, 'report', request.query);
      return deps.db.tx(async (q) => {
        const report = await outcomeReport(q, request.query, ctx.now);
        await audit(q, ctx, 'report', 'success', {
          report: 'report',
          query: { ...request.query, ...report.period },
          groups: report.rows.length,
        });
        return report;
      });
    },
  );

  r.get(
    '/api/outcomes/report.csv',
    {
      schema: {
        tags: ['outcomes'],
        summary: 'The outcome report as CSV (group names and numbers only)',
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await requireReportRole(deps, ctx, 'report.csv', request.query);
      const report = await deps.db.tx(async (q) => {
        const result = await outcomeReport(q, request.query, ctx.now);
        await audit(q, ctx, 'export', 'success', {
          report: 'report.csv',
          query: { ...request.query, ...result.period },
          groups: result.rows.length,
        });
        return result;
      });
      const { from, to } = report.period;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="meridian-outcomes-${from}-${to}.csv"`)
        .send(reportCsv(report.rows));
    },
  );

  r.get(
    '/api/outcomes/bedside',
    {
      schema: {
        tags: ['outcomes'],
        summary: 'Pain and anxiety before and after bedside sessions, per bedside service',
        querystring: bedsideQuery,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await requireReportRole(deps, ctx, 'bedside', request.query);
      return deps.db.tx(async (q) => {
        const report = await bedsideReport(q, request.query, ctx.now);
        await audit(q, ctx, 'report', 'success', {
          report: 'bedside',
          query: { ...request.query, ...report.period },
          services: report.services.length,
        });
        return report;
      });
    },
  );
}
