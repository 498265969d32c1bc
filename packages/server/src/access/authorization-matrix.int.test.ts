// The authorization matrix: every API and FHIR route in the route table × every role × a patient the
// caller may see and one they may not. The expected answer of every cell is written down once, in
// authorization-matrix.expected.ts; the test fails on any difference, and on a route that has no row
// there (a new route must be placed in the matrix before it ships). Lists and searches are also read
// for leaks: every patient id in an answer must be one the caller may see.
import { randomUUID } from 'node:crypto';
import { dateInZone } from '@meridian/domain';
import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../http/route-table.ts';
import { exampleOf, exampleQuery } from './authorization-matrix.examples.ts';
import {
  type Cell,
  expectedMatrix,
  leakExempt,
  matrixPersonas,
  type PersonaKey,
} from './authorization-matrix.expected.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const tokens = new Map<PersonaKey, string>();
/** Patients each persona may see (from the data: care teams, bedside assignments). */
const visible = new Map<PersonaKey, Set<string>>();
let allPatients: Set<string>;
let questionnaireUrl = '';

const emails: Record<Exclude<PersonaKey, 'anonymous'>, string> = {
  patient: personas.maria.email,
  clinician: personas.drPatel.email,
  coordinator: personas.coordinator.email,
  volunteer: personas.volunteer.email,
  admin: personas.admin.email,
  researcher: personas.researcher.email,
};

beforeAll(async () => {
  t = await createTestApp();
  const one = async (sql: string, params: unknown[] = []) =>
    ((await t.db.query<{ id: string }>(sql, params))[0]?.id as string | undefined) ?? randomUUID();
  const patients = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  allPatients = new Set(patients.map((p) => p.id));
  ids.maria = patients.find((p) => p.mrn === personas.maria.mrn)!.id;
  ids.james = patients.find((p) => p.mrn === personas.james.mrn)!.id;
  for (const [key, email] of Object.entries(emails) as [Exclude<PersonaKey, 'anonymous'>, string][]) {
    tokens.set(key, await t.login(email));
  }
  const user = async (email: string) => one('SELECT id FROM users WHERE email = $1', [email]);
  const patel = await user(personas.drPatel.email);
  const volunteer = await user(personas.volunteer.email);
  const onTeam = await t.db.query<{ patient_id: string }>(
    'SELECT patient_id FROM care_team_members WHERE user_id = $1',
    [patel],
  );
  const bedside = await t.db.query<{ patient_id: string }>(
    "SELECT patient_id FROM bedside_assignments WHERE volunteer_user_id = $1 AND status = 'scheduled'",
    [volunteer],
  );
  visible.set('anonymous', new Set());
  visible.set('patient', new Set([ids.maria]));
  visible.set('clinician', new Set(onTeam.map((r) => r.patient_id)));
  visible.set('coordinator', allPatients);
  visible.set('volunteer', new Set(bedside.map((r) => r.patient_id)));
  visible.set('admin', new Set());
  visible.set('researcher', new Set());
  // The matrix's premise: Dr Patel cares for Maria and not James; the volunteer has neither.
  expect(visible.get('clinician')!.has(ids.maria)).toBe(true);
  expect(visible.get('clinician')!.has(ids.james)).toBe(false);
  // Ids of things that are not a patient's.
  ids.userId = patel;
  ids.serviceId = await one('SELECT id FROM services ORDER BY code LIMIT 1');
  ids.locationId = await one('SELECT id FROM locations ORDER BY code LIMIT 1');
  ids.orderId = await one('SELECT id FROM bedside_orders LIMIT 1');
  ids.assignmentId = await one('SELECT id FROM bedside_assignments WHERE volunteer_user_id = $1 LIMIT 1', [
    volunteer,
  ]);
  ids.articleId = 'herbs-supplements-safety';
  ids.date = dateInZone(t.clock.now(), 'America/Phoenix');
  // An allergy each, so that reading or confirming one reaches the policy.
  for (const p of [ids.maria, ids.james]) {
    await t.db.query(
      `INSERT INTO allergies (patient_id, substance, entered_by_role, recorded_at) VALUES ($1, 'penicillin', 'patient', now())`,
      [p],
    );
  }
  // Each patient's own things, so that a refusal is about whose they are, not that they are missing.
  for (const who of ['maria', 'james'] as const) {
    const p = ids[who]!;
    ids[`${who}:itemId`] = await one('SELECT id FROM regimen_items WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:allergyId`] = await one('SELECT id FROM allergies WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:attendanceId`] = await one('SELECT id FROM attendances WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:findingId`] = await one('SELECT id FROM safety_findings WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:consultationId`] = await one('SELECT id FROM consultations WHERE patient_id = $1 LIMIT 1', [
      p,
    ]);
    ids[`${who}:summaryId`] = await one('SELECT id FROM visit_summaries WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:entryId`] = await one('SELECT id FROM waitlist_entries WHERE patient_id = $1 LIMIT 1', [p]);
    ids[`${who}:offerId`] = await one(
      'SELECT o.id FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id WHERE e.patient_id = $1 LIMIT 1',
      [p],
    );
  }
  // FHIR resources of each patient, found by a clinician of each one's care team.
  const okafor = await t.login(personas.drOkafor.email);
  const patelToken = tokens.get('clinician')!;
  for (const type of fhirPatientTypes) {
    for (const [who, token] of [
      ['maria', patelToken],
      ['james', okafor],
    ] as const) {
      const res = await t.app.inject({
        url: `/fhir/R4/${type}?patient=${ids[who]}&_count=1`,
        headers: bearer(token),
      });
      ids[`${who}:fhir:${type}`] = res.json().entry?.[0]?.resource?.id ?? randomUUID();
    }
  }
  const questionnaires = (
    await t.app.inject({ url: '/fhir/R4/Questionnaire', headers: bearer(patelToken) })
  ).json();
  questionnaireUrl = questionnaires.entry.find(
    (e: { resource: { id: string } }) => e.resource.id === 'pain-nrs',
  )?.resource.url;
  // A free Slot of the coming days, for creating an Appointment.
  const schedules = (await t.app.inject({ url: '/fhir/R4/Schedule', headers: bearer(patelToken) })).json();
  directoryIds.set('Schedule', schedules.entry[0].resource.id);
  const slots = await t.app.inject({
    url: `/fhir/R4/Slot?schedule=Schedule/${schedules.entry[0].resource.id}&start=ge${ids.date}`,
    headers: bearer(patelToken),
  });
  ids.slot = slots.json().entry?.[0]?.resource?.id ?? randomUUID();
}, 120_000);
afterAll(() => t.close());

