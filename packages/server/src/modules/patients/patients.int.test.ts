import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
let jamesId: string;
let graceId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  const byMrn = (mrn: string) => ids.find((r) => r.mrn === mrn)!.id;
  mariaId = byMrn(personas.maria.mrn);
  jamesId = byMrn(personas.james.mrn);
  graceId = byMrn(personas.grace.mrn);
});
afterAll(() => t.close());

const get = async (url: string, email: string) =>
  t.app.inject({ url, headers: bearer(await t.login(email)) });
const auditRows = (patientId: string, email: string) =>
  t.db.query<{
    action: string;
    outcome: string;
    break_glass: boolean;
    reason: string | null;
    actor_role: string;
  }>(
    'SELECT action, outcome, break_glass, reason, actor_role FROM audit_events WHERE patient_id = $1 AND actor_email = $2 ORDER BY id',
    [patientId, email],
  );

describe("a patient's own record", () => {
  it('is shown to the patient, with the care team and primary care provider, and the read is audited', async () => {
    const res = await get(`/api/patients/${mariaId}`, personas.maria.email);
    expect(res.statusCode).toBe(200);
    const { patient, access } = res.json();
    expect(patient).toMatchObject({
      mrn: personas.maria.mrn,
      name: { given: 'Maria', family: 'Lopez' },
      age: 54,
      location: { timeZone: 'America/Phoenix' },
      primaryCareProvider: { name: 'Dr. Helen Ward' },
    });
    expect(patient.careTeam.map((m: { name: string }) => m.name)).toContain('Dr. Anika Patel');
    expect(access.breakGlass).toBe(false);
    expect(await auditRows(mariaId, personas.maria.email)).toContainEqual(
      expect.objectContaining({ action: 'read', outcome: 'success', break_glass: false }),
    );
  });

  it("answers 404 when Maria asks for James's record, and the attempt is in the audit trail", async () => {
    const res = await get(`/api/patients/${jamesId}`, personas.maria.email);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.body).not.toContain('Carter');
    expect(await auditRows(jamesId, personas.maria.email)).toContainEqual(
      expect.objectContaining({ action: 'read', outcome: 'denied', actor_role: 'patient' }),
    );
  });

  it('answers the same 404 for a record that does not exist, so existence does not leak', async () => {
    const missing = await get('/api/patients/00000000-0000-4000-8000-000000000000', personas.maria.email);
    const other = await get(`/api/patients/${jamesId}`, personas.maria.email);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(other.json());
    expect((await get('/api/patients/not-a-uuid', personas.maria.email)).statusCode).toBe(404);
  });

  it('lists only herself for a patient', async () => {
    const res = await get('/api/patients', personas.maria.email);
    expect(res.json().patients.map((p: { id: string }) => p.id)).toEqual([mariaId]);
  });
});

