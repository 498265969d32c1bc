import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import { visitSummaryLetterPdf } from './letter-pdf.ts';
import { summaryOf } from './summary-repo.ts';
import { recordDelivery, summariesView } from './summary-service.ts';

const summaryParams = z.strictObject({
  id: z.string().min(1).max(100),
  summaryId: z.uuid('summaryId must be a visit summary id.'),
});

/** Visit summaries: the list, the letter (HTML, PDF), the FHIR document, and sending. */
export function summaryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  const load = async (
    request: { params: z.infer<typeof summaryParams> },
    ctx: ReturnType<typeof contextOf>,
    action: string,
  ) =>
    withPatientAccess(
      deps.db,
      ctx,
      request.params.id,
      clinical(action, 'VisitSummary', 'read', request.params.summaryId),
      async (q) => {
        const row = await summaryOf(q, request.params.id, request.params.summaryId);
        if (!row) fail('NOT_FOUND', 'This patient has no visit summary with that id.');
        return row;
      },
    );

  r.get(
    '/api/patients/:id/visit-summaries',
    {
      schema: {
        tags: ['summaries'],
        summary: 'Visit summaries, with the plain-language version and where each was sent',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('read', 'VisitSummary', 'read'),
        (q) => summariesView(q, request.params.id, ctx.user.role === 'patient'),
      );
    },
  );

  r.get(
    '/api/patients/:id/visit-summaries/:summaryId/letter.html',
    {
      schema: {
        tags: ['summaries'],
        summary: 'The letter to the primary care provider, printable',
        params: summaryParams,
      },
    },
    async (request, reply) => {
      const row = await load(request, contextOf(request), 'read');
      return reply.type('text/html; charset=utf-8').send(row.letter_html);
    },
  );

  r.get(
    '/api/patients/:id/visit-summaries/:summaryId/letter.pdf',
    { schema: { tags: ['summaries'], summary: 'The letter as PDF', params: summaryParams } },
    async (request, reply) => {
      const row = await load(request, contextOf(request), 'read');
      const pdf = await visitSummaryLetterPdf(row.data);
      const name = `visit-summary-${row.created_at.toISOString().slice(0, 10)}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/patients/:id/visit-summaries/:summaryId/document',
    {
      schema: {
        tags: ['summaries'],
        summary: 'The summary as a FHIR R4 document Bundle',
        params: summaryParams,
      },
    },
    async (request, reply) => {
      const row = await load(request, contextOf(request), 'read');
      return reply.type('application/fhir+json; charset=utf-8').send(row.fhir_document);
    },
  );

  r.post(
    '/api/patients/:id/visit-summaries/:summaryId/deliveries',
    {
      schema: {
        tags: ['summaries'],
        summary: 'Record that the summary was sent again (to the primary care provider on file)',
        params: summaryParams,
        body: z.strictObject({ channel: z.enum(['fax', 'secure-email', 'mail', 'portal', 'hand']) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Clinicians send visit summaries.');
      const { id, summaryId } = request.params;
      const view = await withPatientAccess(
        deps.db,
        ctx,
        id,
        clinical('send', 'VisitSummary', 'write', summaryId),
        async (q) => {
          const row = await summaryOf(q, id, summaryId);
          if (!row) fail('NOT_FOUND', 'This patient has no visit summary with that id.');
          if (!row.data.pcp) fail('VALIDATION', "Record the patient's primary care provider before sending.");
          await recordDelivery(q, row.data, request.body.channel, ctx.user.id, ctx.now);
          return summariesView(q, id, false);
        },
      );
      return reply.code(201).send(view);
    },
  );
}
