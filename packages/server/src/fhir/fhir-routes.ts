import {
  capabilityStatement,
  type FhirResource,
  locationResource,
  patientResource,
  practitionerResource,
  programOrganization,
  programOrganizationId,
  type SupportedResource,
  searchBundle,
} from '@meridian/fhir';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { keepReadable } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import type { Queryable } from '../db/database.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { fhirJson, isFhirRequest } from './outcomes.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxCount = 100;

const supported: SupportedResource[] = [
  {
    type: 'Patient',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'identifier', type: 'token' },
      { name: 'name', type: 'string' },
      { name: 'birthdate', type: 'date' },
    ],
  },
  {
    type: 'Practitioner',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
    ],
  },
  {
    type: 'Location',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
    ],
  },
  {
    type: 'Organization',
    interactions: ['read', 'search-type'],
    searchParams: [{ name: '_id', type: 'token' }],
  },
  {
    type: 'HealthcareService',
    interactions: ['search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
      { name: 'location', type: 'reference' },
      { name: 'service-type', type: 'token' },
    ],
  },
  {
    type: 'Schedule',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'actor', type: 'reference' },
      { name: 'service-type', type: 'token' },
    ],
  },
  {
    type: 'Slot',
    interactions: ['search-type'],
    searchParams: [
      { name: 'schedule', type: 'reference' },
      { name: 'service-type', type: 'token' },
      { name: 'start', type: 'date' },
      { name: 'status', type: 'token' },
    ],
  },
  {
    type: 'Appointment',
    interactions: ['read', 'search-type', 'create', 'update'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'patient', type: 'reference' },
      { name: 'date', type: 'date' },
      { name: 'status', type: 'token' },
    ],
  },
];

type Query = Record<string, string | string[] | undefined>;

/** One value of a search parameter; repeated parameters are refused rather than half-honoured. */
function param(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) fail('VALIDATION', `Give ${name} once.`);
  return v === undefined || v === '' ? undefined : v;
}

/** Refuses parameters this server does not support (a silently ignored filter would return too much). */
function onlyParams(q: Query, type: string, names: string[]): void {
  const allowed = new Set([...names, '_count', '_offset', '_format']);
  for (const key of Object.keys(q)) {
    if (!allowed.has(key))
      fail(
        'VALIDATION',
        `${type} search does not support the parameter "${key}". Supported: ${[...allowed].join(', ')}.`,
      );
  }
}

function paging(q: Query): { count: number; offset: number } {
  const count = Number(param(q, '_count') ?? 20);
  const offset = Number(param(q, '_offset') ?? 0);
  if (!Number.isInteger(count) || count < 0 || count > maxCount)
    fail('VALIDATION', `_count is a whole number from 0 to ${maxCount}.`);
  if (!Number.isInteger(offset) || offset < 0) fail('VALIDATION', '_offset is a whole number of 0 or more.');
  return { count, offset };
}