describe('clinicians and the care team', () => {
  it("lists only the clinician's care-team patients", async () => {
    const ids = (await get('/api/patients', personas.drPatel.email))
      .json()
      .patients.map((p: { id: string }) => p.id);
    expect(ids).toContain(mariaId);
    expect(ids).not.toContain(jamesId);
  });

  it('hides James from Dr. Patel until she breaks the glass with a reason; then allows, flags and audits it', async () => {
    const token = await t.login(personas.drPatel.email);
    const before = await t.app.inject({ url: `/api/patients/${jamesId}`, headers: bearer(token) });
    expect(before.statusCode).toBe(404);
    expect(before.json().error.breakGlassAllowed).toBe(true);

    const tooShort = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${jamesId}/break-glass`,
      headers: bearer(token),
      payload: { reason: 'urgent' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.message).toContain('at least 10 characters');

    const reason = 'Covering the Rochester on-call service; patient in the emergency department';
    const glass = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${jamesId}/break-glass`,
      headers: bearer(token),
      payload: { reason },
    });
    expect(glass.statusCode).toBe(201);
    expect(glass.json().grant).toMatchObject({ patientId: jamesId, reason });

    const after = await t.app.inject({ url: `/api/patients/${jamesId}`, headers: bearer(token) });
    expect(after.statusCode).toBe(200);
    expect(after.json().access.breakGlass).toBe(true);
    expect(after.json().patient.name.family).toBe('Carter');

    const rows = await auditRows(jamesId, personas.drPatel.email);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['read', 'denied'],
      ['break_glass', 'success'],
      ['read', 'success'],
    ]);
    expect(rows.slice(1).every((r) => r.break_glass && r.reason === reason)).toBe(true);
  });

  it('ends emergency access when the grant expires', async () => {
    const token = await t.login(personas.drOkafor.email);
    await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/break-glass`,
      headers: bearer(token),
      payload: { reason: 'Consult requested while Dr. Patel is away' },
    });
    expect((await t.app.inject({ url: `/api/patients/${mariaId}`, headers: bearer(token) })).statusCode).toBe(
      200,
    );
    t.clock.advance(61 * 60_000);
    const later = await t.app.inject({
      url: `/api/patients/${mariaId}`,
      headers: bearer(await t.login(personas.drOkafor.email)),
    });
    expect(later.statusCode).toBe(404);
  });

  it('does not let a patient or a coordinator break the glass', async () => {
    for (const email of [personas.maria.email, personas.coordinator.email]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/patients/${jamesId}/break-glass`,
        headers: bearer(await t.login(email)),
        payload: { reason: 'I would like to read this record please' },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('other roles', () => {
  it('gives the coordinator every patient for the front desk', async () => {
    const res = await get('/api/patients', personas.coordinator.email);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients')) as [
      { n: number },
    ];
    // The four demo outpatients and the dozen inpatients with bedside scores.
    expect(n).toBe(16);
    expect(res.json().patients).toHaveLength(n);
    expect((await get(`/api/patients/${jamesId}`, personas.coordinator.email)).statusCode).toBe(200);
    const search = await get('/api/patients?q=lop', personas.coordinator.email);
    expect(search.json().patients.map((p: { id: string }) => p.id)).toEqual([mariaId]);
  });

  it('shows the volunteer only the patients of their bedside visits, by first name and initial', async () => {
    const list = await get('/api/patients', personas.volunteer.email);
    expect(list.json().patients.map((p: { id: string }) => p.id)).toEqual([graceId]);
    const visits = (await get('/api/volunteer/visits', personas.volunteer.email)).json().visits;
    expect(visits.length).toBeGreaterThan(0);
    expect(visits[0]).toMatchObject({
      service: 'Volunteer hand massage',
      patient: { id: graceId, displayName: 'Grace T.' },
      location: { timeZone: 'America/Chicago' },
    });
    expect((await get(`/api/patients/${mariaId}`, personas.volunteer.email)).statusCode).toBe(404);
  });

  it('keeps the admin out of patient lists and records', async () => {
    expect((await get('/api/patients', personas.admin.email)).statusCode).toBe(403);
    expect((await get(`/api/patients/${mariaId}`, personas.admin.email)).statusCode).toBe(404);
  });

  it('requires a session for every patient route', async () => {
    expect((await t.app.inject({ url: `/api/patients/${mariaId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/patients' })).statusCode).toBe(401);
  });
});

describe('the audit view', () => {
  it('lets the admin filter by patient and export CSV, and records that they looked', async () => {
    const token = await t.login(personas.admin.email);
    const res = await t.app.inject({
      url: `/api/admin/audit?patientId=${jamesId}&limit=500`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    const events = res.json().events as {
      patient: { id: string };
      breakGlass: boolean;
      reason: string | null;
    }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.patient.id === jamesId)).toBe(true);
    expect(events.some((e) => e.breakGlass && e.reason?.includes('on-call'))).toBe(true);

    const csv = await t.app.inject({
      url: `/api/admin/audit.csv?patientId=${jamesId}`,
      headers: bearer(token),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,actor_email,actor_role,patient_id,action,resource_type,resource_id,outcome,break_glass,reason,ip',
    );
    // The header, the rows the admin saw, and the row recording that the admin viewed James's trail.
    expect(lines.length).toBe(1 + events.length + 1);
    expect(lines[1]).toContain(',read,AuditEvent,'); // newest first

    const looked = await t.db.query(
      "SELECT 1 FROM audit_events WHERE resource_type = 'AuditEvent' AND action = 'export' AND actor_email = $1",
      [personas.admin.email],
    );
    expect(looked.length).toBe(1);
  });

  it('pages with nextBefore and refuses bad filters clearly', async () => {
    const token = await t.login(personas.admin.email);
    const page1 = (await t.app.inject({ url: '/api/admin/audit?limit=2', headers: bearer(token) })).json();
    expect(page1.events).toHaveLength(2);
    const page2 = (
      await t.app.inject({
        url: `/api/admin/audit?limit=2&before=${page1.nextBefore}`,
        headers: bearer(token),
      })
    ).json();
    expect(Number(page2.events[0].id)).toBeLessThan(Number(page1.events[1].id));
    const bad = await t.app.inject({ url: '/api/admin/audit?from=yesterday', headers: bearer(token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('ISO date-time');
  });

  it('is closed to everyone but admins', async () => {
    expect((await get('/api/admin/audit', personas.drPatel.email)).statusCode).toBe(403);
    expect((await get('/api/admin/audit.csv', personas.maria.email)).statusCode).toBe(403);
  });
});
