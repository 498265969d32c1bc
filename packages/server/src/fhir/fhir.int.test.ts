import { bearer, createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
let jamesId: string;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  mariaId = rows.find((r) => r.mrn === personas.maria.mrn)!.id;
  jamesId = rows.find((r) => r.mrn === personas.james.mrn)!.id;
});
afterAll(() => t.close());

const get = async (email: string | null, url: string) =>
  t.app.inject({ url, ...(email ? { headers: bearer(await t.login(email)) } : {}) });

describe('FHIR R4 base', () => {
  it('publishes a CapabilityStatement that validates, without signing in', async () => {
    const res = await get(null, '/fhir/R4/metadata');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const cs = res.json();
    expect(fhirProblems(cs)).toEqual([]);
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest[0].resource.map((r: { type: string }) => r.type)).toEqual([
      'Patient',
      'Practitioner',
      'Location',
      'Organization',
      'HealthcareService',
      'Schedule',
      'Slot',
      'Appointment',
      'CareTeam',
      'MedicationStatement',
      'Condition',
      'DetectedIssue',
      'AllergyIntolerance',
      'CarePlan',
      'Goal',
      'Communication',
      'PractitionerRole',
      'AuditEvent',
      'Composition',
      'Observation',
      'Questionnaire',
      'QuestionnaireResponse',
    ]);
  });

  it('validates every resource that searches return over the demo data', async () => {
    let checked = 0;
    for (const type of [
      'Patient',
      'Practitioner',
      'Location',
      'Organization',
      'HealthcareService',
      'Schedule',
      'Appointment',
    ]) {
      const res = await get(personas.coordinator.email, `/fhir/R4/${type}?_count=100`);
      expect(res.statusCode, res.body).toBe(200);
      const bundle = res.json();
      expect(fhirProblems(bundle)).toEqual([]);
      expect(bundle.entry.length).toBeGreaterThan(0);
      for (const entry of bundle.entry) {
        expect(fhirProblems(entry.resource), `${type}/${entry.resource.id}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('answers errors as OperationOutcomes with the right status', async () => {
    const unauthenticated = await get(null, `/fhir/R4/Patient/${mariaId}`);
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'login' }],
    });
    const unknown = await get(personas.coordinator.email, '/fhir/R4/Patient?colour=blue');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issue[0]).toMatchObject({
      code: 'invalid',
      diagnostics: expect.stringContaining('"colour"'),
    });
    expect(fhirProblems(unknown.json())).toEqual([]);
    const unsupported = await get(personas.coordinator.email, '/fhir/R4/Medication');
    expect(unsupported.statusCode).toBe(404);
    expect(unsupported.json().resourceType).toBe('OperationOutcome');
  });
});

describe('FHIR Patient', () => {
  it("reads Maria's own record with her token and finds her by MRN; the MRN has the v2 MR type", async () => {
    const res = await get(personas.maria.email, `/fhir/R4/Patient/${mariaId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      resourceType: 'Patient',
      id: mariaId,
      gender: 'female',
      birthDate: '1972-03-14',
      identifier: [{ value: personas.maria.mrn, type: { coding: [{ code: 'MR' }] } }],
    });
    const search = await get(personas.maria.email, `/fhir/R4/Patient?identifier=${personas.maria.mrn}`);
    expect(search.json().total).toBe(1);
  });

  it("answers 404 to Maria for James's record and finds nothing when she searches for him", async () => {
    const read = await get(personas.maria.email, `/fhir/R4/Patient/${jamesId}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().resourceType).toBe('OperationOutcome');
    const search = await get(personas.maria.email, `/fhir/R4/Patient?identifier=${personas.james.mrn}`);
    expect(search.json()).toMatchObject({ total: 0 });
    const all = await get(personas.maria.email, '/fhir/R4/Patient');
    expect(all.json().entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([mariaId]);
    const denied = await t.db.query(
      "SELECT 1 FROM audit_events WHERE patient_id = $1 AND outcome = 'denied' AND resource_type = 'Patient'",
      [jamesId],
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('pages with _count and a next link', async () => {
    const first = (await get(personas.coordinator.email, '/fhir/R4/Patient?_count=2')).json();
    expect(first.entry).toHaveLength(2);
    const next = first.link.find((l: { relation: string }) => l.relation === 'next').url as string;
    const second = (await get(personas.coordinator.email, next.slice(next.indexOf('/fhir/R4')))).json();
    expect(second.entry[0].resource.id).not.toBe(first.entry[0].resource.id);
    expect(second.total).toBe(first.total);
  });
});

describe('FHIR regimen and safety findings', () => {
  it("gives Maria's care team her medicines, supplements, conditions and the St John's wort + sertraline finding, all valid", async () => {
    let checked = 0;
    for (const type of ['MedicationStatement', 'Condition', 'DetectedIssue', 'CareTeam']) {
      const bundle = (await get(personas.drPatel.email, `/fhir/R4/${type}?patient=${mariaId}`)).json();
      expect(bundle.total, type).toBeGreaterThan(0);
      for (const e of bundle.entry) {
        expect(fhirProblems(e.resource), `${type}/${e.resource.id}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    const issues = (await get(personas.drPatel.email, `/fhir/R4/DetectedIssue?patient=${mariaId}`)).json();
    const sjw = issues.entry.find(
      (e: { resource: { detail: string } }) =>
        /St John.s wort/i.test(e.resource.detail) && /sertraline/i.test(e.resource.detail),
    );
    expect(sjw.resource).toMatchObject({
      severity: 'high',
      status: 'final',
      patient: { reference: `Patient/${mariaId}` },
    });
    expect(sjw.resource.implicated.length).toBe(2);
    // A recognised condition carries its verified ICD-10-CM code beside Meridian's own.
    const conditions = (await get(personas.drPatel.email, `/fhir/R4/Condition?patient=${mariaId}`)).json();
    const back = conditions.entry.find((e: { resource: { code: { text: string } } }) =>
      /low back/.test(e.resource.code.text),
    );
    expect(back.resource.code.coding).toEqual(
      expect.arrayContaining([
        {
          system: 'http://hl7.org/fhir/sid/icd-10-cm',
          code: 'M54.50',
          display: 'Low back pain, unspecified',
        },
      ]),
    );
    const everything = (await get(personas.drPatel.email, `/fhir/R4/Patient/${mariaId}/$everything`)).json();
    const types = new Set(
      everything.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    );
    expect([...types]).toEqual(
      expect.arrayContaining(['Patient', 'MedicationStatement', 'Condition', 'DetectedIssue']),
    );
  });

  it('keeps the clinical record from the desk and from other patients', async () => {
    const desk = (
      await get(personas.coordinator.email, `/fhir/R4/MedicationStatement?patient=${mariaId}`)
    ).json();
    expect(desk.total).toBe(0);
    const deskEverything = (
      await get(personas.coordinator.email, `/fhir/R4/Patient/${mariaId}/$everything`)
    ).json();
    expect(
      deskEverything.entry.some(
        (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'MedicationStatement',
      ),
    ).toBe(false);
    const jamesMeds = (
      await get(personas.maria.email, `/fhir/R4/MedicationStatement?patient=${jamesId}`)
    ).json();
    expect(jamesMeds.total).toBe(0);
    const [jamesItem] = await t.db.query<{ id: string }>(
      "SELECT id FROM regimen_items WHERE patient_id = $1 AND category = 'medicine'",
      [jamesId],
    );
    expect(
      (await get(personas.maria.email, `/fhir/R4/MedicationStatement/${jamesItem!.id}`)).statusCode,
    ).toBe(404);
    const own = (await get(personas.maria.email, '/fhir/R4/Condition')).json();
    expect(own.total).toBeGreaterThan(0);
    expect((await get(personas.maria.email, `/fhir/R4/CareTeam/ct-${jamesId}`)).statusCode).toBe(404);
    expect((await get(personas.maria.email, `/fhir/R4/CareTeam?patient=${jamesId}`)).json().total).toBe(0);
  });
});

describe('FHIR allergies, plan, goals and summaries sent', () => {
  it("gives Maria's care team her plan, its goals and the summary faxed to her doctor, all valid; James's allergy to him", async () => {
    let checked = 0;
    for (const type of ['CarePlan', 'Goal', 'Communication']) {
      const bundle = (await get(personas.drPatel.email, `/fhir/R4/${type}?patient=${mariaId}`)).json();
      expect(bundle.total, type).toBeGreaterThan(0);
      for (const e of bundle.entry) {
        expect(fhirProblems(e.resource), `${type}/${e.resource.id}`).toEqual([]);
        const read = await get(personas.drPatel.email, `/fhir/R4/${type}/${e.resource.id}`);
        expect(read.statusCode, `${type}/${e.resource.id}`).toBe(200);
        checked++;
      }
    }
    const allergies = (await get(personas.james.email, '/fhir/R4/AllergyIntolerance')).json();
    expect(allergies.total).toBe(1);
    expect(fhirProblems(allergies.entry[0].resource)).toEqual([]);
    expect(checked).toBeGreaterThan(3);
    const plan = (await get(personas.maria.email, '/fhir/R4/CarePlan')).json().entry[0].resource;
    expect(plan).toMatchObject({
      status: 'active',
      intent: 'plan',
      subject: { reference: `Patient/${mariaId}` },
    });
    // Another patient's allergy, plan and goals answer 404 or nothing.
    expect(
      (await get(personas.maria.email, `/fhir/R4/AllergyIntolerance/${allergies.entry[0].resource.id}`))
        .statusCode,
    ).toBe(404);
    expect((await get(personas.james.email, `/fhir/R4/CarePlan/${plan.id}`)).statusCode).toBe(404);
    expect((await get(personas.james.email, `/fhir/R4/Goal?patient=${mariaId}`)).json().total).toBe(0);
    const everything = (await get(personas.drPatel.email, `/fhir/R4/Patient/${mariaId}/$everything`)).json();
    const types = new Set(
      everything.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    );
    expect([...types]).toEqual(expect.arrayContaining(['CarePlan', 'Goal', 'Communication']));
  });
});

describe('FHIR progress: Observations, Questionnaires, QuestionnaireResponses', () => {
  it("gives Maria's diary and scores as valid Observations with verified LOINC codes; James's stay hidden from her", async () => {
    const bundle = (
      await get(personas.drPatel.email, `/fhir/R4/Observation?patient=${mariaId}&_count=100`)
    ).json();
    expect(bundle.total).toBeGreaterThan(100);
    for (const e of bundle.entry) expect(fhirProblems(e.resource), e.resource.id).toEqual([]);
    const phq9 = (
      await get(
        personas.drPatel.email,
        `/fhir/R4/Observation?patient=${mariaId}&code=http://loinc.org|44261-6`,
      )
    ).json();
    expect(phq9.total).toBe(2);
    expect(phq9.entry[0].resource.valueQuantity.value).toBeGreaterThan(0);
    const read = await get(personas.maria.email, `/fhir/R4/Observation/${bundle.entry[0].resource.id}`);
    expect(read.statusCode).toBe(200);
    // Maria searching James's observations gets nothing; reading one of his is 404.
    await t.app.inject({
      method: 'PUT',
      url: `/api/patients/${jamesId}/diary/2026-11-22`,
      headers: bearer(await t.login(personas.james.email)),
      payload: { painNow: 4 },
    });
    const jamesObs = (await get(personas.maria.email, `/fhir/R4/Observation?patient=${jamesId}`)).json();
    expect(jamesObs.total).toBe(0);
    const his = (await get(personas.james.email, '/fhir/R4/Observation')).json().entry[0].resource.id;
    expect((await get(personas.maria.email, `/fhir/R4/Observation/${his}`)).statusCode).toBe(404);
  });

  it('pages through Observations (total, next links, no gaps or repeats) and filters by code before paging', async () => {
    /** Every page from `first` on, following next links: the ids in order, and each page's total. */
    const collect = async (first: string) => {
      const ids: string[] = [];
      const totals = new Set<number>();
      let url: string | undefined = first;
      while (url) {
        const page = (await get(personas.drPatel.email, url)).json();
        totals.add(page.total);
        ids.push(...(page.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id));
        const next = page.link.find((l: { relation: string }) => l.relation === 'next')?.url as
          | string
          | undefined;
        url = next?.replace(/^https?:\/\/[^/]+/, '');
      }
      return { ids, totals: [...totals] };
    };
    const byHundred = await collect(`/fhir/R4/Observation?patient=${mariaId}&_count=100`);
    const byThirteen = await collect(`/fhir/R4/Observation?patient=${mariaId}&_count=13`);
    expect(byHundred.totals).toEqual([byHundred.ids.length]);
    expect(byHundred.ids.length).toBeGreaterThan(200);
    expect(new Set(byHundred.ids).size).toBe(byHundred.ids.length);
    expect(byThirteen).toEqual(byHundred);
    // Worst pain only: every match has that code, the count is the diary's, and a page of 5 from 10 on
    // is the same 5 as in the whole filtered list.
    const worstOnly = `/fhir/R4/Observation?patient=${mariaId}&code=pain-worst`;
    const worst = (await get(personas.drPatel.email, `${worstOnly}&_count=100`)).json();
    expect(worst.total).toBeGreaterThan(20);
    for (const e of worst.entry) expect(e.resource.code.coding[0].code).toBe('pain-worst');
    expect(worst.total).toBe(byHundred.ids.filter((id) => id.endsWith('-pain-worst')).length);
    const slice = (await get(personas.drPatel.email, `${worstOnly}&_count=5&_offset=10`)).json();
    expect(slice.total).toBe(worst.total);
    expect(slice.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(
      worst.entry.slice(10, 15).map((e: { resource: { id: string } }) => e.resource.id),
    );
  });

  it('publishes the questionnaires and takes a completed one from a third-party app, scored as published', async () => {
    const qs = (await get(personas.maria.email, '/fhir/R4/Questionnaire')).json();
    expect(qs.total).toBe(4);
    for (const e of qs.entry) expect(fhirProblems(e.resource), e.resource.id).toEqual([]);
    const gad7 = qs.entry.find((e: { resource: { id: string } }) => e.resource.id === 'gad-7').resource;
    const body = {
      resourceType: 'QuestionnaireResponse',
      questionnaire: gad7.url,
      status: 'completed',
      subject: { reference: `Patient/${mariaId}` },
      item: [2, 2, 1, 1, 1, 1, 1].map((v, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: v }] })),
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/QuestionnaireResponse',
      headers: { ...bearer(await t.login(personas.maria.email)), 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(body),
    });
    expect(created.statusCode).toBe(201);
    expect(fhirProblems(created.json())).toEqual([]);
    const score = (await get(personas.maria.email, `/fhir/R4/Observation/${created.json().id}`)).json();
    expect(score).toMatchObject({ valueQuantity: { value: 9 }, interpretation: [{ text: 'mild' }] });
    // For another patient, and with a missing answer, it is refused.
    const other = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/QuestionnaireResponse',
      headers: { ...bearer(await t.login(personas.maria.email)), 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ ...body, subject: { reference: `Patient/${jamesId}` } }),
    });
    expect(other.statusCode).toBe(404);
    const short = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/QuestionnaireResponse',
      headers: { ...bearer(await t.login(personas.maria.email)), 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ ...body, item: body.item.slice(0, 3) }),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});

