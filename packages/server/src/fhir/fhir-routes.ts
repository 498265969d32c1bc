import {
  capabilityStatement,
  meridianBase,
  patientResource,
  programOrganization,
  programOrganizationId,
  type SupportedResource,
} from '@meridian/fhir';
import type { FastifyInstance } from 'fastify';
import { readableList } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { locations, practitioners } from './directory-records.ts';
import { importOperation } from './fhir-import-routes.ts';
import { fhirJson, isFhirRequest } from './outcomes.ts';
import { baseUrl, one, onlyParams, type Query, searchPage, uuidPattern } from './search-params.ts';

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
    operations: [
      // Canonical URL from the R4 specification (operation-patient-everything.html).
      { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
      // Meridian's own: a record from the primary care provider, to reconcile (fhir-import-routes.ts).
      { name: importOperation, definition: `${meridianBase}/OperationDefinition/Patient-${importOperation}` },
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
  {
    type: 'CareTeam',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'subject', type: 'reference' },
    ],
  },
  ...(
    [
      'MedicationStatement',
      'Condition',
      'DetectedIssue',
      'AllergyIntolerance',
      'CarePlan',
      'Goal',
      'Communication',
    ] as const
  ).map(
    (type): SupportedResource => ({
      type,
      interactions:
        type === 'MedicationStatement' ? ['read', 'search-type', 'create'] : ['read', 'search-type'],
      searchParams: [
        { name: '_id', type: 'token' },
        { name: 'patient', type: 'reference' },
        ...(type === 'MedicationStatement' || type === 'Condition'
          ? [{ name: 'status', type: 'token' as const }]
          : []),
      ],
    }),
  ),
  {
    type: 'PractitionerRole',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'practitioner', type: 'reference' },
      { name: 'location', type: 'reference' },
    ],
    searchInclude: ['PractitionerRole:practitioner', 'PractitionerRole:location'],
  },
  {
    type: 'AuditEvent',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'date', type: 'date' },
    ],
  },
  {
    type: 'Composition',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'subject', type: 'reference' },
    ],
    operations: [
      // Canonical URL from the R4 specification (operation-composition-document.html).
      { name: 'document', definition: 'http://hl7.org/fhir/OperationDefinition/Composition-document' },
    ],
  },
  {
    type: 'Observation',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'subject', type: 'reference' },
      { name: 'code', type: 'token' },
      { name: 'date', type: 'date' },
    ],
  },
  {
    type: 'Questionnaire',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'url', type: 'uri' },
    ],
  },
  {
    type: 'QuestionnaireResponse',
    interactions: ['read', 'search-type', 'create'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'subject', type: 'reference' },
      { name: 'authored', type: 'date' },
    ],
  },
];

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
  // FHIR answers are application/fhir+json. (A callback hook: it runs on every answer of the server.)
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      isFhirRequest(request) &&
      String(reply.getHeader('content-type') ?? '').startsWith('application/json')
    ) {
      reply.type(fhirJson);
    }
    done(null, payload);
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
    const id = one(q, '_id');
    const identifier = one(q, 'identifier');
    const name = one(q, 'name');
    const birthdate = one(q, 'birthdate');
    if (id && !uuidPattern.test(id)) return searchPage(request, 'Patient', [], q);
    const mrn = identifier?.includes('|') ? identifier.split('|')[1] : identifier;
    if (birthdate && !/^\d{4}-\d{2}-\d{2}$/.test(birthdate))
      fail('VALIDATION', 'birthdate is a date, YYYY-MM-DD.');
    const rows = await readableList(
      deps.db,
      ctx,
      (db) =>
        db.query<PatientRow>(
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
        ),
      (r) => r.id,
      'demographics',
      'Patient',
    );
    return searchPage(request, 'Patient', rows.map(toPatient), q);
  });

  // The staff directory and the program's places: read and search by _id and name, for anyone signed in.
  const directory = [
    ['Practitioner', practitioners],
    ['Location', locations],
  ] as const;
  for (const [type, load] of directory) {
    app.get<{ Params: { id: string } }>(
      `/fhir/R4/${type}/:id`,
      { schema: { hide: true } },
      async (request) => {
        contextOf(request);
        const [found] = uuidPattern.test(request.params.id) ? await load(deps.db, request.params.id) : [];
        if (!found) fail('NOT_FOUND', `No ${type} with this id.`);
        return found;
      },
    );

    app.get<{ Querystring: Query }>(`/fhir/R4/${type}`, { schema: { hide: true } }, async (request) => {
      contextOf(request);
      const q = request.query;
      onlyParams(q, type, ['_id', 'name']);
      const id = one(q, '_id');
      if (id && !uuidPattern.test(id)) return searchPage(request, type, [], q);
      return searchPage(request, type, await load(deps.db, id, one(q, 'name')), q);
    });
  }

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
    const id = one(q, '_id');
    return searchPage(
      request,
      'Organization',
      !id || id === programOrganizationId ? [programOrganization()] : [],
      q,
    );
  });
}
