import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../messages/outbox.ts';

let t: TestApp;
const patient = new Map<string, string>();
const service = new Map<string, string>();
let phoenix: string;
let rochester: string;
let chenId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const p of await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients'))
    patient.set(p.mrn, p.id);
  for (const s of await t.db.query<{ id: string; code: string }>('SELECT id, code FROM services'))
    service.set(s.code, s.id);
  const locations = await t.db.query<{ id: string; code: string }>('SELECT id, code FROM locations');
  phoenix = locations.find((l) => l.code === 'phoenix')!.id;
  rochester = locations.find((l) => l.code === 'rochester')!.id;
  chenId = (
    await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      personas.acupuncturistChen.email,
    ])
  )[0]!.id;
});
afterAll(() => t.close());

const maria = () => patient.get(personas.maria.mrn)!;
const james = () => patient.get(personas.james.mrn)!;
const grace = () => patient.get(personas.grace.mrn)!;
const post = async (email: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: bearer(await t.login(email)), payload });
const get = async (email: string, url: string) =>
  t.app.inject({ url, headers: bearer(await t.login(email)) });

const listedBy = (email: string, resourceType: string, patientId: string) =>
  t.db.query(
    "SELECT 1 FROM audit_events WHERE actor_email = $1 AND action = 'list' AND resource_type = $2 AND patient_id = $3 AND outcome = 'success'",
    [email, resourceType, patientId],
  );

