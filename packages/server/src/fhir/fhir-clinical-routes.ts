import type { FhirResource } from '@meridian/fhir';
import type { FastifyInstance } from 'fastify';
import { readableList } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import type { Queryable } from '../db/database.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { careTeamResources, findingResources, regimenResources } from './clinical-records.ts';
import {
  allergyResources,
  carePlanResources,
  communicationResources,
  goalResources,
} from './plan-records.ts';
import { one, onlyParams, patientSearchScope, type Query, searchPage, uuidPattern } from './search-params.ts';

type Filter = { patientIds?: string[]; id?: string; status?: 'active' | 'stopped' };
type Loader = (q: Queryable, filter: Filter) => Promise<{ patientId: string; resource: FhirResource }[]>;

/** The clinical resource types read and searched by patient the same way, with their loaders. */
export const clinicalTypes: Record<string, { load: Loader; status?: true; id?: RegExp }> = {
  MedicationStatement: {
    load: (q, f) => regimenResources(q, { ...f, kind: 'MedicationStatement' }),
    status: true,
  },
  Condition: { load: (q, f) => regimenResources(q, { ...f, kind: 'Condition' }), status: true },
  DetectedIssue: { load: findingResources },
  AllergyIntolerance: { load: allergyResources },
  CarePlan: { load: carePlanResources },
  // A goal's id is its plan's id and the goal's own short id.
  Goal: { load: goalResources, id: /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-[a-z0-9-]{1,27}$/i },
  Communication: { load: communicationResources },
};

/**
 * The clinical record over FHIR (regimen, safety findings, allergies, plan, goals, summaries sent):
 * clinical data, so the desk does not see it.
 */
export function fhirClinicalRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Care teams: who looks after the patient (the same category as the record's demographics).
  app.get<{ Params: { id: string } }>(
    '/fhir/R4/CareTeam/:id',
    { schema: { hide: true } },
    async (request) => {
      const ctx = contextOf(request);
      const patientId = request.params.id.replace(/^ct-/, '');
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id.startsWith('ct-') && uuidPattern.test(patientId)
          ? patientId
          : '00000000-0000-0000-0000-000000000000',
        {
          category: 'demographics',
          mode: 'read',
          action: 'read',
          resourceType: 'CareTeam',
          resourceId: request.params.id,
        },
        async (q) => {
          const [team] = await careTeamResources(q, [patientId]);
          if (!team) fail('NOT_FOUND', 'This patient has no care team yet.');
          return team.resource;
        },
      );
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/CareTeam', { schema: { hide: true } }, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'CareTeam', ['patient', 'subject']);
    const named = (one(q, 'patient') ?? one(q, 'subject'))?.replace(/^Patient\//, '');
    if (named && !uuidPattern.test(named)) return searchPage(request, 'CareTeam', [], q);
    const patientIds = patientSearchScope(ctx.user.role, ctx.user.patientId, named, 'CareTeam');
    const rows = await readableList(
      deps.db,
      ctx,
      async (db) => (patientIds.length ? careTeamResources(db, patientIds) : []),
      (r) => r.patientId,
      'demographics',
      'CareTeam',
    );
    return searchPage(
      request,
      'CareTeam',
      rows.map((r) => r.resource),
      q,
    );
  });

  for (const [type, { load, status: hasStatus, id: idPattern = uuidPattern }] of Object.entries(
    clinicalTypes,
  )) {
    app.get<{ Params: { id: string } }>(
      `/fhir/R4/${type}/:id`,
      { schema: { hide: true } },
      async (request) => {
        const ctx = contextOf(request);
        const id = request.params.id;
        const found = idPattern.test(id) ? (await load(deps.db, { id }))[0] : undefined;
        return withPatientAccess(
          deps.db,
          ctx,
          found?.patientId ?? '00000000-0000-0000-0000-000000000000',
          { category: 'clinical', mode: 'read', action: 'read', resourceType: type, resourceId: id },
          async () => found!.resource,
        );
      },
    );

    app.get<{ Querystring: Query }>(`/fhir/R4/${type}`, { schema: { hide: true } }, async (request) => {
      const ctx = contextOf(request);
      const q = request.query;
      onlyParams(q, type, hasStatus ? ['patient', 'status', '_id'] : ['patient', '_id']);
      const patient = one(q, 'patient')?.replace(/^Patient\//, '');
      const id = one(q, '_id');
      const status = one(q, 'status');
      if (status && !['active', 'stopped', 'resolved'].includes(status))
        fail('VALIDATION', 'status is active, or stopped (resolved for conditions).');
      if ((patient && !uuidPattern.test(patient)) || (id && !idPattern.test(id)))
        return searchPage(request, type, [], q);
      const patientIds = patientSearchScope(ctx.user.role, ctx.user.patientId, patient, type);
      const rows = await readableList(
        deps.db,
        ctx,
        async (db) =>
          patientIds.length
            ? load(db, {
                patientIds,
                ...(id ? { id } : {}),
                ...(status ? { status: status === 'active' ? 'active' : 'stopped' } : {}),
              })
            : [],
        (r) => r.patientId,
        'clinical',
        type,
      );
      return searchPage(
        request,
        type,
        rows.map((r) => r.resource),
        q,
      );
    });
  }
}
