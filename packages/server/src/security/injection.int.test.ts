import { createTestApp, personas } from '@meridian/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  attackSeed,
  cast,
  databaseState,
  encode,
  expectHandled,
  hostileParameter,
  hostileValue,
  type PersonaName,
  queryString,
  rawEncoded,
} from './attack-kit.ts';

// SQL injection through every search parameter (OWASP ASVS 5.3.4, 5.3.5): each parameter of every API
// route that takes a query string, and each search parameter the CapabilityStatement declares, gets
// quotes, comments, UNIONs, stacked statements, NUL bytes, odd Unicode and very long values. Every
// answer is below 500 and a 4xx says why; a patient sees only her own rows; the database is as before.
// The parameters are read from the app (its OpenAPI description, made from the routes' schemas, and
// /fhir/R4/metadata), so new ones are attacked as soon as they exist.

/** Runs per parameter; the paging parameters every search shares (one parser) get fewer per type. */
const runs = 50;
const runsOfCommonParameters = 10;
const runsOfPathIds = 10;
const t = await createTestApp();
afterAll(() => t.close());
await t.app.ready();

const who = await cast(t, ['maria', 'coordinator', 'admin', 'researcher']);
const mariaId = who.maria.id;
const [birth] = await t.db.query<{ birth_date: string }>('SELECT birth_date FROM patients WHERE id = $1', [
  mariaId,
]);
const [phoenix] = await t.db.query<{ id: string }>("SELECT id FROM locations WHERE name LIKE '%Phoenix'");
const [acupuncture] = await t.db.query<{ id: string }>("SELECT id FROM services WHERE code = 'acupuncture'");
const locationId = phoenix!.id;
const serviceId = acupuncture!.id;
const before = await databaseState(t);

/**
 * How each API search is made when it is not under attack: as whom (a patient wherever patients may
 * use it, so that a leak of another patient's rows would show) and with which valid parameters.
 */
const apiSearches: Record<string, { as: PersonaName; query: Record<string, string> }> = {
  'GET /api/patients': { as: 'maria', query: { q: 'Lopez' } },
  'GET /api/admin/audit': { as: 'admin', query: { action: 'read', limit: '20' } },
  'GET /api/admin/audit.csv': { as: 'admin', query: { action: 'login', from: '2026-11-01T00:00:00Z' } },
  'GET /api/knowledge/names': { as: 'maria', query: { q: 'gin', kind: 'supplement' } },
  'GET /api/patients/{id}/diary': { as: 'maria', query: { from: '2026-10-01', to: '2026-11-22' } },
  'GET /api/patients/{id}/progress': { as: 'maria', query: { days: '90' } },
  'GET /api/outcomes/report': { as: 'researcher', query: { groupBy: 'therapy', measure: 'pain' } },
  'GET /api/outcomes/report.csv': { as: 'researcher', query: { groupBy: 'condition', measure: 'peg' } },
  'GET /api/outcomes/bedside': { as: 'researcher', query: { from: '2026-01-01', to: '2026-11-22' } },
  'GET /api/services': { as: 'maria', query: { locationId, includeInactive: 'false' } },
  'GET /api/slots': {
    as: 'maria',
    query: { serviceId, locationId, from: '2026-11-23', to: '2026-11-27', limit: '3' },
  },
  'GET /api/patients/{id}/coverage': { as: 'maria', query: { serviceId, locationId, date: '2026-11-30' } },
  'GET /api/calendar': { as: 'coordinator', query: { locationId, from: '2026-11-23', to: '2026-11-24' } },
  'GET /api/practitioners': { as: 'maria', query: { locationId, serviceId } },
  'GET /api/admin/credentials/expiring': { as: 'coordinator', query: { days: '60' } },
  'GET /api/waitlist': { as: 'coordinator', query: { locationId, serviceId } },
  'GET /api/coverage/queue': { as: 'coordinator', query: { locationId } },
};

/** The API's own description of its routes and parameters (from the zod schemas of the routes). */
const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
};
const apiGets = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  ops.get ? [{ path, parameters: ops.get.parameters ?? [] }] : [],
);

/** The API routes that declare a query string, with their parameter names. */
const apiRoutes = apiGets
  .filter((r) => r.parameters.some((p) => p.in === 'query'))
  .map((r) => ({
    key: `GET ${r.path}`,
    url: r.path.replace('{id}', mariaId),
    parameters: r.parameters.filter((p) => p.in === 'query').map((p) => p.name),
  }));

