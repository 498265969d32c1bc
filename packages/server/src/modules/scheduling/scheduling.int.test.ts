import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
let jamesId: string;
let phoenix: string;
let rochester: string;
const service = new Map<string, string>();
let chenId: string;

beforeAll(async () => {
  t = await createTestApp();
  const patients = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  mariaId = patients.find((p) => p.mrn === personas.maria.mrn)!.id;
  jamesId = patients.find((p) => p.mrn === personas.james.mrn)!.id;
  const locations = await t.db.query<{ id: string; code: string }>('SELECT id, code FROM locations');
  phoenix = locations.find((l) => l.code === 'phoenix')!.id;
  rochester = locations.find((l) => l.code === 'rochester')!.id;
  for (const s of await t.db.query<{ id: string; code: string }>('SELECT id, code FROM services'))
    service.set(s.code, s.id);
  chenId =
    (await t.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'lin.chen@example.org'"))[0]?.id ??
    '';
  if (!chenId) {
    chenId = (
      await t.db.query<{ id: string }>("SELECT id FROM users WHERE discipline = 'acupuncturist' LIMIT 1")
    )[0]!.id;
  }
});
afterAll(() => t.close());

interface SlotView {
  practitioner: { id: string; name: string };
  roomId: string | null;
  start: string;
  end: string;
  appointmentId?: string;
  placesLeft?: number;
}
const slots = async (token: string, query: Record<string, string>) => {
  const res = await t.app.inject({ url: `/api/slots?${new URLSearchParams(query)}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { slots: SlotView[]; location: { timeZone: string } };
};
const book = (token: string, patientId: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/appointments`,
    headers: bearer(token),
    payload: body,
  });

describe('the service catalog', () => {
  it('holds every service of the program, and each location offers its own set', async () => {
    const token = await t.login(personas.maria.email);
    const all = (await t.app.inject({ url: '/api/services', headers: bearer(token) })).json().services as {
      code: string;
      durations: number[];
      capacity: number;
    }[];
    const codes = all.map((s) => s.code);
    for (const code of [
      'integrative-consultation',
      'acupuncture',
      'electroacupuncture',
      'acupressure',
      'cupping',
      'massage',
      'inpatient-massage',
      'volunteer-hand-massage',
      'aromatherapy',
      'herbs-supplements-consultation',
      'nutrition-consultation',
      'lifestyle-medicine-consultation',
      'health-coaching',
      'stress-resilience',
      'stress-resilience-group',
      'meditation',
      'paced-breathing',
      'guided-imagery',
      'progressive-muscle-relaxation',
      'biofeedback',
      'hypnotherapy',
      'yoga',
      'tai-chi-qigong',
      'mindful-movement',
      'music-therapy',
      'reiki',
      'chiropractic-care',
      'integrative-physical-therapy',
      'cbt-act',
      'animal-assisted-therapy',
    ])
      expect(codes).toContain(code);
    expect(all.find((s) => s.code === 'acupuncture')!.durations).toEqual([60, 45]);
    expect(all.find((s) => s.code === 'volunteer-hand-massage')!.durations).toEqual([15]);
    expect(all.find((s) => s.code === 'yoga')!.capacity).toBeGreaterThan(1);
    const inPhoenix = (
      await t.app.inject({ url: `/api/services?locationId=${phoenix}`, headers: bearer(token) })
    )
      .json()
      .services.map((s: { code: string }) => s.code);
    expect(inPhoenix).toContain('acupuncture');
    expect(inPhoenix).not.toContain('chiropractic-care');
  });
});

describe('slots and booking', () => {
  it('offers acupuncture in Phoenix in Arizona time, leaving out the patient’s own visits', async () => {
    const token = await t.login(personas.maria.email);
    const found = await slots(token, {
      serviceId: service.get('acupuncture')!,
      locationId: phoenix,
      from: '2026-11-23',
      to: '2026-11-23',
      limit: '50',
    });
    expect(found.location.timeZone).toBe('America/Phoenix');
    // Monday 08:00 in Phoenix (UTC-7) is 15:00Z; 60 minutes; lunch 12:00–13:00 has no start.
    expect(found.slots[0]!.start).toBe('2026-11-23T15:00:00.000Z');
    expect(found.slots.map((s) => s.start)).not.toContain('2026-11-23T19:00:00.000Z');
    expect(found.slots.every((s) => s.roomId)).toBe(true);
  });

  it('books a visit for the patient with coverage worked out, then refuses a double booking with 409', async () => {
    const maria = await t.login(personas.maria.email);
    const res = await book(maria, mariaId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-24T16:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json();
    expect(visit).toMatchObject({
      status: 'booked',
      start: '2026-11-24T16:00:00.000Z',
      end: '2026-11-24T17:00:00.000Z',
      location: { timeZone: 'America/Phoenix' },
      // Maria attended five acupuncture visits earlier this year (demo story): this is the sixth.
      coverage: { status: 'covered', visitNumber: 6, visitsPerYear: 12, copayCents: 2500 },
    });
    const coordinator = await t.login(personas.coordinator.email);
    const clash = await book(coordinator, jamesId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-24T16:00:00Z',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/already booked/);
    // The same patient cannot be in two places at once either.
    const twice = await book(maria, mariaId, {
      serviceId: service.get('integrative-follow-up'),
      locationId: phoenix,
      practitionerId: (
        await t.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'dr.patel@example.org'")
      )[0]!.id,
      start: '2026-11-24T16:00:00Z',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/patient already has a visit/);
  });

  it('refuses times outside working hours and services the location does not offer, saying why', async () => {
    const coordinator = await t.login(personas.coordinator.email);
    const night = await book(coordinator, jamesId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-24T05:00:00Z',
    });
    expect(night.statusCode).toBe(409);
    expect(night.json().error.message).toMatch(/outside .* working hours/);
    const chiro = await book(coordinator, jamesId, {
      serviceId: service.get('chiropractic-care'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-24T18:00:00Z',
    });
    expect(chiro.statusCode).toBe(409);
    expect(chiro.json().error.message).toMatch(/does not offer Chiropractic care/);
  });

  it('does not offer or book a practitioner whose licence has expired by the visit date', async () => {
    const coordinator = await t.login(personas.coordinator.email);
    await t.db.query(
      "UPDATE credentials SET expires_on = '2026-12-01' WHERE user_id = $1 AND kind = 'acupuncture-licence'",
      [chenId],
    );
    try {
      const before = await slots(coordinator, {
        serviceId: service.get('acupuncture')!,
        locationId: phoenix,
        from: '2026-12-01',
        to: '2026-12-01',
      });
      expect(before.slots.some((s) => s.practitioner.id === chenId)).toBe(true);
      const after = await slots(coordinator, {
        serviceId: service.get('acupuncture')!,
        locationId: phoenix,
        from: '2026-12-02',
        to: '2026-12-04',
      });
      expect(after.slots.filter((s) => s.practitioner.id === chenId)).toEqual([]);
      const res = await book(coordinator, jamesId, {
        serviceId: service.get('acupuncture'),
        locationId: phoenix,
        practitionerId: chenId,
        start: '2026-12-02T16:00:00Z',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(
        /cannot deliver Acupuncture on 2026-12-02: Acupuncture licence \(LAc\) expired/,
      );
    } finally {
      await t.db.query(
        "UPDATE credentials SET expires_on = '2027-12-31' WHERE user_id = $1 AND kind = 'acupuncture-licence'",
        [chenId],
      );
    }
  });

  it('shows the 13th acupuncture visit of the year as not covered by a plan limited to 12, with the self-pay price', async () => {
    const coordinator = await t.login(personas.coordinator.email);
    const ask = async () =>
      (
        await t.app.inject({
          url: `/api/patients/${jamesId}/coverage?serviceId=${service.get('acupuncture')}&locationId=${phoenix}&date=2026-12-15`,
          headers: bearer(coordinator),
        })
      ).json();
    expect(await ask()).toMatchObject({ status: 'waiting', missing: ['referral'], visitNumber: 1 });
    // Twelve visits earlier this year (recorded directly: they are in the past).
    await t.db.tx(async (q) => {
      for (let month = 1; month <= 12; month++) {
        const start = new Date(Date.UTC(2026, month - 1, month === 12 ? 1 : 10, 16));
        const [a] = await q.query<{ id: string }>(
          `INSERT INTO appointments (service_id, location_id, practitioner_id, setting, starts_at, ends_at, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, 'outpatient', $4, $5, $3, $4, $4) RETURNING id`,
          [service.get('acupuncture'), phoenix, chenId, start, new Date(start.getTime() + 3_600_000)],
        );
        await q.query(
          `INSERT INTO attendances (appointment_id, patient_id, during, status, booked_by, booked_at)
           VALUES ($1, $2, tstzrange($3, $4, '[)'), 'attended', $5, $3)`,
          [a!.id, jamesId, start, new Date(start.getTime() + 3_600_000), chenId],
        );
      }
    });
    const thirteenth = await ask();
    expect(thirteenth).toMatchObject({
      status: 'self_pay',
      visitNumber: 13,
      visitsPerYear: 12,
      selfPayCents: 9500,
    });
    expect(thirteenth.explanation.join(' ')).toContain('covers 12 visits a year; this would be visit 13');
  });

  it('books a six-visit weekly series at the same time, and a coordinator moves one visit', async () => {
    const maria = await t.login(personas.maria.email);
    const body = {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-25T17:00:00Z', // Wednesday 10:00 in Phoenix
      visits: 6,
      everyDays: 7,
    };
    const proposal = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/series/proposal`,
      headers: bearer(maria),
      payload: body,
    });
    expect(proposal.statusCode, proposal.body).toBe(200);
    expect(proposal.json().visits.map((v: { slot: { start: string } | null }) => v.slot?.start)).toEqual([
      '2026-11-25T17:00:00.000Z',
      '2026-12-02T17:00:00.000Z',
      '2026-12-09T17:00:00.000Z',
      '2026-12-16T17:00:00.000Z',
      '2026-12-23T17:00:00.000Z',
      '2026-12-30T17:00:00.000Z',
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/series`,
      headers: bearer(maria),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const series = res.json();
    expect(series.appointments).toHaveLength(6);
    const third = series.appointments[2];

    const coordinator = await t.login(personas.coordinator.email);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/appointments/${third.id}/reschedule`,
      headers: bearer(coordinator),
      payload: { start: '2026-12-10T21:00:00Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const mine = (
      await t.app.inject({ url: `/api/patients/${mariaId}/appointments`, headers: bearer(maria) })
    ).json().appointments as { id: string; start: string; seriesId: string }[];
    expect(mine.find((v) => v.id === third.id)!.start).toBe('2026-12-10T21:00:00.000Z');
    expect(mine.filter((v) => v.seriesId === series.seriesId)).toHaveLength(6);
  });

  it('cancels with a reason, marking a cancellation inside the notice window as late', async () => {
    const maria = await t.login(personas.maria.email);
    const booked = await book(maria, mariaId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-23T17:00:00Z', // tomorrow morning: inside 24 hours' notice
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/appointments/${booked.json().id}/cancel`,
      headers: bearer(maria),
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/appointments/${booked.json().id}/cancel`,
      headers: bearer(maria),
      payload: { reason: 'Feeling unwell' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      late: true,
      cancelReason: 'Feeling unwell',
    });
    // The time is free again.
    const again = await book(maria, mariaId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-23T17:00:00Z',
    });
    expect(again.statusCode).toBe(201);
  });

  it('fills a group class to capacity and then says it is full', async () => {
    const coordinator = await t.login(personas.coordinator.email);
    const [klass] = await t.db.query<{ id: string; capacity: number; starts_at: Date }>(
      "SELECT a.id, a.capacity, a.starts_at FROM appointments a JOIN services s ON s.id = a.service_id WHERE s.code = 'yoga'",
    );
    const classes = await slots(coordinator, { serviceId: service.get('yoga')!, locationId: phoenix });
    expect(classes.slots[0]).toMatchObject({ appointmentId: klass!.id, placesLeft: klass!.capacity - 2 });
    await t.db.query('UPDATE appointments SET capacity = 3 WHERE id = $1', [klass!.id]);
    const sato = (
      await t.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'mei.sato@example.org'")
    )[0]!.id;
    const join = (patientId: string) =>
      book(coordinator, patientId, {
        serviceId: service.get('yoga'),
        locationId: phoenix,
        practitionerId: sato,
        start: klass!.starts_at.toISOString(),
        appointmentId: klass!.id,
      });
    const grace = (
      await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [personas.grace.mrn])
    )[0]!.id;
    expect((await join(grace)).statusCode).toBe(201);
    const full = await join(
      (await t.db.query<{ id: string }>("SELECT id FROM patients WHERE mrn = 'MER-000104'"))[0]!.id,
    );
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toMatch(/full/);
  });
});

describe('who may book', () => {
  it('answers 404 when Maria tries to book for James, and a volunteer may not book at all', async () => {
    const maria = await t.login(personas.maria.email);
    const res = await book(maria, jamesId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-26T16:00:00Z',
    });
    expect(res.statusCode).toBe(404);
    const volunteer = await t.login(personas.volunteer.email);
    const v = await book(volunteer, mariaId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-26T16:00:00Z',
    });
    expect(v.statusCode).toBe(404);
    const audit = await t.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_events WHERE resource_type = 'Appointment' AND action = 'book' AND patient_id = $1 AND outcome = 'denied'",
      [jamesId],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('keeps patients from booking what the care team orders (bedside massage)', async () => {
    const maria = await t.login(personas.maria.email);
    const res = await book(maria, mariaId, {
      serviceId: service.get('inpatient-massage'),
      locationId: rochester,
      practitionerId: chenId,
      start: '2026-11-26T16:00:00Z',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the desk calendar and credentials', () => {
  it("shows a location's week to the coordinator with patients' names, and audits each one shown", async () => {
    const coordinator = await t.login(personas.coordinator.email);
    const res = await t.app.inject({
      url: `/api/calendar?locationId=${phoenix}&from=2026-11-23&to=2026-11-29`,
      headers: bearer(coordinator),
    });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().appointments.map((a: { patient: { name: string } }) => a.patient.name);
    expect(names).toContain('Maria Lopez');
    const audit = await t.db.query(
      "SELECT 1 FROM audit_events WHERE resource_type = 'Appointment' AND action = 'list' AND patient_id = $1",
      [mariaId],
    );
    expect(audit.length).toBeGreaterThan(0);
    const patient = await t.app.inject({
      url: `/api/calendar?locationId=${phoenix}`,
      headers: bearer(await t.login(personas.maria.email)),
    });
    expect(patient.statusCode).toBe(403);
  });

  it('lists credentials expiring within 60 days for admins', async () => {
    const admin = await t.login(personas.admin.email);
    const res = await t.app.inject({ url: '/api/admin/credentials/expiring', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const list = res.json().credentials as { expiresOn: string; name: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.expiresOn <= '2027-01-21')).toBe(true);
  });
});

describe('moving a visit', () => {
  it('offers and accepts a time that overlaps the visit’s own current time, and works coverage out again', async () => {
    const coordinator = await t.login(personas.coordinator.email);
    const booked = await book(coordinator, mariaId, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-12-04T17:00:00Z', // Friday 10:00 in Phoenix
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const query = {
      serviceId: service.get('acupuncture')!,
      locationId: phoenix,
      practitionerId: chenId,
      patientId: mariaId,
      from: '2026-12-04',
      to: '2026-12-04',
      limit: '50',
    };
    const without = await slots(coordinator, query);
    expect(without.slots.map((s) => s.start)).not.toContain('2026-12-04T17:30:00.000Z');
    const withMoving = await slots(coordinator, { ...query, moving: booked.json().id });
    expect(withMoving.slots.map((s) => s.start)).toContain('2026-12-04T17:30:00.000Z');
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${mariaId}/appointments/${booked.json().id}/reschedule`,
      headers: bearer(coordinator),
      payload: { start: '2026-12-04T17:30:00Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      start: '2026-12-04T17:30:00.000Z',
      coverage: { status: 'covered' },
    });
  });

  it('does not offer a group class the patient already has a place in', async () => {
    const [mine] = await t.db.query<{ appointment_id: string }>(
      "SELECT t.appointment_id FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id WHERE s.code = 'yoga' AND t.patient_id = $1",
      [mariaId],
    );
    await t.db.query('UPDATE appointments SET capacity = 12 WHERE id = $1', [mine!.appointment_id]);
    const desk = await slots(await t.login(personas.coordinator.email), {
      serviceId: service.get('yoga')!,
      locationId: phoenix,
    });
    expect(desk.slots.map((s) => s.appointmentId)).toContain(mine!.appointment_id);
    const maria = await slots(await t.login(personas.maria.email), {
      serviceId: service.get('yoga')!,
      locationId: phoenix,
    });
    expect(maria.slots.map((s) => s.appointmentId)).not.toContain(mine!.appointment_id);
  });
});
