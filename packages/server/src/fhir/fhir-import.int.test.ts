import { bearer, createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  mariaId = ids.find((r) => r.mrn === personas.maria.mrn)!.id;
});
afterAll(() => t.close());

const pcpRecord = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'MedicationStatement',
        status: 'active',
        medicationCodeableConcept: { text: 'warfarin' },
        subject: { reference: 'Patient/elsewhere-123' },
        dosage: [{ text: '5 mg once daily' }],
      },
    },
    { resource: { resourceType: 'Condition', code: { text: 'atrial fibrillation' } } },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        code: { text: 'Codeine' },
        reaction: [{ manifestation: [{ text: 'Vomiting' }], severity: 'mild' }],
      },
    },
    { resource: { resourceType: 'Observation', status: 'final' } },
  ],
};

const post = async (email: string, patientId: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/fhir/R4/Patient/${patientId}/$import-pcp`,
    headers: { ...bearer(await t.login(email)), 'content-type': 'application/fhir+json' },
    payload: JSON.stringify(body),
  });

describe('importing a record from the primary care provider', () => {
  it('adds warfarin for Maria, who takes ginkgo, as an item to reconcile and raises the bleeding finding', async () => {
    const res = await post(personas.drPatel.email, mariaId, pcpRecord);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/fhir\+json/);
    const bundle = res.json();
    expect(fhirProblems(bundle)).toEqual([]);
    const resources = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource);
    const outcome = resources[0];
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0].diagnostics).toMatch(/Imported 2 new medicines and conditions/);
    expect(
      outcome.issue.some((i: { diagnostics: string }) => /Observation is not imported/.test(i.diagnostics)),
    ).toBe(true);
    const issue = resources.find(
      (r: { resourceType: string; detail?: string }) =>
        r.resourceType === 'DetectedIssue' &&
        /warfarin/i.test(r.detail ?? '') &&
        /ginkgo/i.test(r.detail ?? ''),
    );
    expect(issue).toBeDefined();
    expect(resources.map((r: { resourceType: string }) => r.resourceType)).toEqual(
      expect.arrayContaining(['MedicationStatement', 'Condition', 'AllergyIntolerance']),
    );
    // On the record, as reported by an import and waiting for a clinician to confirm it.
    const regimen = (
      await t.app.inject({
        url: `/api/patients/${mariaId}/regimen`,
        headers: bearer(await t.login(personas.drPatel.email)),
      })
    ).json();
    expect(regimen.items.find((i: { text: string }) => i.text === 'warfarin')).toMatchObject({
      enteredBy: 'import',
      verified: false,
      dose: '5 mg once daily',
    });
    // Importing the same record again adds nothing twice.
    const again = (await post(personas.drPatel.email, mariaId, pcpRecord)).json();
    expect(again.entry[0].resource.issue[0].diagnostics).toMatch(
      /Imported 0 new medicines and conditions \(2 already/,
    );
  });

  it('refuses what is not a Bundle with an OperationOutcome, and another patient’s record with 404', async () => {
    const bad = await post(personas.drPatel.email, mariaId, { resourceType: 'Patient' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid' }] });
    const other = await post(personas.james.email, mariaId, pcpRecord);
    expect(other.statusCode).toBe(404);
    const desk = await post(personas.coordinator.email, mariaId, pcpRecord);
    expect(desk.statusCode).toBe(403);
  });
});
