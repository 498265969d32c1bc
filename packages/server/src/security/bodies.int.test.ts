import zlib from 'node:zlib';
import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled } from './attack-kit.ts';

// Hostile request bodies (OWASP ASVS 5.1.3, 5.1.4, 12.1.1, 13.1.3): too large (413 before anything is
// read into memory or stored), not JSON, JSON of the wrong shape or with values of the wrong type (400
// with a message that names the field), compressed or prototype-polluting bodies. Every route that takes
// a JSON body is attacked, read from the API's own OpenAPI description; FHIR create and update too.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: Json[];
  const?: Json;
  properties?: Record<string, Schema>;
}
interface BodyRoute {
  method: string;
  path: string;
  url: string;
  properties: Record<string, Schema>;
}

let t: TestApp;
let maria: { authorization: string };
let mariaId: string;
let bodyRoutes: BodyRoute[];
const zeroId = '00000000-0000-0000-0000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  maria = bearer(await t.login(personas.maria.email));
  mariaId = (await t.app.inject({ url: '/api/me', headers: maria })).json().patientId;
  const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
    >;
  };
  bodyRoutes = Object.entries(openapi.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema?.properties) return [];
      // Path parameters that pass validation, so that the body is what is judged.
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'id' ? mariaId : name === 'date' ? '2026-11-22' : zeroId,
      );
      return [{ method: method.toUpperCase(), path, url, properties: schema.properties }];
    }),
  );
});
afterAll(() => t.close());

/** The JSON types a schema accepts. */
function typesOf(schema: Schema): Set<string> {
  const out = new Set<string>();
  for (const type of [schema.type ?? []].flat()) out.add(type === 'integer' ? 'number' : type);
  for (const value of [...(schema.enum ?? []), ...(schema.const !== undefined ? [schema.const] : [])])
    out.add(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    for (const x of typesOf(sub)) out.add(x);
  return out;
}

/** A value of a type the schema does not accept. */
function wrongValueFor(schema: Schema): Json {
  const accepted = typesOf(schema);
  const candidates: [string, Json][] = [
    ['object', { not: 'this' }],
    ['number', 12345],
    ['string', 'not a valid value'],
    ['boolean', true],
    ['array', [{}]],
  ];
  return candidates.find(([type]) => !accepted.has(type))![1];
}

const inject = (
  method: string,
  url: string,
  payload: string | Buffer,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: method as 'POST',
    url,
    headers: { ...maria, 'content-type': 'application/json', ...headers },
    payload,
  });

const fhirWrites = () => [
  { method: 'POST', url: '/fhir/R4/MedicationStatement', resourceType: 'MedicationStatement' },
  { method: 'POST', url: '/fhir/R4/QuestionnaireResponse', resourceType: 'QuestionnaireResponse' },
  { method: 'POST', url: '/fhir/R4/Appointment', resourceType: 'Appointment' },
  { method: 'PUT', url: `/fhir/R4/Appointment/${zeroId}`, resourceType: 'Appointment' },
  { method: 'POST', url: `/fhir/R4/Patient/${mariaId}/$import-pcp`, resourceType: 'Bundle' },
];