/** FHIR types whose resources belong to one patient (searchable by patient=). */
const fhirPatientTypes = [
  'Observation',
  'Appointment',
  'AllergyIntolerance',
  'CareTeam',
  'CarePlan',
  'Condition',
  'Communication',
  'Composition',
  'MedicationStatement',
  'DetectedIssue',
  'Goal',
  'QuestionnaireResponse',
];

/** The route's URL with its parameters filled for a target patient. */
function urlFor(route: string, target: 'maria' | 'james'): string {
  const type = /^\/fhir\/R4\/([A-Za-z]+)/.exec(route)?.[1];
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'id') {
      if (!type || type === 'Patient' || route.startsWith('/api/patients')) return ids[target]!;
      return ids[`${target}:fhir:${type}`] ?? directoryIds.get(type) ?? randomUUID();
    }
    if (name === 'version') return '1';
    return ids[`${target}:${name}`] ?? ids[name] ?? randomUUID();
  });
}

/** Ids of FHIR directory resources (not a patient's), read once by an administrator or clinician. */
const directoryIds = new Map<string, string>();

async function directoryId(type: string): Promise<void> {
  if (directoryIds.has(type) || fhirPatientTypes.includes(type) || type === 'Patient') return;
  const token = type === 'AuditEvent' ? tokens.get('admin')! : tokens.get('clinician')!;
  const res = await t.app.inject({ url: `/fhir/R4/${type}?_count=1`, headers: bearer(token) });
  directoryIds.set(type, res.json().entry?.[0]?.resource?.id ?? randomUUID());
}

/** The policy's refusal (404 hides whether the record exists; see access/patient-access.ts refusal()). */
const policyRefusal = 'No patient record with this id is available to you.';

/**
 * What an answer means for the matrix: U not signed in (401), D refused (403, or the policy's 404),
 * V the request was judged invalid (400/413/415/422) — only expected where the caller may use the
 * route, since the sign-in and the policy come first —, C conflict (409), N not found (another 404),
 * A answered (2xx/3xx).
 */
function observe(status: number, body: string): Cell {
  if (status === 401) return 'U';
  if (status === 403) return 'D';
  if (status === 404) return body.includes(policyRefusal) ? 'D' : 'N';
  if (status === 409) return 'C';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'V';
  return 'A';
}