describe('FHIR PractitionerRole and AuditEvent', () => {
  it('lists what each clinician does and where, with their Practitioner and Location included on request', async () => {
    const bundle = (
      await get(
        personas.maria.email,
        '/fhir/R4/PractitionerRole?_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=100',
      )
    ).json();
    const matches = bundle.entry.filter((e: { search: { mode: string } }) => e.search.mode === 'match');
    const included = bundle.entry.filter((e: { search: { mode: string } }) => e.search.mode === 'include');
    expect(matches.length).toBeGreaterThan(10);
    expect(
      included.some(
        (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Practitioner',
      ),
    ).toBe(true);
    expect(
      included.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Location'),
    ).toBe(true);
    for (const e of bundle.entry) expect(fhirProblems(e.resource), e.resource.id).toEqual([]);
    const chen = matches.find((e: { resource: { practitioner: { display: string } } }) =>
      /Mei Chen/.test(e.resource.practitioner.display),
    ).resource;
    expect(chen.code[0].coding[0].code).toBe('acupuncturist');
    expect(chen.healthcareService.length).toBeGreaterThan(0);
    const bad = await get(
      personas.maria.email,
      '/fhir/R4/PractitionerRole?_include=PractitionerRole:endpoint',
    );
    expect(bad.statusCode).toBe(400);
  });

  it('gives administrators the audit trail as valid AuditEvents, and nobody else', async () => {
    await get(personas.drPatel.email, `/fhir/R4/Patient/${mariaId}`);
    const bundle = (
      await get(personas.admin.email, `/fhir/R4/AuditEvent?patient=${mariaId}&_count=50`)
    ).json();
    expect(bundle.total).toBeGreaterThan(0);
    for (const e of bundle.entry) expect(fhirProblems(e.resource), e.resource.id).toEqual([]);
    expect(bundle.entry[0].resource.entity[0].what.reference).toBe(`Patient/${mariaId}`);
    const one = await get(personas.admin.email, `/fhir/R4/AuditEvent/${bundle.entry[0].resource.id}`);
    expect(one.statusCode).toBe(200);
    for (const who of [personas.drPatel.email, personas.maria.email, personas.researcher.email]) {
      const refused = await get(who, '/fhir/R4/AuditEvent');
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json().resourceType).toBe('OperationOutcome');
    }
  });
});

