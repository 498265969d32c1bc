import { answersOfResponse, questionnaireResource } from '@meridian/fhir';
import { instrumentTexts } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import { readableList } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { recordResponse } from '../modules/progress/progress-service.ts';
import { fhirJson } from './outcomes.ts';
import {
  matchesCode,
  observationResources,
  pendingObservations,
  questionnaireResponseResources,
} from './progress-records.ts';
import {
  dateRange,
  one,
  onlyParams,
  patientSearchScope,
  type Query,
  searchPage,
  uuidPattern,
  values,
} from './search-params.ts';

const hide = { schema: { hide: true } };
const noPatient = '00000000-0000-0000-0000-000000000000';
/** An Observation id: a diary entry's id and the value ("…-pain-now"), or a questionnaire response's id. */
const observationId = /^([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})(-[a-z-]+)?$/i;

/** Progress over FHIR: Observation (diary values, scores), Questionnaire, QuestionnaireResponse. */
export function fhirProgressRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { id: string } }>('/fhir/R4/Observation/:id', hide, async (request) => {
    const ctx = contextOf(request);
    const m = observationId.exec(request.params.id);
    const all = m ? await observationResources(deps.db, { id: m[1] }) : [];
    const found = all.find((r) => r.resource.id === request.params.id);
    return withPatientAccess(
      deps.db,
      ctx,
      found?.patientId ?? noPatient,
      {
        category: 'clinical',
        mode: 'read',
        action: 'read',
        resourceType: 'Observation',
        resourceId: request.params.id,
      },
      async () => found!.resource,
    );
  });

  app.get<{ Querystring: Query }>('/fhir/R4/Observation', hide, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'Observation', ['patient', 'subject', 'code', 'date']);
    const named = (one(q, 'patient') ?? one(q, 'subject'))?.replace(/^Patient\//, '');
    const patientIds = patientSearchScope(ctx.user.role, ctx.user.patientId, named, 'Observation');
    const range = dateRange(values(q, 'date'));
    const code = one(q, 'code');
    const rows = await readableList(
      deps.db,
      ctx,
      async (db) => (patientIds.length ? pendingObservations(db, { patientIds, ...range }) : []),
      (r) => r.patientId,
      'clinical',
      'Observation',
    );
    const matching = code
      ? rows.filter((r) => code.split(',').some((c) => matchesCode(r.observation.coding, c)))
      : rows;
    // Only the page answered is built.
    return searchPage(request, 'Observation', matching, q, [], (r) => r.observation.build());
  });

  app.get<{ Params: { id: string } }>('/fhir/R4/QuestionnaireResponse/:id', hide, async (request) => {
    const ctx = contextOf(request);
    const id = request.params.id;
    const [found] = uuidPattern.test(id) ? await questionnaireResponseResources(deps.db, { id }) : [];
    return withPatientAccess(
      deps.db,
      ctx,
      found?.patientId ?? noPatient,
      {
        category: 'clinical',
        mode: 'read',
        action: 'read',
        resourceType: 'QuestionnaireResponse',
        resourceId: id,
      },
      async () => found!.resource,
    );
  });

  app.get<{ Querystring: Query }>('/fhir/R4/QuestionnaireResponse', hide, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'QuestionnaireResponse', ['patient', 'subject', 'authored']);
    const named = (one(q, 'patient') ?? one(q, 'subject'))?.replace(/^Patient\//, '');
    const patientIds = patientSearchScope(ctx.user.role, ctx.user.patientId, named, 'QuestionnaireResponse');
    const range = dateRange(values(q, 'authored'));
    const rows = await readableList(
      deps.db,
      ctx,
      async (db) => (patientIds.length ? questionnaireResponseResources(db, { patientIds, ...range }) : []),
      (r) => r.patientId,
      'clinical',
      'QuestionnaireResponse',
    );
    return searchPage(
      request,
      'QuestionnaireResponse',
      rows.map((r) => r.resource),
      q,
    );
  });

  // A questionnaire answered in a third-party app: scored as published and stored like one from the portal.
  app.post<{ Body: unknown }>('/fhir/R4/QuestionnaireResponse', hide, async (request, reply) => {
    const ctx = contextOf(request);
    let parsed: ReturnType<typeof answersOfResponse>;
    try {
      parsed = answersOfResponse(request.body);
    } catch (e) {
      fail('VALIDATION', (e as Error).message);
    }
    if (!['phq-9', 'gad-7', 'peg', 'pain-nrs'].includes(parsed.instrument))
      fail('VALIDATION', `Meridian does not have the questionnaire "${parsed.instrument}".`);
    const resource = await withPatientAccess(
      deps.db,
      ctx,
      parsed.patientId,
      { category: 'clinical', mode: 'write', action: 'create', resourceType: 'QuestionnaireResponse' },
      async (q) => {
        const { response } = await recordResponse(
          q,
          parsed.patientId,
          { instrument: parsed.instrument as 'phq-9', answers: parsed.answers },
          'fhir',
          ctx.user.id,
          ctx.now,
        );
        return (await questionnaireResponseResources(q, { id: response.id }))[0]!.resource;
      },
    );
    return reply
      .code(201)
      .header('location', `/fhir/R4/QuestionnaireResponse/${resource.id}`)
      .type(fhirJson)
      .send(resource);
  });

  app.get<{ Params: { id: string } }>('/fhir/R4/Questionnaire/:id', hide, async (request) => {
    const w = instrumentTexts().find((i) => i.id === request.params.id);
    if (!w) fail('NOT_FOUND', 'There is no Questionnaire with that id.');
    return questionnaireResource(w);
  });

  app.get<{ Querystring: Query }>('/fhir/R4/Questionnaire', hide, async (request) => {
    const q = request.query;
    onlyParams(q, 'Questionnaire', ['_id', 'url']);
    const id = one(q, '_id');
    const url = one(q, 'url');
    const all = instrumentTexts()
      .map(questionnaireResource)
      .filter((r) => (!id || r.id === id) && (!url || r.url === url));
    return searchPage(request, 'Questionnaire', all, q);
  });
}
