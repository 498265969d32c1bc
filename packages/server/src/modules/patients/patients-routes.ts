import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { setPrimaryCareProvider } from './patients-repo.ts';
import { breakGlass, getPatient, listPatients } from './patients-service.ts';

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Patient lists and records, always through the access policy. */
export function patientsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'The patients the signed-in user may see',
        querystring: z.strictObject({ q: z.string().max(200).optional() }),
      },
    },
    async (request) => ({ patients: await listPatients(deps, contextOf(request), request.query.q) }),
  );

  r.get(
    '/api/patients/:id',
    { schema: { tags: ['patients'], summary: "A patient's demographics and care team", params: idParams } },
    async (request) => getPatient(deps, contextOf(request), request.params.id),
  );

  const optional = (max: number) => z.string().trim().max(max).optional();
  r.put(
    '/api/patients/:id/primary-care-provider',
    {
      schema: {
        tags: ['patients'],
        summary: "Record the patient's primary care provider (who receives visit summaries)",
        params: idParams,
        body: z.strictObject({
          primaryCareProvider: z
            .strictObject({
              name: z.string().trim().min(2, "Write the provider's name.").max(200),
              organization: optional(200),
              phone: optional(40),
              fax: optional(40),
              email: z.email('Write a valid email address.').max(200).optional(),
              address: optional(500),
            })
            .nullable(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        dataRequest('demographics')('update', 'PrimaryCareProvider', 'write'),
        (q) => setPrimaryCareProvider(q, request.params.id, request.body.primaryCareProvider, ctx.now),
      );
      return getPatient(deps, ctx, request.params.id);
    },
  );

  r.post(
    '/api/patients/:id/break-glass',
    {
      schema: {
        tags: ['patients'],
        summary: 'Emergency access to a record outside your care team, with a reason',
        params: idParams,
        body: z.strictObject({
          reason: z
            .string()
            .trim()
            .min(10, 'Give a reason of at least 10 characters; it is kept in the audit trail.')
            .max(1000),
        }),
      },
    },
    async (request, reply) => {
      const grant = await breakGlass(deps, contextOf(request), request.params.id, request.body.reason);
      return reply.code(201).send({ grant });
    },
  );
}
