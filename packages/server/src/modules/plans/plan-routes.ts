import { planContentSchema } from '@meridian/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import { adjustPlan, planView } from './plan-service.ts';

const patientParams = z.strictObject({ id: z.string().min(1).max(100) });

/** The patient's well-being plan and its versions. */
export function planRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  r.get(
    '/api/patients/:id/care-plan',
    {
      schema: {
        tags: ['plans'],
        summary: 'The current plan version and the history of versions',
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'CarePlan', 'read'), (q) =>
        planView(q, request.params.id),
      );
    },
  );

  r.get(
    '/api/patients/:id/care-plan/versions/:version',
    {
      schema: {
        tags: ['plans'],
        summary: 'One version of the plan, as it was',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          version: z.coerce.number().int('version is a whole number.').min(1, 'Versions start at 1.'),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'CarePlan', 'read'), (q) =>
        planView(q, request.params.id, request.params.version),
      );
    },
  );

  r.post(
    '/api/patients/:id/care-plan/versions',
    {
      schema: {
        tags: ['plans'],
        summary: 'Adjust the plan: a new version with a reason',
        params: patientParams,
        body: z.strictObject({
          content: planContentSchema,
          reason: z.string().trim().min(3, 'Say why the plan changes (at least 3 characters).').max(2000),
          basedOn: z.number().int().min(1, 'basedOn is the version you edited.'),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Only clinicians change a plan.');
      const view = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('update', 'CarePlan', 'write'),
        (q) => adjustPlan(q, request.params.id, request.body, ctx.user.id, ctx.now),
      );
      return reply.code(201).send(view);
    },
  );
}