describe('oversized bodies', () => {
  it('are refused with 413 and a message on every API route that takes a body, before any is stored', async () => {
    const counts = await t.db.query('SELECT count(*)::int8 AS n FROM regimen_items');
    const big = JSON.stringify({ text: 'x'.repeat(t.config.bodyLimit + 1) });
    expect(bodyRoutes.length).toBeGreaterThan(30);
    for (const route of bodyRoutes) {
      const res = await inject(route.method, route.url, big);
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/too large/),
      });
    }
    expect(await t.db.query('SELECT count(*)::int8 AS n FROM regimen_items')).toEqual(counts);
  });

  it('are refused with 413 as an OperationOutcome on FHIR create and update, in either JSON type', async () => {
    for (const write of fhirWrites()) {
      for (const type of ['application/fhir+json', 'application/json']) {
        const body = JSON.stringify({
          resourceType: write.resourceType,
          note: 'x'.repeat(t.config.bodyLimit),
        });
        const res = await inject(write.method, write.url, body, { 'content-type': type });
        expect(res.statusCode, `${write.method} ${write.url} ${type}`).toBe(413);
        expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
        expect(res.json()).toMatchObject({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', diagnostics: expect.stringMatching(/too large/) }],
        });
      }
    }
  });

  it('are not read at all from a caller who is not signed in', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/patients/${mariaId}/intake`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ reasons: 'x'.repeat(2 * t.config.bodyLimit) }),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('malformed bodies', () => {
  const broken = [
    '{"reasons": ',
    '{reasons: "x"}',
    "{'reasons': 'x'}",
    '{"a":1}}',
    '\u0000',
    'null',
    '[]',
    '"text"',
    '42',
  ];

  it('answer 400 with a message on every API route that takes a body: not JSON, or not an object', async () => {
    for (const route of bodyRoutes) {
      for (const body of broken) {
        const res = await inject(route.method, route.url, body);
        expectHandled(res, false, `${route.method} ${route.path} ${JSON.stringify(body)}`);
        expect(res.statusCode, `${route.method} ${route.path} ${JSON.stringify(body)}`).toBe(400);
      }
    }
  });

  it('answer 400 with an OperationOutcome on FHIR create and update', async () => {
    for (const write of fhirWrites()) {
      for (const body of [...broken, JSON.stringify({ resourceType: 'Patient' })]) {
        const res = await inject(write.method, write.url, body, { 'content-type': 'application/fhir+json' });
        expectHandled(res, true, `${write.method} ${write.url} ${JSON.stringify(body)}`);
        expect(res.statusCode, `${write.method} ${write.url} ${body}`).toBe(400);
      }
    }
  });

  it('answer 400 when the body is sent as another media type, or compressed', async () => {
    const url = `/api/patients/${mariaId}/diary/2026-11-22`;
    const form = await inject('PUT', url, 'painNow=3', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.message).toMatch(/Content-Type: application\/json/);
    const plain = await inject('PUT', url, '{"painNow": 3}', { 'content-type': 'text/plain' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.message).toMatch(/body: .*expected object/);
    // A small gzip that would inflate to 50 MB is not inflated.
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(t.config.bodyLimit);
    const gzipped = await inject('PUT', url, bomb, { 'content-encoding': 'gzip' });
    expectHandled(gzipped, false, 'gzip body');
    expect(gzipped.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuse a prototype-polluting body without polluting anything', async () => {
    for (const body of [
      '{"__proto__": {"role": "admin"}, "painNow": 3}',
      '{"constructor": {"prototype": {"role": "admin"}}}',
    ]) {
      const res = await inject('PUT', `/api/patients/${mariaId}/diary/2026-11-22`, body);
      expectHandled(res, false, body);
      expect(res.statusCode).toBe(400);
    }
    expect(({} as { role?: string }).role).toBeUndefined();
  });

  it('answer 400 to a JSON body nested thousands of levels deep', async () => {
    const deep = `{"reasons": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await inject('PUT', `/api/patients/${mariaId}/intake`, deep);
    expectHandled(res, false, 'deep nesting');
    expect(res.statusCode).toBe(400);
  });
});

describe('values of the wrong type', () => {
  it('answer 400 with a message naming the field, for every field of every API route that takes a body', async () => {
    let fields = 0;
    for (const route of bodyRoutes) {
      for (const [name, schema] of Object.entries(route.properties)) {
        const body = JSON.stringify({ [name]: wrongValueFor(schema) });
        const res = await inject(route.method, route.url, body);
        const label = `${route.method} ${route.path} ${body}`;
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(res.json().error.code, label).toBe('VALIDATION');
        expect(res.json().error.message, label).toContain(name);
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(100);
  });

  it('answer 400 with an OperationOutcome that says what is wrong on FHIR create and update', async () => {
    const cases: [string, string, object, RegExp][] = [
      [
        'POST',
        '/fhir/R4/MedicationStatement',
        { resourceType: 'MedicationStatement', status: 42 },
        /status|subject|medication/i,
      ],
      [
        'POST',
        '/fhir/R4/MedicationStatement',
        { resourceType: 'MedicationStatement', subject: 'Patient/1' },
        /subject/i,
      ],
      [
        'POST',
        '/fhir/R4/QuestionnaireResponse',
        { resourceType: 'QuestionnaireResponse', item: 'x' },
        /item|questionnaire|status/i,
      ],
      ['POST', '/fhir/R4/Appointment', { resourceType: 'Appointment', slot: 'Slot/1' }, /slot/i],
      ['PUT', `/fhir/R4/Appointment/${zeroId}`, { resourceType: 'Appointment', id: 42 }, /id/i],
      ['POST', `/fhir/R4/Patient/${mariaId}/$import-pcp`, { resourceType: 42, entry: [] }, /bundle/i],
      // Nested values of the wrong type (these were TypeErrors answered 500).
      [
        'POST',
        '/fhir/R4/MedicationStatement',
        { resourceType: 'MedicationStatement', subject: { reference: 42 } },
        /subject/i,
      ],
      ['POST', '/fhir/R4/Appointment', { resourceType: 'Appointment', slot: [{ reference: 42 }] }, /slot/i],
      [
        'POST',
        '/fhir/R4/Appointment',
        { resourceType: 'Appointment', slot: [null], participant: 'x' },
        /slot/i,
      ],
      [
        'PUT',
        `/fhir/R4/Appointment/${zeroId}`,
        { resourceType: 'Appointment', id: zeroId, status: 'cancelled', cancelationReason: { text: 42 } },
        /cancelationReason|not found|no appointment/i,
      ],
      [
        'POST',
        `/fhir/R4/Patient/${mariaId}/$import-pcp`,
        { resourceType: 'Bundle', type: 'collection', entry: 'x' },
        /entry/i,
      ],
    ];
    for (const [method, url, body, says] of cases) {
      const res = await inject(method, url, JSON.stringify(body), {
        'content-type': 'application/fhir+json',
      });
      expectHandled(res, true, `${method} ${url}`);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().issue[0].diagnostics, `${method} ${url}`).toMatch(says);
    }
  });
});