/** The FHIR searches and their parameters, as the CapabilityStatement declares them. */
const metadata = (await t.app.inject({ url: '/fhir/R4/metadata' })).json() as {
  rest: {
    resource: {
      type: string;
      interaction: { code: string }[];
      searchParam?: { name: string }[];
      searchInclude?: string[];
    }[];
  }[];
};
const fhirSearches = metadata.rest[0]!.resource.filter((r) =>
  r.interaction.some((i) => i.code === 'search-type'),
).map((r) => ({
  type: r.type,
  parameters: [...(r.searchParam ?? []).map((p) => p.name), ...(r.searchInclude ? ['_include'] : [])],
}));

/** Parameters every search takes (search-params.ts), attacked on each type. */
const commonFhirParameters = ['_count', '_offset'];

/** Valid values, so that an attack can ride on a request that would otherwise succeed. */
const validFhir: Record<string, string> = {
  _id: mariaId,
  patient: mariaId,
  subject: `Patient/${mariaId}`,
  identifier: `http://example.org|${personas.maria.mrn}`,
  name: 'Lopez',
  birthdate: birth!.birth_date,
  date: 'ge2026-01-01',
  start: 'ge2026-11-23',
  authored: 'ge2026-01-01',
  status: 'active',
  location: `Location/${locationId}`,
  'service-type': 'acupuncture',
  _include: 'PractitionerRole:practitioner',
  _count: '5',
  _offset: '0',
};
/** FHIR searches that need a parameter to be answered at all. */
const fhirBaseline: Record<string, Record<string, string>> = {
  Slot: { 'service-type': 'acupuncture', start: 'ge2026-11-23', _count: '3' },
};
/** Searches a patient may not make at all are attacked as an administrator. */
const fhirAs: Record<string, PersonaName> = { AuditEvent: 'admin' };

interface Target {
  label: string;
  path: string;
  fhir: boolean;
  as: PersonaName;
  baseline: Record<string, string>;
  parameter: string;
  valid: string;
  runs: number;
}

const apiTargets: Target[] = apiRoutes.flatMap((route) => {
  const search = apiSearches[route.key];
  if (!search) return [];
  return route.parameters.map((parameter) => ({
    label: `${route.key} ?${parameter}`,
    path: route.url,
    fhir: false,
    as: search.as,
    baseline: search.query,
    parameter,
    valid: search.query[parameter] ?? '',
    runs,
  }));
});

const fhirTargets: Target[] = fhirSearches.flatMap((search) =>
  [...search.parameters, ...commonFhirParameters].map((parameter) => ({
    label: `GET /fhir/R4/${search.type} ?${parameter}`,
    path: `/fhir/R4/${search.type}`,
    fhir: true,
    as: fhirAs[search.type] ?? 'maria',
    baseline: fhirBaseline[search.type] ?? {},
    parameter,
    valid: validFhir[parameter] ?? '',
    runs: commonFhirParameters.includes(parameter) ? runsOfCommonParameters : runs,
  })),
);

async function attack(target: Target, values: string[], raw?: string) {
  const params: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(target.baseline)) params[k] = [v];
  params[target.parameter] = values;
  let qs = queryString(params);
  if (raw !== undefined) qs += `&${encodeURIComponent(target.parameter)}=${raw}`;
  const res = await t.app.inject({ url: `${target.path}?${qs}`, headers: who.as(target.as) });
  const label = `${target.label} = ${JSON.stringify(values).slice(0, 200)}${raw ?? ''}`;
  expectHandled(res, target.fhir, label);
  if (target.as === 'maria') {
    for (const marker of who.othersMarkers)
      expect(res.body, `${label} leaked ${marker}`).not.toContain(marker);
  }
  return res;
}

describe('the attack surface is known', () => {
  it('has a valid request for every API route that takes a query string, and each answers 2xx', async () => {
    expect(apiRoutes.map((r) => r.key).sort()).toEqual(Object.keys(apiSearches).sort());
    for (const route of apiRoutes) {
      const search = apiSearches[route.key]!;
      const res = await t.app.inject({
        url: `${route.url}?${queryString(Object.fromEntries(Object.entries(search.query).map(([k, v]) => [k, [v]])))}`,
        headers: who.as(search.as),
      });
      expect(res.statusCode, `${route.key}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
    }
    expect(apiTargets.length).toBeGreaterThanOrEqual(60);
  });

  it('reads every FHIR search parameter from the CapabilityStatement, and each search answers 2xx', async () => {
    expect(fhirSearches.length).toBeGreaterThanOrEqual(20);
    for (const search of fhirSearches) {
      const res = await t.app.inject({
        url: `/fhir/R4/${search.type}?${queryString(Object.fromEntries(Object.entries(fhirBaseline[search.type] ?? {}).map(([k, v]) => [k, [v]])))}`,
        headers: who.as(fhirAs[search.type] ?? 'maria'),
      });
      expect(res.statusCode, `${search.type}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.json().resourceType).toBe('Bundle');
    }
  });
});