function baseUrl(request: FastifyRequest): string {
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${host}/fhir/R4`;
}

/** The Bundle for one page of results, with self and next links that keep the other parameters. */
function page(request: FastifyRequest, type: string, all: FhirResource[], q: Query) {
  const { count, offset } = paging(q);
  const base = baseUrl(request);
  const link = (o: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (typeof v === 'string' && k !== '_offset') params.set(k, v);
    params.set('_count', String(count));
    params.set('_offset', String(o));
    return `${base}/${type}?${params}`;
  };
  return searchBundle(base, all.slice(offset, offset + count), {
    total: all.length,
    self: link(offset),
    next: offset + count < all.length ? link(offset + count) : undefined,
  });
}

interface PatientRow {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
  email: string | null;
  address_line: string | null;
  address_city: string | null;
  address_state: string | null;
  address_postal_code: string | null;
  home_location_id: string | null;
  pcp_name: string | null;
  pcp_organization: string | null;
  updated_at: Date;
}

const toPatient = (r: PatientRow) =>
  patientResource({
    id: r.id,
    mrn: r.mrn,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    sex: r.sex,
    phone: r.phone,
    email: r.email,
    address: {
      line: r.address_line,
      city: r.address_city,
      state: r.address_state,
      postalCode: r.address_postal_code,
    },
    homeLocationId: r.home_location_id,
    pcp: { name: r.pcp_name, organization: r.pcp_organization },
    updatedAt: r.updated_at,
  });

async function practitioners(q: Queryable, id?: string, name?: string): Promise<FhirResource[]> {
  const users = await q.query<{
    id: string;
    display_name: string;
    active: boolean;
    discipline: string | null;
    role: 'clinician' | 'volunteer';
  }>(
    `SELECT id, display_name, active, discipline, role FROM users
      WHERE role IN ('clinician', 'volunteer') AND ($1::uuid IS NULL OR id = $1::uuid)
        AND ($2::text IS NULL OR display_name ILIKE '%' || $2 || '%') ORDER BY display_name`,
    [id ?? null, name ?? null],
  );
  const creds = await q.query<{
    user_id: string;
    kind: string;
    name: string;
    number: string;
    issuer: string;
    issued_on: string | null;
    expires_on: string | null;
  }>(
    `SELECT c.user_id, c.kind, k.name, c.number, c.issuer, c.issued_on, c.expires_on
       FROM credentials c JOIN credential_kinds k ON k.code = c.kind WHERE c.user_id = ANY ($1::uuid[]) ORDER BY k.name`,
    [users.map((u) => u.id)],
  );
  return users.map((u) =>
    practitionerResource({
      id: u.id,
      name: u.display_name,
      active: u.active,
      discipline: u.discipline,
      role: u.role,
      credentials: creds
        .filter((c) => c.user_id === u.id)
        .map((c) => ({
          kind: c.kind,
          name: c.name,
          number: c.number,
          issuer: c.issuer,
          issuedOn: c.issued_on,
          expiresOn: c.expires_on,
        })),
    }),
  );
}

async function locations(q: Queryable, id?: string, name?: string): Promise<FhirResource[]> {
  const rows = await q.query<{
    id: string;
    code: string;
    name: string;
    city: string;
    state: string;
    time_zone: string;
  }>(
    `SELECT id, code, name, city, state, time_zone FROM locations
      WHERE ($1::uuid IS NULL OR id = $1::uuid) AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%') ORDER BY name`,
    [id ?? null, name ?? null],
  );
  return rows.map((l) =>
    locationResource({
      id: l.id,
      code: l.code,
      name: l.name,
      city: l.city,
      state: l.state,
      timeZone: l.time_zone,
    }),
  );
}

