import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let phoenix: string;
let jamesId: string;
let chenId: string;
const service = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp();
  phoenix = (await t.db.query<{ id: string }>("SELECT id FROM locations WHERE code = 'phoenix'"))[0]!.id;
  jamesId = (
    await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [personas.james.mrn])
  )[0]!.id;
  chenId = (
    await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      personas.acupuncturistChen.email,
    ])
  )[0]!.id;
  for (const s of await t.db.query<{ id: string; code: string }>('SELECT id, code FROM services'))
    service.set(s.code, s.id);
});
afterAll(() => t.close());

const call = async (email: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(await t.login(email)), ...(payload ? { payload } : {}) });

const listedBy = (email: string, resourceType: string, patientId: string) =>
  t.db.query(
    "SELECT 1 FROM audit_events WHERE actor_email = $1 AND action = 'list' AND resource_type = $2 AND patient_id = $3 AND outcome = 'success'",
    [email, resourceType, patientId],
  );

describe('the catalog and practitioners, configured by admins', () => {
  it('lets an admin change a service, audited; refuses others and unknown therapies', async () => {
    const url = `/api/admin/services/${service.get('cupping')}`;
    expect((await call(personas.coordinator.email, 'PATCH', url, { durations: [40] })).statusCode).toBe(403);
    const bad = await call(personas.admin.email, 'PATCH', url, { therapy: 'moon-bathing' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('not a therapy in the knowledge base');
    const ok = await call(personas.admin.email, 'PATCH', url, { durations: [40, 30], selfPayCents: 6500 });
    expect(ok.statusCode, ok.body).toBe(200);
    const listed = (await call(personas.maria.email, 'GET', '/api/services'))
      .json()
      .services.find((s: { code: string }) => s.code === 'cupping');
    expect(listed).toMatchObject({ durations: [40, 30], selfPayCents: 6500 });
    const audit = await t.db.query(
      "SELECT 1 FROM audit_events WHERE resource_type = 'Service' AND action = 'update'",
    );
    expect(audit).toHaveLength(1);
  });

  it('takes time off out of the slots and says how many booked visits need moving', async () => {
    const before = (
      await call(
        personas.coordinator.email,
        'GET',
        `/api/slots?serviceId=${service.get('acupuncture')}&locationId=${phoenix}&practitionerId=${chenId}&from=2026-12-07&to=2026-12-07`,
      )
    ).json().slots;
    expect(before.length).toBeGreaterThan(0);
    const off = await call(personas.acupuncturistChen.email, 'POST', `/api/users/${chenId}/time-off`, {
      startsAt: '2026-12-07T07:00:00Z',
      endsAt: '2026-12-08T07:00:00Z',
      reason: 'Conference',
    });
    expect(off.statusCode, off.body).toBe(201);
    const after = (
      await call(
        personas.coordinator.email,
        'GET',
        `/api/slots?serviceId=${service.get('acupuncture')}&locationId=${phoenix}&practitionerId=${chenId}&from=2026-12-07&to=2026-12-07`,
      )
    ).json().slots;
    expect(after).toEqual([]);
    const notMine = await call(personas.maria.email, 'POST', `/api/users/${chenId}/time-off`, {
      startsAt: '2026-12-09T07:00:00Z',
      endsAt: '2026-12-10T07:00:00Z',
    });
    expect(notMine.statusCode).toBe(403);
  });

  it('refuses working hours whose break falls outside them', async () => {
    const res = await call(personas.admin.email, 'PUT', `/api/admin/users/${chenId}/working-hours`, {
      locationId: phoenix,
      hours: [{ weekday: 1, starts: '09:00', ends: '12:00', breakStarts: '13:00', breakEnds: '14:00' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('break must fall within');
  });
});

describe('the coverage desk', () => {
  it('queues a booking that waits on a referral, and confirms it when the referral is recorded', async () => {
    const booked = await call(personas.coordinator.email, 'POST', `/api/patients/${jamesId}/appointments`, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-12-01T17:00:00Z',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().coverage).toMatchObject({ status: 'waiting', missing: ['referral'] });
    const queue = (await call(personas.coordinator.email, 'GET', '/api/coverage/queue')).json().bookings;
    expect(queue.map((b: { id: string }) => b.id)).toContain(booked.json().id);
    // The queue names the patient, so the read is in the audit trail.
    expect(await listedBy(personas.coordinator.email, 'Appointment', jamesId)).toHaveLength(1);
    const referral = await call(
      personas.coordinator.email,
      'POST',
      `/api/patients/${jamesId}/authorisations`,
      {
        serviceId: service.get('acupuncture'),
        kind: 'referral',
        reference: 'REF-1',
        issuedBy: 'Dr. Lee, Valley Primary Care',
        validFrom: '2026-11-01',
        validUntil: '2027-04-30',
        visits: 8,
      },
    );
    expect(referral.statusCode, referral.body).toBe(201);
    expect(referral.json()).toEqual({ rechecked: 1, noLongerWaiting: 1 });
    const after = (await call(personas.coordinator.email, 'GET', '/api/coverage/queue')).json().bookings;
    expect(after.map((b: { id: string }) => b.id)).not.toContain(booked.json().id);
  });
});

describe('volunteer rounds and hours', () => {
  it('puts a hand massage on the trained volunteer’s rounds, refusing a clash and a service volunteers do not give', async () => {
    const grace = (
      await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [personas.grace.mrn])
    )[0]!.id;
    const rochester = (
      await t.db.query<{ id: string }>("SELECT id FROM locations WHERE code = 'rochester'")
    )[0]!.id;
    const volunteer = (
      await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [personas.volunteer.email])
    )[0]!.id;
    const body = {
      volunteerUserId: volunteer,
      locationId: rochester,
      serviceId: service.get('volunteer-hand-massage'),
      unit: 'Cardiac surgery, 4 West',
      room: '412',
      startsAt: '2026-12-02T21:30:00Z',
    };
    const res = await call(
      personas.coordinator.email,
      'POST',
      `/api/patients/${grace}/volunteer-visits`,
      body,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().endsAt).toBe('2026-12-02T21:45:00.000Z');
    const clash = await call(personas.coordinator.email, 'POST', `/api/patients/${grace}/volunteer-visits`, {
      ...body,
      startsAt: '2026-12-02T21:40:00Z',
    });
    expect(clash.statusCode).toBe(409);
    const massage = await call(
      personas.coordinator.email,
      'POST',
      `/api/patients/${grace}/volunteer-visits`,
      {
        ...body,
        serviceId: service.get('inpatient-massage'),
      },
    );
    expect(massage.statusCode).toBe(400);
    const rounds = (await call(personas.volunteer.email, 'GET', '/api/volunteer/visits')).json().visits as {
      startsAt: string;
    }[];
    expect(rounds.map((v) => v.startsAt)).toContain('2026-12-02T21:30:00.000Z');
    expect(await listedBy(personas.volunteer.email, 'BedsideVisit', grace)).toHaveLength(1);
  });

  it('shows an admin the weekly hours and time off of a practitioner', async () => {
    const res = await call(personas.admin.email, 'GET', `/api/admin/users/${chenId}/working-hours`);
    expect(res.statusCode).toBe(200);
    expect(res.json().hours.filter((h: { weekday: number }) => h.weekday === 6)).toEqual([
      expect.objectContaining({ starts: '09:00', ends: '13:00', breakStarts: null }),
    ]);
    expect(
      (await call(personas.maria.email, 'GET', `/api/admin/users/${chenId}/working-hours`)).statusCode,
    ).toBe(403);
  });
});
