import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import { allergiesOf, verifyAllergy } from './allergies-repo.ts';
import { acknowledgeFinding, insertRegimenItem, stopRegimenItem, verifyRegimenItem } from './regimen-repo.ts';
import { recheckRegimen, regimenView } from './regimen-service.ts';

const patientParams = z.strictObject({ id: z.string().min(1).max(100) });
const itemBody = z.strictObject({
  category: z.enum(['medicine', 'supplement', 'therapy', 'condition']),
  text: z.string().trim().min(1, 'Write the name.').max(200),
  dose: z.string().trim().max(100).optional(),
  frequency: z.string().trim().max(100).optional(),
  startedOn: z.iso.date('startedOn must be a date, e.g. 2026-01-15.').optional(),
});

/** A patient's regimen and its safety findings, through the access policy. */
export function regimenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  r.get(
    '/api/patients/:id/regimen',
    {
      schema: {
        tags: ['regimen'],
        summary: "A patient's medicines, supplements, therapies and conditions, with safety findings",
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'Regimen', 'read'), (q) =>
        regimenView(q, request.params.id),
      );
    },
  );

  r.post(
    '/api/patients/:id/regimen',
    {
      schema: {
        tags: ['regimen'],
        summary: 'Add an item; the safety check runs again',
        params: patientParams,
        body: itemBody,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const view = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('create', 'RegimenItem', 'write'),
        async (q) => {
          await insertRegimenItem(
            q,
            request.params.id,
            request.body,
            { userId: ctx.user.id, role: ctx.user.role },
            ctx.now,
          );
          await recheckRegimen(q, request.params.id, ctx.now);
          return regimenView(q, request.params.id);
        },
      );
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/api/patients/:id/regimen/:itemId/stop',
    {
      schema: {
        tags: ['regimen'],
        summary: 'Stop an item; the safety check runs again',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          itemId: z.uuid('itemId must be a regimen item id.'),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { id, itemId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('update', 'RegimenItem', 'write', itemId),
        async (q) => {
          if (!(await stopRegimenItem(q, id, itemId, ctx.now)))
            fail('NOT_FOUND', 'This patient has no active item with that id.');
          await recheckRegimen(q, id, ctx.now);
          return regimenView(q, id);
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/regimen/:itemId/verify',
    {
      schema: {
        tags: ['regimen'],
        summary: 'A clinician confirms an item at reconciliation, correcting dose or frequency if needed',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          itemId: z.uuid('itemId must be a regimen item id.'),
        }),
        body: z.strictObject({
          dose: z.string().trim().max(100).optional(),
          frequency: z.string().trim().max(100).optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician')
        fail('FORBIDDEN', 'Only clinicians reconcile medicines and supplements.');
      const { id, itemId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('verify', 'RegimenItem', 'write', itemId),
        async (q) => {
          if (!(await verifyRegimenItem(q, id, itemId, request.body, ctx.user.id, ctx.now)))
            fail('NOT_FOUND', 'This patient has no active item with that id.');
          await recheckRegimen(q, id, ctx.now);
          return regimenView(q, id);
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/allergies/:allergyId/verify',
    {
      schema: {
        tags: ['regimen'],
        summary: 'A clinician confirms an allergy the patient or an import reported',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          allergyId: z.uuid('allergyId must be an allergy id.'),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Only clinicians confirm allergies.');
      const { id, allergyId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('verify', 'AllergyIntolerance', 'write', allergyId),
        async (q) => {
          if (!(await verifyAllergy(q, id, allergyId, ctx.user.id, ctx.now)))
            fail('NOT_FOUND', 'This patient has no active allergy with that id.');
          return {
            allergies: (await allergiesOf(q, id)).map((a) => ({
              id: a.id,
              substance: a.substance,
              reaction: a.reaction,
              severity: a.severity,
              verified: a.verified_at !== null,
            })),
          };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/safety-findings/:findingId/acknowledge',
    {
      schema: {
        tags: ['regimen'],
        summary: 'A clinician acknowledges a safety finding with a note',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          findingId: z.uuid('findingId must be a finding id.'),
        }),
        body: z.strictObject({
          note: z.string().trim().min(3, 'Write a short note on what you decided.').max(2000),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Only clinicians acknowledge safety findings.');
      const { id, findingId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('acknowledge', 'SafetyFinding', 'write', findingId),
        async (q) => {
          if (!(await acknowledgeFinding(q, id, findingId, ctx.user.id, request.body.note, ctx.now))) {
            fail('NOT_FOUND', 'This patient has no active safety finding with that id.');
          }
          return regimenView(q, id);
        },
      );
    },
  );
}
