import { addDays } from '@meridian/domain';
import { bearer, createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every resource every search returns over the demo data, validated against the official FHIR R4
// StructureDefinitions: each type the CapabilityStatement lists as searchable, every page.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Bundle = {
  resourceType: string;
  entry?: { resource: { resourceType: string; id: string } }[];
  link: { relation: string; url: string }[];
};

async function allPages(email: string, path: string): Promise<Bundle[]> {
  const token = await t.login(email);
  const pages: Bundle[] = [];
  let next: string | undefined = path;
  while (next) {
    const res = await t.app.inject({ url: next, headers: bearer(token) });
    expect(res.statusCode, `${next}: ${res.body.slice(0, 300)}`).toBe(200);
    const bundle = res.json() as Bundle;
    pages.push(bundle);
    const link = bundle.link.find((l) => l.relation === 'next')?.url;
    next = link ? link.slice(link.indexOf('/fhir/R4')) : undefined;
  }
  return pages;
}

describe('FHIR R4 validation of the demo data', () => {
  it('validates every resource returned by every search type, and every searchset Bundle', async () => {
    const cs = (await t.app.inject({ url: '/fhir/R4/metadata' })).json();
    const searchable: string[] = cs.rest[0].resource
      .filter((r: { interaction: { code: string }[] }) => r.interaction.some((i) => i.code === 'search-type'))
      .map((r: { type: string }) => r.type);
    const patients = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
    const idOf = (mrn: string) => patients.find((p) => p.mrn === mrn)!.id;
    const teams = [
      [idOf(personas.maria.mrn), personas.drPatel.email],
      [idOf(personas.james.mrn), personas.drOkafor.email],
      [idOf(personas.grace.mrn), personas.drOkafor.email],
      [idOf(personas.david.mrn), personas.npKim.email],
    ] as const;
    const [schedule] = (await allPages(personas.coordinator.email, '/fhir/R4/Schedule?_count=1'))[0]!.entry!;
    const today = '2026-11-23';
    const perPatient = new Set([
      'MedicationStatement',
      'Condition',
      'DetectedIssue',
      'CareTeam',
      'AllergyIntolerance',
      'CarePlan',
      'Goal',
      'Communication',
      'Composition',
      'Observation',
      'QuestionnaireResponse',
    ]);
    const counts: Record<string, number> = {};
    let bundles = 0;
    for (const type of searchable) {
      const searches: [string, string][] = perPatient.has(type)
        ? teams.map(([patient, email]) => [email, `/fhir/R4/${type}?patient=${patient}&_count=100`])
        : type === 'Slot'
          ? [
              [
                personas.coordinator.email,
                `/fhir/R4/Slot?schedule=${schedule!.resource.id}&start=ge${today}&start=le${addDays(today, 7)}&_count=100`,
              ],
            ]
          : type === 'AuditEvent'
            ? [[personas.admin.email, '/fhir/R4/AuditEvent?_count=100']]
            : [[personas.coordinator.email, `/fhir/R4/${type}?_count=100`]];
      counts[type] = 0;
      for (const [email, path] of searches) {
        for (const bundle of await allPages(email, path)) {
          bundles++;
          expect(fhirProblems(bundle), path).toEqual([]);
          for (const e of bundle.entry ?? []) {
            expect(fhirProblems(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);
            counts[type]++;
          }
        }
      }
      expect(counts[type], type).toBeGreaterThan(0);
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    // The figures for the note.
    console.info(
      `FHIR validation: ${total} resources of ${searchable.length} types in ${bundles} Bundles`,
      counts,
    );
    expect(searchable.length).toBeGreaterThanOrEqual(22);
    expect(total).toBeGreaterThan(500);
  });

  it("answers 404 to Maria for every one of James's resources, and her searches for his return nothing", async () => {
    const patients = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
    const jamesId = patients.find((p) => p.mrn === personas.james.mrn)!.id;
    const maria = await t.login(personas.maria.email);
    let read = 0;
    for (const type of [
      'Patient',
      'MedicationStatement',
      'Condition',
      'DetectedIssue',
      'CareTeam',
      'AllergyIntolerance',
      'Observation',
      'QuestionnaireResponse',
      'Appointment',
    ]) {
      const search =
        type === 'Patient'
          ? `/fhir/R4/Patient?_id=${jamesId}`
          : `/fhir/R4/${type}?patient=${jamesId}&_count=100`;
      const his = (await allPages(personas.drOkafor.email, search)).flatMap((b) => b.entry ?? []);
      for (const e of his) {
        const res = await t.app.inject({ url: `/fhir/R4/${type}/${e.resource.id}`, headers: bearer(maria) });
        expect(res.statusCode, `${type}/${e.resource.id}`).toBe(404);
        read++;
      }
      const mine = await t.app.inject({ url: search, headers: bearer(maria) });
      expect(mine.json().total, type).toBe(0);
    }
    const everything = await t.app.inject({
      url: `/fhir/R4/Patient/${jamesId}/$everything`,
      headers: bearer(maria),
    });
    expect(everything.statusCode).toBe(404);
    expect(read).toBeGreaterThan(10);
  });
});
