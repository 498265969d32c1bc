import { type FhirResource, readPcpBundle, referenceOf } from '@meridian/fhir';
import type { FastifyInstance } from 'fastify';
import { readableList } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import type { Queryable } from '../db/database.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { addReportedItems, recheckRegimen } from '../modules/regimen/regimen-service.ts';
import { regimenResources } from './clinical-records.ts';
import { fhirJson } from './outcomes.ts';
import { one, onlyParams, patientSearchScope, type Query, searchPage, uuidPattern } from './search-params.ts';

const hide = { schema: { hide: true } };
const noPatient = '00000000-0000-0000-0000-000000000000';

/** The stored visit-summary documents (each a document Bundle whose first entry is the Composition). */
async function documents(q: Queryable, f: { id?: string; patientIds?: string[] }) {
  return q.query<{ id: string; patient_id: string; fhir_document: FhirResource }>(
    `SELECT id, patient_id, fhir_document FROM visit_summaries
      WHERE ($1::uuid IS NULL OR id = $1::uuid) AND ($2::uuid[] IS NULL OR patient_id = ANY ($2::uuid[]))
      ORDER BY created_at`,
    [f.id ?? null, f.patientIds ?? null],
  );
}

const compositionOf = (doc: FhirResource) => (doc.entry as { resource: FhirResource }[])[0]!.resource;

/** Visit summaries as Composition and Composition/$document; a medicine or supplement from an app. */
export function fhirDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const readOne = async (request: Parameters<typeof contextOf>[0], id: string, action: string) => {
    const ctx = contextOf(request);
    const [found] = uuidPattern.test(id) ? await documents(deps.db, { id }) : [];
    return withPatientAccess(
      deps.db,
      ctx,
      found?.patient_id ?? noPatient,
      { category: 'clinical', mode: 'read', action, resourceType: 'Composition', resourceId: id },
      async () => found!.fhir_document,
    );
  };

  app.get<{ Params: { id: string } }>('/fhir/R4/Composition/:id', hide, async (request) =>
    compositionOf(await readOne(request, request.params.id, 'read')),
  );

  app.get<{ Params: { id: string } }>('/fhir/R4/Composition/:id/$document', hide, async (request) =>
    readOne(request, request.params.id, 'document'),
  );

  app.get<{ Querystring: Query }>('/fhir/R4/Composition', hide, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'Composition', ['patient', 'subject']);
    const named = (one(q, 'patient') ?? one(q, 'subject'))?.replace(/^Patient\//, '');
    if (named && !uuidPattern.test(named)) return searchPage(request, 'Composition', [], q);
    const patientIds = patientSearchScope(ctx.user.role, ctx.user.patientId, named, 'Composition');
    const rows = await readableList(
      deps.db,
      ctx,
      async (db) => (patientIds.length ? documents(db, { patientIds }) : []),
      (r) => r.patient_id,
      'clinical',
      'Composition',
    );
    return searchPage(
      request,
      'Composition',
      rows.map((r) => compositionOf(r.fhir_document)),
      q,
    );
  });

  // A medicine or supplement reported through a third-party app: it joins the regimen as reported by
  // the patient (or confirmed, when a clinician sends it), and the safety check runs.
  app.post<{ Body: Record<string, unknown> }>(
    '/fhir/R4/MedicationStatement',
    hide,
    async (request, reply) => {
      const ctx = contextOf(request);
      const body = request.body;
      if (body?.resourceType !== 'MedicationStatement')
        fail('VALIDATION', 'The body must be a MedicationStatement.');
      const subject = referenceOf(body.subject) ?? '';
      if (!subject.startsWith('Patient/'))
        fail('VALIDATION', 'subject must reference the patient ("Patient/<id>").');
      const patientId = subject.slice('Patient/'.length);
      let parsed: ReturnType<typeof readPcpBundle>;
      try {
        parsed = readPcpBundle({ resourceType: 'Bundle', entry: [{ resource: body }] });
      } catch (e) {
        fail('VALIDATION', (e as Error).message);
      }
      if (parsed.medications.length !== 1)
        fail('VALIDATION', parsed.skipped[0]?.replace(/^entry 1: /, '') ?? 'Nothing to record.');
      const [m] = parsed.medications;
      const supplement =
        /supplement|herb/i.test(JSON.stringify(body.category ?? '')) ||
        /supplement|herb/i.test(JSON.stringify(body.note ?? ''));
      const resource = await withPatientAccess(
        deps.db,
        ctx,
        patientId,
        { category: 'clinical', mode: 'write', action: 'create', resourceType: 'MedicationStatement' },
        async (q) => {
          const { added, alreadyThere } = await addReportedItems(
            q,
            patientId,
            [{ category: supplement ? 'supplement' : 'medicine', text: m!.text, dose: m!.dose }],
            { userId: ctx.user.id, role: ctx.user.role === 'clinician' ? 'clinician' : 'patient' },
            ctx.now,
          );
          if (alreadyThere.length)
            fail('CONFLICT', `${m!.text} is already on the patient's list.`, { id: alreadyThere[0] });
          await recheckRegimen(q, patientId, ctx.now);
          const [created] = await regimenResources(q, { id: added[0]!, kind: 'MedicationStatement' });
          return created!.resource;
        },
      );
      return reply
        .code(201)
        .header('location', `/fhir/R4/MedicationStatement/${resource.id}`)
        .type(fhirJson)
        .send(resource);
    },
  );
}