describe('FHIR visit-summary documents and medicines from apps', () => {
  it("gives Maria's care team her visit summary as a Composition and its $document, both valid; not to James", async () => {
    const list = (await get(personas.drPatel.email, `/fhir/R4/Composition?patient=${mariaId}`)).json();
    expect(list.total).toBe(1);
    const composition = list.entry[0].resource;
    expect(fhirProblems(composition)).toEqual([]);
    const doc = (await get(personas.maria.email, `/fhir/R4/Composition/${composition.id}/$document`)).json();
    expect(doc).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    expect(fhirProblems(doc)).toEqual([]);
    expect((await get(personas.james.email, `/fhir/R4/Composition/${composition.id}`)).statusCode).toBe(404);
  });

  it('records a supplement sent by an app as reported by the patient, runs the safety check, and refuses a duplicate', async () => {
    const post = async (email: string, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/fhir/R4/MedicationStatement',
        headers: { ...bearer(await t.login(email)), 'content-type': 'application/fhir+json' },
        payload: JSON.stringify(body),
      });
    const body = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { text: 'garlic' },
      subject: { reference: `Patient/${jamesId}` },
      dosage: [{ text: '600 mg daily' }],
      note: [{ text: 'Herb or supplement' }],
    };
    const created = await post(personas.james.email, body);
    expect(created.statusCode).toBe(201);
    expect(fhirProblems(created.json())).toEqual([]);
    const regimen = (
      await t.app.inject({
        url: `/api/patients/${jamesId}/regimen`,
        headers: bearer(await t.login(personas.drOkafor.email)),
      })
    ).json();
    expect(regimen.items.find((i: { text: string }) => i.text === 'garlic')).toMatchObject({
      category: 'supplement',
      verified: false,
      enteredBy: 'patient',
    });
    expect(
      regimen.findings.some((f: { items: { id: string }[] }) => f.items.some((i) => i.id === 'garlic')),
    ).toBe(true);
    expect((await post(personas.james.email, body)).statusCode).toBe(409);
    expect((await post(personas.maria.email, body)).statusCode).toBe(404);
  });
});