describe.each([
  ['API', apiTargets],
  ['FHIR', fhirTargets],
])('SQL injection through %s search parameters', (_kind, targets) => {
  it.each(targets.map((target) => [target.label, target] as const))(
    '%s: never a 5xx, a 4xx says why, no other patient leaks',
    async (_label, target) => {
      for (const raw of rawEncoded) await attack(target, [target.valid], raw);
      await fc.assert(
        fc.asyncProperty(hostileParameter(target.valid), async (values) => {
          await attack(target, values);
        }),
        { seed: attackSeed, numRuns: target.runs },
      );
    },
  );
});

/** Ids in paths: every GET route with a path parameter, and the FHIR read of every readable type. */
const zeroId = '00000000-0000-0000-0000-000000000000';
const pathTargets = [
  ...apiGets
    .filter((r) => r.path.includes('{'))
    .flatMap((r) => {
      const query = apiSearches[`GET ${r.path}`]?.query ?? {};
      return r.parameters
        .filter((p) => p.in === 'path')
        .map(({ name }) => ({
          label: `GET ${r.path} {${name}}`,
          fhir: false,
          url: (value: string) =>
            `${r.path.replace(/\{(\w+)\}/g, (_m, n: string) =>
              n === name ? encode(value) : n === 'id' ? mariaId : n === 'version' ? '1' : zeroId,
            )}?${queryString(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])))}`,
          valid: name === 'id' ? mariaId : '',
        }));
    }),
  ...metadata.rest[0]!.resource.filter((r) => r.interaction.some((i) => i.code === 'read')).map((r) => ({
    label: `GET /fhir/R4/${r.type}/{id}`,
    fhir: true,
    url: (value: string) => `/fhir/R4/${r.type}/${encode(value)}`,
    valid: r.type === 'Patient' ? mariaId : '',
  })),
];

describe('SQL injection through ids in paths', () => {
  it.each(pathTargets.map((target) => [target.label, target] as const))(
    '%s: never a 5xx, a 4xx says why, no other patient leaks',
    async (label, target) => {
      await fc.assert(
        fc.asyncProperty(hostileValue(target.valid), async (value) => {
          const res = await t.app.inject({ url: target.url(value), headers: who.as('maria') });
          expectHandled(res, target.fhir, `${label} = ${JSON.stringify(value).slice(0, 200)}`);
          for (const marker of who.othersMarkers)
            expect(res.body, `${label} leaked ${marker}`).not.toContain(marker);
        }),
        { seed: attackSeed, numRuns: runsOfPathIds },
      );
    },
  );
});

describe('after the attacks', () => {
  it('a patient searching by name finds herself only, even with a pattern that matches everyone', async () => {
    for (const q of ['Lop', '%', '_', "' OR 1=1--", "%' OR '1'='1", "Lop' OR '1'='1"]) {
      const api = await t.app.inject({
        url: `/api/patients?q=${encodeURIComponent(q)}`,
        headers: who.as('maria'),
      });
      expect(api.statusCode).toBe(200);
      const found = (api.json().patients as { id: string }[]).map((p) => p.id);
      expect(found).toEqual(q === 'Lop' || found.length ? [mariaId] : []);
      const fhir = await t.app.inject({
        url: `/fhir/R4/Patient?name=${encodeURIComponent(q)}`,
        headers: who.as('maria'),
      });
      expect(fhir.statusCode).toBe(200);
      const matched = ((fhir.json().entry ?? []) as { resource: { id: string } }[]).map((e) => e.resource.id);
      expect(matched).toEqual(q === 'Lop' || matched.length ? [mariaId] : []);
    }
  });

  it('leaves every table as it was (only the audit trail grew)', async () => {
    const after = await databaseState(t);
    expect(after.fingerprints).toEqual(before.fingerprints);
    const { audit_events: auditBefore, ...restBefore } = before.counts;
    const { audit_events: auditAfter, ...restAfter } = after.counts;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter).toBeGreaterThanOrEqual(auditBefore!);
  });
});