/** FHIR R4 at /fhir/R4: the same sign-in and access policy as the rest of the API. */
export function fhirRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addContentTypeParser(['application/fhir+json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(
        Object.assign(new Error('The body is not valid JSON.'), {
          statusCode: 400,
          code: 'FST_ERR_CTP_INVALID_JSON',
        }),
        undefined,
      );
    }
  });
  // FHIR answers are application/fhir+json.
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      isFhirRequest(request) &&
      String(reply.getHeader('content-type') ?? '').startsWith('application/json')
    ) {
      reply.type(fhirJson);
    }
    return payload;
  });

  app.get('/fhir/R4/metadata', { config: { public: true }, schema: { hide: true } }, async (request) =>
    capabilityStatement({
      base: baseUrl(request),
      version: '0.1.0',
      date: '2026-11-22',
      resources: supported,
    }),
  );

  app.get<{ Params: { id: string } }>('/fhir/R4/Patient/:id', { schema: { hide: true } }, async (request) => {
    const ctx = contextOf(request);
    return withPatientAccess(
      deps.db,
      ctx,
      request.params.id,
      { category: 'demographics', mode: 'read', action: 'read', resourceType: 'Patient' },
      async (q) => {
        const [row] = await q.query<PatientRow>('SELECT * FROM patients WHERE id = $1', [request.params.id]);
        return toPatient(row!);
      },
    );
  });

  app.get<{ Querystring: Query }>('/fhir/R4/Patient', { schema: { hide: true } }, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'Patient', ['_id', 'identifier', 'name', 'birthdate']);
    const id = param(q, '_id');
    const identifier = param(q, 'identifier');
    const name = param(q, 'name');
    const birthdate = param(q, 'birthdate');
    if (id && !uuidPattern.test(id)) return page(request, 'Patient', [], q);
    const mrn = identifier?.includes('|') ? identifier.split('|')[1] : identifier;
    if (birthdate && !/^\d{4}-\d{2}-\d{2}$/.test(birthdate))
      fail('VALIDATION', 'birthdate is a date, YYYY-MM-DD.');
    const rows = await deps.db.tx(async (tx) => {
      const candidates = await tx.query<PatientRow>(
        `SELECT * FROM patients
          WHERE ($1::uuid IS NULL OR id = $1::uuid) AND ($2::text IS NULL OR mrn = $2)
            AND ($3::text IS NULL OR given_name ILIKE '%' || $3 || '%' OR family_name ILIKE '%' || $3 || '%')
            AND ($4::date IS NULL OR birth_date = $4::date)
            AND ($5::uuid IS NULL OR id = $5::uuid)
          ORDER BY family_name, given_name LIMIT 1000`,
        [
          id ?? null,
          mrn ?? null,
          name ?? null,
          birthdate ?? null,
          ctx.user.role === 'patient' ? ctx.user.patientId : null,
        ],
      );
      return keepReadable(tx, ctx, candidates, (r) => r.id, 'demographics', 'Patient');
    });
    return page(request, 'Patient', rows.map(toPatient), q);
  });

  app.get<{ Params: { id: string } }>(
    '/fhir/R4/Practitioner/:id',
    { schema: { hide: true } },
    async (request) => {
      contextOf(request);
      if (!uuidPattern.test(request.params.id)) fail('NOT_FOUND', 'No Practitioner with this id.');
      const [found] = await practitioners(deps.db, request.params.id);
      if (!found) fail('NOT_FOUND', 'No Practitioner with this id.');
      return found;
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/Practitioner', { schema: { hide: true } }, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'Practitioner', ['_id', 'name']);
    const id = param(q, '_id');
    if (id && !uuidPattern.test(id)) return page(request, 'Practitioner', [], q);
    return page(request, 'Practitioner', await practitioners(deps.db, id, param(q, 'name')), q);
  });

  app.get<{ Params: { id: string } }>(
    '/fhir/R4/Location/:id',
    { schema: { hide: true } },
    async (request) => {
      contextOf(request);
      if (!uuidPattern.test(request.params.id)) fail('NOT_FOUND', 'No Location with this id.');
      const [found] = await locations(deps.db, request.params.id);
      if (!found) fail('NOT_FOUND', 'No Location with this id.');
      return found;
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/Location', { schema: { hide: true } }, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'Location', ['_id', 'name']);
    const id = param(q, '_id');
    if (id && !uuidPattern.test(id)) return page(request, 'Location', [], q);
    return page(request, 'Location', await locations(deps.db, id, param(q, 'name')), q);
  });

  app.get<{ Params: { id: string } }>(
    '/fhir/R4/Organization/:id',
    { schema: { hide: true } },
    async (request) => {
      contextOf(request);
      if (request.params.id !== programOrganizationId) fail('NOT_FOUND', 'No Organization with this id.');
      return programOrganization();
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/Organization', { schema: { hide: true } }, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'Organization', ['_id']);
    const id = param(q, '_id');
    return page(
      request,
      'Organization',
      !id || id === programOrganizationId ? [programOrganization()] : [],
      q,
    );
  });
}