describe('the waitlist, ordered by medical need', () => {
  it('offers a freed slot to the urgent patient before the routine one who waited longer; the offer expires and passes on', async () => {
    const acupuncture = service.get('acupuncture')!;
    // James is routine (from the desk), added first; Maria is urgent (set by Dr. Patel, on her care team).
    const routine = await post(personas.coordinator.email, `/api/patients/${james()}/waitlist`, {
      serviceId: acupuncture,
      locationId: phoenix,
      priority: 'routine',
      reason: 'Wants an earlier start',
    });
    expect(routine.statusCode, routine.body).toBe(201);
    const deskUrgent = await post(personas.coordinator.email, `/api/patients/${maria()}/waitlist`, {
      serviceId: acupuncture,
      locationId: phoenix,
      priority: 'urgent',
      reason: 'Flare',
    });
    expect(deskUrgent.statusCode).toBe(403);
    t.clock.advance(60_000);
    const urgent = await post(personas.drPatel.email, `/api/patients/${maria()}/waitlist`, {
      serviceId: acupuncture,
      locationId: phoenix,
      priority: 'urgent',
      reason: 'Severe flare of low back pain; acupuncture helped before',
    });
    expect(urgent.statusCode, urgent.body).toBe(201);
    const queue = (
      await get(personas.coordinator.email, `/api/waitlist?locationId=${phoenix}&serviceId=${acupuncture}`)
    ).json().entries as { patient: { id: string }; priority: string }[];
    expect(queue.map((e) => e.priority)).toEqual(['urgent', 'routine']);

    // Grace's visit with Mei Chen on Thursday is cancelled: the slot goes to Maria first.
    const booked = await post(personas.coordinator.email, `/api/patients/${grace()}/appointments`, {
      serviceId: acupuncture,
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-11-26T20:00:00Z',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const cancel = await post(
      personas.coordinator.email,
      `/api/patients/${grace()}/appointments/${booked.json().id}/cancel`,
      {
        reason: 'Patient still in hospital',
      },
    );
    expect(cancel.statusCode).toBe(200);
    const mariaList = (await get(personas.maria.email, `/api/patients/${maria()}/waitlist`)).json().entries;
    expect(mariaList[0]).toMatchObject({ status: 'offered', offer: { start: '2026-11-26T20:00:00.000Z' } });
    expect(
      (await get(personas.coordinator.email, `/api/patients/${james()}/waitlist`)).json().entries[0].offer,
    ).toBeNull();

    // Maria does not answer within 12 hours: the offer expires and James gets it.
    t.clock.advance(13 * 3_600_000);
    const afterExpiry = (await get(personas.maria.email, `/api/patients/${maria()}/waitlist`)).json().entries;
    expect(afterExpiry[0]).toMatchObject({ status: 'waiting', offer: null });
    const jamesOffer = (await get(personas.coordinator.email, `/api/patients/${james()}/waitlist`)).json()
      .entries[0];
    expect(jamesOffer.offer.start).toBe('2026-11-26T20:00:00.000Z');
    const late = await post(
      personas.maria.email,
      `/api/patients/${maria()}/waitlist/offers/${mariaList[0].offer.id}/accept`,
    );
    expect(late.statusCode).toBe(409);
    const accepted = await post(
      personas.james.email,
      `/api/patients/${james()}/waitlist/offers/${jamesOffer.offer.id}/accept`,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const visits = (await get(personas.james.email, `/api/patients/${james()}/appointments`)).json()
      .appointments;
    expect(
      visits.some(
        (v: { start: string; status: string }) =>
          v.start === '2026-11-26T20:00:00.000Z' && v.status === 'booked',
      ),
    ).toBe(true);
  });
});

describe('messages and calendar files', () => {
  it('queues a confirmation and a reminder, sends them through the sender once, and serves an .ics file', async () => {
    const res = await post(personas.maria.email, `/api/patients/${maria()}/appointments`, {
      serviceId: service.get('acupuncture'),
      locationId: phoenix,
      practitionerId: chenId,
      start: '2026-12-03T17:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    const queued = await t.db.query<{ kind: string; subject: string; send_after: Date }>(
      'SELECT kind, subject, send_after FROM outbox_messages WHERE attendance_id = $1 ORDER BY send_after',
      [res.json().id],
    );
    expect(queued.map((m) => m.kind)).toEqual(['booking_confirmation', 'reminder']);
    expect(queued[0]!.subject).toContain('Dec 3, 2026, 10:00 AM MST');
    expect(queued[1]!.send_after.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    const sent: string[] = [];
    const sender = { send: async (m: { subject: string }) => void sent.push(m.subject) };
    await deliverDue(t.db, sender, t.clock.now());
    await deliverDue(t.db, sender, t.clock.now());
    expect(sent.filter((s) => s.startsWith('Booked: Acupuncture on Thu, Dec 3'))).toHaveLength(1);
    expect(sent.some((s) => s.startsWith('Reminder'))).toBe(false);

    const ics = await get(
      personas.maria.email,
      `/api/patients/${maria()}/appointments/${res.json().id}/calendar.ics`,
    );
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261203T170000Z');
    expect(ics.body).toContain('SUMMARY:Acupuncture with Mei Chen');
    const other = await get(
      personas.james.email,
      `/api/patients/${maria()}/appointments/${res.json().id}/calendar.ics`,
    );
    expect(other.statusCode).toBe(404);
  });
});

describe('bedside orders', () => {
  it('lets a nurse order bedside massage for an inpatient with a chest drain; the therapist sees it with its precautions and records before/after scores', async () => {
    const order = await post(personas.nurseLind.email, `/api/patients/${grace()}/bedside-orders`, {
      serviceId: service.get('inpatient-massage'),
      locationId: rochester,
      unit: 'Cardiac surgery, 4 West',
      room: '412',
      bed: 'A',
      precautions: ['chest-drain', 'iv-line', 'surgical-wound', 'fall-risk'],
      notes: 'Sternotomy day 3; avoid the chest and the left arm IV site.',
    });
    expect(order.statusCode, order.body).toBe(201);
    const created = order.json();
    expect(created.precautions.map((p: { label: string }) => p.label)).toEqual([
      'Chest drain',
      'IV line',
      'Surgical wound',
      'Fall risk',
    ]);
    // The surgical wound maps to the knowledge base's open wound: massage over it is a documented precaution.
    expect(
      created.findings.some((f: { kind: string; items: string[] }) => f.items.includes('open-wound')),
    ).toBe(true);

    const worklist = (await get(personas.massageBerg.email, '/api/bedside/worklist')).json().orders as {
      id: string;
      patient: { name: string } | null;
      precautions: { label: string }[];
    }[];
    const mine = worklist.find((o) => o.id === created.id)!;
    expect(mine.patient?.name).toBe('Grace Thompson');
    expect(mine.precautions.map((p) => p.label)).toContain('Chest drain');
    expect(await listedBy(personas.massageBerg.email, 'BedsideOrder', grace())).toHaveLength(1);
    // An acupuncturist in Phoenix does not see a Rochester massage order.
    const chen = (await get(personas.acupuncturistChen.email, '/api/bedside/worklist')).json().orders as {
      id: string;
    }[];
    expect(chen.map((o) => o.id)).not.toContain(created.id);
    expect(await listedBy(personas.acupuncturistChen.email, 'BedsideOrder', grace())).toHaveLength(0);

    const session = await post(personas.massageBerg.email, `/api/bedside-orders/${created.id}/sessions`, {
      painBefore: 7,
      painAfter: 4,
      anxietyBefore: 6,
      anxietyAfter: 3,
      minutes: 20,
      notes: 'Feet and right hand only.',
    });
    expect(session.statusCode, session.body).toBe(201);
    const bad = await post(personas.massageBerg.email, `/api/bedside-orders/${created.id}/sessions`, {
      painBefore: 11,
      painAfter: 4,
      anxietyBefore: null,
      anxietyAfter: null,
      minutes: 20,
    });
    expect(bad.statusCode).toBe(400);
    const history = (await get(personas.nurseLind.email, `/api/patients/${grace()}/bedside-orders`)).json();
    expect(history.orders.find((o: { id: string }) => o.id === created.id).status).toBe('completed');
    expect(history.sessions[0]).toMatchObject({
      painBefore: 7,
      painAfter: 4,
      anxietyBefore: 6,
      anxietyAfter: 3,
    });
  });

  it('refuses a bedside order from a coordinator and for a service that is not a bedside one', async () => {
    const desk = await post(personas.coordinator.email, `/api/patients/${grace()}/bedside-orders`, {
      serviceId: service.get('inpatient-massage'),
      locationId: rochester,
      unit: '4 West',
      room: '412',
    });
    expect(desk.statusCode).toBe(403);
    const outpatient = await post(personas.nurseLind.email, `/api/patients/${grace()}/bedside-orders`, {
      serviceId: service.get('massage'),
      locationId: rochester,
      unit: '4 West',
      room: '412',
    });
    expect(outpatient.statusCode).toBe(400);
    const volunteers = await post(personas.nurseLind.email, `/api/patients/${grace()}/bedside-orders`, {
      serviceId: service.get('volunteer-hand-massage'),
      locationId: rochester,
      unit: '4 West',
      room: '412',
    });
    expect(volunteers.statusCode).toBe(400);
    expect(volunteers.json().error.message).toContain('volunteers on their rounds');
  });

  it('lets the volunteer record a hand massage on their rounds with comfort scores', async () => {
    const visits = (await get(personas.volunteer.email, '/api/volunteer/visits')).json().visits as {
      id: string;
    }[];
    const res = await post(personas.volunteer.email, `/api/volunteer/visits/${visits[0]!.id}/session`, {
      painBefore: 5,
      painAfter: 3,
      anxietyBefore: 6,
      anxietyAfter: 2,
      minutes: 15,
    });
    expect(res.statusCode, res.body).toBe(201);
    const again = await post(personas.volunteer.email, `/api/volunteer/visits/${visits[0]!.id}/session`, {
      painBefore: 5,
      painAfter: 3,
      anxietyBefore: 6,
      anxietyAfter: 2,
      minutes: 15,
    });
    expect(again.statusCode).toBe(404);
  });
});
