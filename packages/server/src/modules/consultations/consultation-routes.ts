import { planContentSchema } from '@meridian/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import { currentIntake } from '../intake/intake-service.ts';
import {
  listConsultations,
  openConsultation,
  saveConsultation,
  signConsultation,
  workspace,
} from './consultation-service.ts';
import { recommendationsFor } from './recommendations.ts';

const patientParams = z.strictObject({ id: z.string().min(1).max(100) });
const consultationParams = z.strictObject({
  id: z.string().min(1).max(100),
  consultationId: z.uuid('consultationId must be a consultation id.'),
});
const domainText = z.string().trim().max(4000).optional();
const formulationSchema = z.strictObject({
  biological: domainText,
  psychological: domainText,
  social: domainText,
  environmental: domainText,
  behavioural: domainText,
});

function clinicianOnly(ctx: RequestContext): void {
  if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Consultations are held by clinicians.');
}

/** The clinician's consultation workspace: intake, reconciliation, recommendations, the plan, signing. */
export function consultationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  r.get(
    '/api/patients/:id/consultations',
    { schema: { tags: ['consultations'], summary: "The patient's consultations", params: patientParams } },
    async (request) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('read', 'Consultation', 'read'),
        (q) => listConsultations(q, request.params.id),
      );
    },
  );

  r.post(
    '/api/patients/:id/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Open a consultation (one open consultation per patient)',
        params: patientParams,
        body: z.strictObject({
          appointmentId: z.uuid('appointmentId must be an appointment id.').optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      const view = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('create', 'Consultation', 'write'),
        (q) =>
          openConsultation(q, request.params.id, ctx.user.id, request.body.appointmentId ?? null, ctx.now),
      );
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/patients/:id/consultations/:consultationId',
    {
      schema: {
        tags: ['consultations'],
        summary: 'The workspace: intake, regimen and findings, allergies, recommendations, plan draft',
        params: consultationParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      const { id, consultationId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('read', 'Consultation', 'read', consultationId),
        (q) => workspace(q, id, consultationId),
      );
    },
  );

  r.put(
    '/api/patients/:id/consultations/:consultationId',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Save the formulation, notes and plan draft',
        params: consultationParams,
        body: z.strictObject({
          formulation: formulationSchema.optional(),
          notes: z.string().max(20_000).optional(),
          plan: planContentSchema.optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      const { id, consultationId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('update', 'Consultation', 'write', consultationId),
        (q) => saveConsultation(q, id, consultationId, request.body),
      );
    },
  );

  r.post(
    '/api/patients/:id/consultations/:consultationId/sign',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Sign: the plan becomes a new version and the visit summary is made (and sent)',
        params: consultationParams,
        body: z.strictObject({
          reason: z.string().trim().max(2000).optional(),
          sendVia: z.enum(['fax', 'secure-email', 'mail', 'portal', 'hand']).optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      const { id, consultationId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('sign', 'Consultation', 'write', consultationId),
        (q) => signConsultation(q, id, consultationId, request.body, ctx.user.id, ctx.now),
      );
    },
  );

  r.get(
    '/api/patients/:id/recommendations',
    {
      schema: {
        tags: ['consultations'],
        summary: "Therapies ranked by evidence for the patient's conditions, screened for safety",
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      clinicianOnly(ctx);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('read', 'Recommendations', 'read'),
        async (q) =>
          recommendationsFor(
            q,
            request.params.id,
            (await currentIntake(q, request.params.id)).intake?.answers.preferences ?? null,
          ),
      );
    },
  );
}