/** FHIR writes need a resource about the target patient (their schemas are FHIR's, not zod's). */
function fhirBodies(target: 'maria' | 'james'): Record<string, unknown> {
  const subject = { reference: `Patient/${ids[target]}` };
  const statement = {
    resourceType: 'MedicationStatement',
    status: 'active',
    medicationCodeableConcept: { text: 'magnesium 400 mg' },
    subject,
  };
  return {
    'POST /fhir/R4/MedicationStatement': statement,
    'POST /fhir/R4/QuestionnaireResponse': {
      resourceType: 'QuestionnaireResponse',
      questionnaire: questionnaireUrl,
      status: 'completed',
      subject,
      item: [{ linkId: '1', answer: [{ valueInteger: 3 }] }],
    },
    'POST /fhir/R4/Appointment': {
      resourceType: 'Appointment',
      status: 'booked',
      slot: [{ reference: `Slot/${ids.slot}` }],
      participant: [{ actor: subject, status: 'accepted' }],
    },
    'PUT /fhir/R4/Appointment/:id': {
      resourceType: 'Appointment',
      id: ids[`${target}:fhir:Appointment`],
      status: 'cancelled',
      participant: [{ actor: subject, status: 'declined' }],
    },
    'POST /fhir/R4/Patient/:id/$import-pcp': {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: statement }],
    },
  };
}

/** Every patient id that appears anywhere in an answer. */
function patientIdsIn(body: string): string[] {
  return [...new Set(body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [])]
    .map((id) => id.toLowerCase())
    .filter((id) => allPatients.has(id));
}

/** Writes that change who may see what run last, so the cells before them see the demo's relations. */
/** Reads first (they see the demo as set up), then writes; those that change who may see what last. */
const order = (r: { method: string; url: string }) =>
  /logout/.test(r.url)
    ? 4
    : /break-glass/.test(r.url)
      ? 3
      : r.method === 'GET'
        ? 0
        : // A finding is replaced when the regimen changes: acknowledge one before writes change it.
          /:findingId/.test(r.url)
          ? 1
          : 2;

describe('the authorization matrix', () => {
  it('answers every route × role × own/other patient as written down, and no list leaks another patient', async () => {
    const routes = routeTable(t.app)
      .filter((r) => /^\/(api|fhir)\//.test(r.url))
      .sort((a, b) => order(a) - order(b));
    for (const r of routes) {
      const type = /^\/fhir\/R4\/([A-Za-z]+)/.exec(r.url)?.[1];
      if (type) await directoryId(type);
    }
    const observed: Record<string, string> = {};
    const differences: string[] = [];
    const leaks: string[] = [];
    let cells = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const aboutOnePatient = /:id\b|:\w+Id/.test(route.url) || key in fhirBodies('maria');
      const targets = aboutOnePatient ? (['maria', 'james'] as const) : (['maria'] as const);
      let row = '';
      for (const persona of matrixPersonas) {
        for (const target of targets) {
          // Signing out ends the session it is sent with: each cell signs out a session of its own.
          const token =
            persona === 'anonymous'
              ? undefined
              : route.url === '/api/auth/logout'
                ? await t.login(emails[persona])
                : tokens.get(persona);
          let url = urlFor(route.url, target);
          const searched = /^\/fhir\/R4\/([A-Za-z]+)$/.exec(route.url)?.[1];
          if (route.method === 'GET' && searched === 'Patient') url += `?_id=${ids[target]}`;
          else if (route.method === 'GET' && searched && fhirPatientTypes.includes(searched))
            url += `?patient=${ids[target]}`;
          if (route.method === 'GET' && !searched) url += exampleQuery(route.querystring);
          const payload =
            route.method === 'GET' ? undefined : (fhirBodies(target)[key] ?? exampleOf(route.body));
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: token ? bearer(token) : {},
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
          cells++;
          row += observe(res.statusCode, res.body);
          if (res.statusCode >= 500)
            differences.push(
              `${key} as ${persona} on ${target}: ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (res.statusCode < 300 && !leakExempt.has(key)) {
            const seen = visible.get(persona)!;
            // A Bundle's links echo the search (patient=…); only its entries are data.
            const body = url.startsWith('/fhir/') ? JSON.stringify(res.json().entry ?? res.json()) : res.body;
            const leaked = patientIdsIn(body).filter((id) => !seen.has(id));
            if (leaked.length)
              leaks.push(`${key} as ${persona} (${url}): ${leaked.length} patient(s) not theirs`);
          }
        }
      }
      observed[key] = row;
      const expected = expectedMatrix[key];
      if (expected === undefined) differences.push(`${key}: not in the matrix (observed ${row})`);
      else if (expected !== row) differences.push(`${key}: expected ${expected}, got ${row}`);
    }
    const stale = Object.keys(expectedMatrix).filter((k) => !(k in observed));
    console.log(
      `authorization matrix: ${routes.length} routes, ${cells} cells, ${differences.length} differences, ${leaks.length} leaks`,
    );
    if (process.env.MERIDIAN_MATRIX_PRINT) console.log(JSON.stringify(observed, null, 1), leaks.join('\n'));
    expect(differences).toEqual([]);
    expect(leaks).toEqual([]);
    expect(stale).toEqual([]);
  }, 600_000);
});
