import { intakeSchema } from '@meridian/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { currentIntake, saveIntake, submitIntake } from './intake-service.ts';

const patientParams = z.strictObject({ id: z.string().min(1).max(100) });

/** The patient's pre-visit intake: draft, save, submit. */
export function intakeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  r.get(
    '/api/patients/:id/intake',
    {
      schema: {
        tags: ['intake'],
        summary: 'The current intake (draft or last submitted)',
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'Intake', 'read'), (q) =>
        currentIntake(q, request.params.id),
      );
    },
  );

  r.put(
    '/api/patients/:id/intake',
    {
      schema: {
        tags: ['intake'],
        summary: 'Save the intake as a draft (answers may be incomplete)',
        params: patientParams,
        body: intakeSchema,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('update', 'Intake', 'write'), (q) =>
        saveIntake(q, request.params.id, request.body, ctx.user.id, ctx.now),
      );
    },
  );

  r.post(
    '/api/patients/:id/intake/submit',
    {
      schema: {
        tags: ['intake'],
        summary: 'Submit the draft: its medicines, conditions and allergies join the record to be reconciled',
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('submit', 'Intake', 'write'), (q) =>
        submitIntake(q, request.params.id, { userId: ctx.user.id, role: ctx.user.role }, ctx.now),
      );
    },
  );
}
