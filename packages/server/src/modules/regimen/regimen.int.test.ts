import { gunzipSync } from 'node:zlib';
import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
let jamesId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  mariaId = ids.find((r) => r.mrn === personas.maria.mrn)!.id;
  jamesId = ids.find((r) => r.mrn === personas.james.mrn)!.id;
});
afterAll(() => t.close());

interface FindingView {
  id: string;
  severity: string;
  basis: string;
  items: { id: string; name: string }[];
  sources: string[];
  acknowledged: { note: string } | null;
  plain: string;
}
const itemIds = (f: FindingView) => f.items.map((i) => i.id).sort();
const regimen = async (patientId: string, email: string) =>
  t.app.inject({ url: `/api/patients/${patientId}/regimen`, headers: bearer(await t.login(email)) });

describe("a patient's regimen and its safety findings", () => {
  it("shows St John's wort with sertraline as major, with sources, in Maria's chart", async () => {
    const res = await regimen(mariaId, personas.drPatel.email);
    expect(res.statusCode).toBe(200);
    const { items, findings } = res.json() as { items: { text: string }[]; findings: FindingView[] };
    expect(items.map((i) => i.text)).toEqual(
      expect.arrayContaining(['sertraline', "St John's wort", 'ginkgo', 'ibuprofen']),
    );
    const sjw = findings.find(
      (f) => JSON.stringify(itemIds(f)) === JSON.stringify(['sertraline', 'st-johns-wort']),
    );
    expect(sjw).toMatchObject({ severity: 'major', basis: 'documented' });
    expect(sjw!.sources.length).toBeGreaterThan(0);
    expect(sjw!.sources.every((s) => s.startsWith('https://'))).toBe(true);
  });

  it('lets Maria read her own regimen in plain words, but not James’s', async () => {
    const own = await regimen(mariaId, personas.maria.email);
    expect(own.statusCode).toBe(200);
    expect((own.json().findings as FindingView[]).every((f) => f.plain.length > 10)).toBe(true);
    expect((await regimen(jamesId, personas.maria.email)).statusCode).toBe(404);
  });

  it('keeps clinical data from the coordinator and from a clinician outside the care team', async () => {
    expect((await regimen(mariaId, personas.coordinator.email)).statusCode).toBe(403);
    expect((await regimen(jamesId, personas.drPatel.email)).statusCode).toBe(404);
  });

  it('checks again when an item is added, reading brands and doses, and reports what it cannot assess', async () => {
    const token = await t.login(personas.drPatel.email);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/regimen`,
      headers: bearer(token),
      payload: { category: 'medicine', text: 'Coumadin 5 mg' },
    });
    expect(added.statusCode).toBe(201);
    const view = added.json() as {
      items: { text: string; resolved: { id: string } | null }[];
      findings: FindingView[];
    };
    expect(view.items.find((i) => i.text === 'Coumadin 5 mg')?.resolved?.id).toBe('warfarin');
    expect(view.findings.some((f) => itemIds(f).includes('warfarin') && itemIds(f).includes('ginkgo'))).toBe(
      true,
    );

    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/regimen`,
      headers: bearer(token),
      payload: { category: 'supplement', text: 'ginko' },
    });
    expect(unknown.json().notAssessed).toContainEqual(
      expect.objectContaining({ text: 'ginko', suggestions: expect.arrayContaining(['ginkgo']) }),
    );
  });

  it('resolves a finding when an item is stopped', async () => {
    const token = await t.login(personas.drPatel.email);
    const view = (
      await t.app.inject({ url: `/api/patients/${mariaId}/regimen`, headers: bearer(token) })
    ).json();
    const sjw = view.items.find(
      (i: { text: string; status: string }) => i.text === "St John's wort" && i.status === 'active',
    );
    const stopped = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/regimen/${sjw.id}/stop`,
      headers: bearer(token),
    });
    expect(stopped.statusCode).toBe(200);
    const findings = stopped.json().findings as FindingView[];
    expect(findings.some((f) => itemIds(f).includes('st-johns-wort'))).toBe(false);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/regimen/${sjw.id}/stop`,
      headers: bearer(token),
    });
    expect(again.statusCode).toBe(404);
  });

  it('lets a care-team clinician acknowledge a finding with a note, audited; a patient cannot', async () => {
    const token = await t.login(personas.drOkafor.email);
    const view = (
      await t.app.inject({ url: `/api/patients/${jamesId}/regimen`, headers: bearer(token) })
    ).json();
    const finding = (view.findings as FindingView[])[0]!;
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${jamesId}/safety-findings/${finding.id}/acknowledge`,
      headers: bearer(token),
      payload: { note: 'Discussed with patient; INR check in one week.' },
    });
    expect(ack.statusCode).toBe(200);
    const acknowledged = (ack.json().findings as FindingView[]).find((f) => f.id === finding.id);
    expect(acknowledged?.acknowledged?.note).toBe('Discussed with patient; INR check in one week.');
    const audit = await t.db.query(
      "SELECT 1 FROM audit_events WHERE action = 'acknowledge' AND resource_id = $1 AND actor_email = $2 AND outcome = 'success'",
      [finding.id, personas.drOkafor.email],
    );
    expect(audit).toHaveLength(1);
    const byPatient = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${jamesId}/safety-findings/${finding.id}/acknowledge`,
      headers: bearer(await t.login(personas.james.email)),
      payload: { note: 'I read it.' },
    });
    expect(byPatient.statusCode).toBe(403);
  });

  it('refuses bad items with a clear 400 and changes nothing', async () => {
    const token = await t.login(personas.drPatel.email);
    const before = (
      await t.app.inject({ url: `/api/patients/${mariaId}/regimen`, headers: bearer(token) })
    ).json().items.length;
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/regimen`,
      headers: bearer(token),
      payload: { category: 'potion', text: '' },
    });
    expect(bad.statusCode).toBe(400);
    const after = (
      await t.app.inject({ url: `/api/patients/${mariaId}/regimen`, headers: bearer(token) })
    ).json().items.length;
    expect(after).toBe(before);
  });
});

describe('POST /api/safety/check', () => {
  it('checks a list of items without a patient, in the safety-check contract shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/safety/check',
      headers: bearer(await t.login(personas.drPatel.email)),
      payload: { items: ['warfarin', 'ginkgo', 'fish oil', 'turmeric', 'ginko'] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['findings', 'resolved', 'unresolved']);
    expect(body.unresolved).toEqual([{ input: 'ginko', suggestions: expect.arrayContaining(['ginkgo']) }]);
    expect(body.findings.some((f: { basis: string }) => f.basis === 'inferred')).toBe(true);
  });

  it('refuses an empty or oversized list with a message', async () => {
    const token = await t.login(personas.drPatel.email);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/safety/check',
      headers: bearer(token),
      payload: { items: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe(
      'The request is not valid. body items: Give at least one item to check.',
    );
    for (const [payload, message] of [
      ['{"items":["warfarin"', 'The request body is not valid JSON.'],
      ['{"items":"warfarin"}', 'The request is not valid. body items:'],
      ['{"items":["warfarin"],"patientId":"x"}', 'patientId'],
      ['{"items":["warfarin"],"context":{"plateletCount":"low"}}', 'body context.plateletCount:'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/safety/check',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.message, payload).toContain(message);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/safety/check',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      payload: 'warfarin',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toContain('Content-Type: application/json');
  });

  it('answers the same request again with the same answer, and a changed context with a new one', async () => {
    const token = await t.login(personas.drPatel.email);
    const check = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/safety/check', headers: bearer(token), payload });
    const first = await check({ items: ['therapy:acupuncture'] });
    const again = await check({ items: ['therapy:acupuncture'] });
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.body).toBe(first.body);
    expect(first.json().findings).toEqual([]);
    // A browser that accepts gzip gets the repeated answer compressed, the same JSON inside.
    const zipped = await t.app.inject({
      method: 'POST',
      url: '/api/safety/check',
      headers: { ...bearer(token), 'accept-encoding': 'gzip, deflate, br' },
      payload: { items: ['therapy:acupuncture'] },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(first.body);
    const lowPlatelets = await check({ items: ['therapy:acupuncture'], context: { plateletCount: 20 } });
    expect(lowPlatelets.json().findings.map((f: { kind: string }) => f.kind)).toContain('therapy-condition');
    // Still signed in only: the remembered answer is not given without a session.
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/safety/check',
      payload: { items: ['therapy:acupuncture'] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
