import { addDays, dateInZone, isoWeekday } from '@meridian/domain';
import { createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { Client } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A third-party FHIR client from npm, over real HTTP against the running app.
let t: TestApp;
let base: string;
let mariaId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fhir/R4`;
  mariaId = (
    await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [personas.maria.mrn])
  )[0]!.id;
});
afterAll(() => t.close());

type Bundle = {
  total: number;
  entry?: { resource: Record<string, unknown> & { id: string; resourceType: string } }[];
};

describe('fhir-kit-client against /fhir/R4', () => {
  it('finds acupuncture slots in Arizona next week, books one for Maria, sees it in $everything, and gets 409 for the same slot again', async () => {
    const client = new Client({ baseUrl: base, bearerToken: await t.login(personas.maria.email) });
    const phoenix = (
      (await client.search({
        resourceType: 'Location',
        searchParams: { name: 'Phoenix' },
      })) as unknown as Bundle
    ).entry![0]!.resource;
    const schedules = (await client.search({
      resourceType: 'Schedule',
      searchParams: { actor: `Location/${phoenix.id}`, 'service-type': 'acupuncture' },
    })) as unknown as Bundle;
    expect(schedules.total).toBeGreaterThan(0);

    // Next week in Arizona: Monday to Sunday after this week (the test clock is Sunday 2026-11-22).
    const today = dateInZone(t.clock.now(), 'America/Phoenix');
    let monday = addDays(today, 1);
    while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
    const slots = (await client.search({
      resourceType: 'Slot',
      searchParams: {
        schedule: `Schedule/${schedules.entry![0]!.resource.id}`,
        start: [`ge${monday}`, `lt${addDays(monday, 7)}`],
      },
    })) as unknown as Bundle;
    expect(slots.total).toBeGreaterThan(0);
    const slot = slots.entry![0]!.resource;
    expect(fhirProblems(slot as { resourceType: string })).toEqual([]);
    expect(String(slot.start) >= `${monday}T`).toBe(true);

    const appointment = {
      resourceType: 'Appointment',
      status: 'booked',
      slot: [{ reference: `Slot/${slot.id}` }],
      participant: [{ actor: { reference: `Patient/${mariaId}` }, status: 'accepted' }],
    };
    const created = (await client.create({
      resourceType: 'Appointment',
      body: appointment,
    })) as unknown as Record<string, unknown> & { id: string };
    expect(created).toMatchObject({ resourceType: 'Appointment', status: 'booked', start: slot.start });
    expect(fhirProblems(created as unknown as { resourceType: string })).toEqual([]);

    const everything = (await client.operation({
      resourceType: 'Patient',
      id: mariaId,
      name: '$everything',
      method: 'GET',
    })) as unknown as Bundle;
    expect(everything.entry!.map((e) => `${e.resource.resourceType}/${e.resource.id}`)).toContain(
      `Appointment/${created.id}`,
    );
    for (const e of everything.entry!)
      expect(fhirProblems(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);

    const again = await client.create({ resourceType: 'Appointment', body: appointment }).then(
      () => null,
      (error: { response?: { status: number; data: { resourceType: string; issue: { code: string }[] } } }) =>
        error.response,
    );
    expect(again?.status).toBe(409);
    expect(again?.data).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'conflict' }] });
  });

  it("keeps James's resources from Maria's token: reads answer 404 and searches return nothing", async () => {
    const jamesId = (
      await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [personas.james.mrn])
    )[0]!.id;
    const [jamesVisit] = await t.db.query<{ id: string }>(
      'SELECT id FROM attendances WHERE patient_id = $1',
      [jamesId],
    );
    const client = new Client({ baseUrl: base, bearerToken: await t.login(personas.maria.email) });
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { response?: { status: number } }) => e.response?.status,
      );
    expect(await status(client.read({ resourceType: 'Patient', id: jamesId }))).toBe(404);
    expect(await status(client.read({ resourceType: 'Appointment', id: jamesVisit!.id }))).toBe(404);
    expect(
      await status(
        client.operation({ resourceType: 'Patient', id: jamesId, name: '$everything', method: 'GET' }),
      ),
    ).toBe(404);
    const search = (await client.search({
      resourceType: 'Appointment',
      searchParams: { patient: jamesId },
    })) as unknown as Bundle;
    expect(search.total).toBe(0);
  });
});
