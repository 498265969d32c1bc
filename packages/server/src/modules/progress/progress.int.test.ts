import { dateInZone } from '@meridian/domain';
import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanVersion } from '../plans/plan-repo.ts';
import { queueDiaryReminders } from './diary-reminders.ts';

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

const call = async (email: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(await t.login(email)), ...(payload ? { payload } : {}) });
const today = () => dateInZone(t.clock.now(), 'America/Phoenix');
const daysAgo = (n: number) =>
  dateInZone(new Date(t.clock.now().getTime() - n * 86_400_000), 'America/Phoenix');

describe('the pain diary', () => {
  it("keeps today's entry, replaces it when written again, and marks a backdated one", async () => {
    const first = await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${today()}`, {
      painNow: 5,
      painAverage: 4,
      painWorst: 6,
      sleepHours: 6.5,
      therapies: ['acupuncture'],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().entry).toMatchObject({ painAverage: 4, backdated: false, sleepHours: 6.5 });
    const again = await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${today()}`, {
      painNow: 3,
    });
    expect(again.json().entry).toMatchObject({ painNow: 3, painAverage: null });
    const late = await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${daysAgo(3)}`, {
      painNow: 4,
    });
    expect(late.json().entry.backdated).toBe(true);
    const list = (await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/diary`)).json();
    expect(list.entries.filter((e: { date: string }) => e.date === today())).toHaveLength(1);
  });

  it('refuses a future day, an empty entry, average above worst, and another patient', async () => {
    const tomorrow = dateInZone(new Date(t.clock.now().getTime() + 2 * 86_400_000), 'America/Phoenix');
    const future = await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${tomorrow}`, {
      painNow: 2,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/future/);
    expect(
      (await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${today()}`, {})).statusCode,
    ).toBe(400);
    const order = await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${today()}`, {
      painAverage: 7,
      painWorst: 5,
    });
    expect(order.json().error.message).toMatch(/cannot be higher than your worst/);
    expect(
      (
        await call(personas.maria.email, 'PUT', `/api/patients/${mariaId}/diary/${daysAgo(40)}`, {
          painNow: 2,
        })
      ).statusCode,
    ).toBe(400);
    expect((await call(personas.james.email, 'GET', `/api/patients/${mariaId}/diary`)).statusCode).toBe(404);
    expect((await call(personas.researcher.email, 'GET', `/api/patients/${mariaId}/diary`)).statusCode).toBe(
      404,
    );
  });
});

describe('questionnaires', () => {
  it('scores a PHQ-9 as published and flags the self-harm item', async () => {
    const res = await call(personas.maria.email, 'POST', `/api/patients/${mariaId}/questionnaires`, {
      instrument: 'phq-9',
      answers: [2, 2, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().response).toMatchObject({ score: 11, band: 'moderate', selfHarmItemPositive: true });
    const bad = await call(personas.maria.email, 'POST', `/api/patients/${mariaId}/questionnaires`, {
      instrument: 'gad-7',
      answers: [1, 2, 3],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/7 items/);
    const view = (await call(personas.maria.email, 'GET', `/api/patients/${mariaId}/questionnaires`)).json();
    expect(
      view.responses.some(
        (r: { instrument: string; score: number }) => r.instrument === 'phq-9' && r.score === 11,
      ),
    ).toBe(true);
    expect(view.due.map((d: { instrument: string }) => d.instrument)).toContain('peg');
    const wording = (await call(personas.maria.email, 'GET', '/api/questionnaires')).json();
    expect(wording.instruments.find((i: { id: string }) => i.id === 'gad-7').items).toHaveLength(7);
  });
});

describe('progress and reviews', () => {
  it("shows Maria's twelve weeks: diary, questionnaires, acupuncture sessions, plan versions, goals and a clinically important fall in pain", async () => {
    const p = (await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/progress`)).json();
    expect(p.diary.length).toBeGreaterThan(60);
    expect(p.questionnaires.peg.length).toBeGreaterThanOrEqual(7);
    expect(
      p.sessions.filter(
        (s: { therapy: string; status: string }) => s.therapy === 'acupuncture' && s.status === 'attended',
      ),
    ).toHaveLength(5);
    expect(p.planVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(p.goals.map((g: { goalId: string }) => g.goalId)).toEqual(['g1', 'g2']);
    expect(p.response.important).toBe(true);
    expect(p.response.change).toBeLessThanOrEqual(-2);
    expect(p.review).toMatchObject({ due: true, version: 2 });
    expect(p.adherence.sessionsAttended).toBe(5);
  });

  it("lists Maria's due review on Dr Patel's worklist, and not on Dr Okafor's", async () => {
    const patel = (await call(personas.drPatel.email, 'GET', '/api/reviews/due')).json();
    expect(patel.reviews.map((r: { patient: { id: string } }) => r.patient.id)).toContain(mariaId);
    const audited = await t.db.query(
      "SELECT 1 FROM audit_events WHERE actor_email = $1 AND action = 'list' AND resource_type = 'CarePlan' AND patient_id = $2",
      [personas.drPatel.email, mariaId],
    );
    expect(audited).toHaveLength(1);
    // Dates are read in the patient's zone.
    expect(patel.reviews.find((r: { patient: { id: string } }) => r.patient.id === mariaId)).toMatchObject({
      timeZone: 'America/Phoenix',
      today: today(),
    });
    const okafor = (await call(personas.drOkafor.email, 'GET', '/api/reviews/due')).json();
    expect(okafor.reviews.map((r: { patient: { id: string } }) => r.patient.id)).not.toContain(mariaId);
  });

  it('a review that adjusts the plan makes the next version; a stale review is refused; a confirming review keeps it', async () => {
    const plan = (await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/care-plan`)).json()
      .plan;
    const content = { ...plan.shown.content, reviewDate: daysAgo(-42) };
    const adjusted = await call(
      personas.drPatel.email,
      'POST',
      `/api/patients/${mariaId}/care-plan/reviews`,
      {
        outcome: 'adjusted',
        note: 'Goals on track; next review in six weeks.',
        basedOn: plan.latestVersion,
        content,
      },
    );
    expect(adjusted.statusCode).toBe(201);
    expect(adjusted.json()).toMatchObject({ outcome: 'adjusted', resultingVersion: plan.latestVersion + 1 });
    const stale = await call(personas.drPatel.email, 'POST', `/api/patients/${mariaId}/care-plan/reviews`, {
      outcome: 'confirmed',
      note: 'Looked at an old copy.',
      basedOn: plan.latestVersion,
    });
    expect(stale.statusCode).toBe(409);
    const confirmed = await call(
      personas.drPatel.email,
      'POST',
      `/api/patients/${mariaId}/care-plan/reviews`,
      {
        outcome: 'confirmed',
        note: 'No change needed.',
        basedOn: plan.latestVersion + 1,
      },
    );
    expect(confirmed.json()).toMatchObject({ outcome: 'confirmed', resultingVersion: null });
    const p = (await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/progress`)).json();
    expect(p.review.due).toBe(false);
    expect(p.review.history[0]).toMatchObject({ outcome: 'confirmed' });
    // Patients do not review plans; the plan stays at its version.
    const byPatient = await call(personas.maria.email, 'POST', `/api/patients/${mariaId}/care-plan/reviews`, {
      outcome: 'confirmed',
      note: 'Fine by me.',
      basedOn: plan.latestVersion + 1,
    });
    expect(byPatient.statusCode).toBe(403);
  });

  it("a clinician's review of a plan in its first version creates version 2, with the review as its reason", async () => {
    // James gets a first version (made here as a signed consultation would make it), due for review today.
    const maria = (await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/care-plan`)).json()
      .plan;
    const okafor = await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      personas.drOkafor.email,
    ]);
    const content = { ...maria.shown.content, reviewDate: today() };
    await t.db.tx((q) =>
      addPlanVersion(
        q,
        jamesId,
        { content, reason: 'Signed consultation', changes: [], consultationId: null, basedOn: null },
        okafor[0]!.id,
        t.clock.now(),
      ),
    );
    const due = (await call(personas.drOkafor.email, 'GET', '/api/reviews/due')).json();
    expect(due.reviews.map((r: { patient: { id: string } }) => r.patient.id)).toContain(jamesId);
    const review = await call(personas.drOkafor.email, 'POST', `/api/patients/${jamesId}/care-plan/reviews`, {
      outcome: 'adjusted',
      note: 'Sleeping better; adding a sleep goal.',
      basedOn: 1,
      content: { ...content, reviewDate: daysAgo(-28) },
    });
    expect(review.statusCode).toBe(201);
    expect(review.json()).toMatchObject({ outcome: 'adjusted', resultingVersion: 2 });
    const plan = (await call(personas.james.email, 'GET', `/api/patients/${jamesId}/care-plan`)).json().plan;
    expect(plan.latestVersion).toBe(2);
    expect(plan.versions[0]).toMatchObject({ version: 2 });
    expect(plan.versions[0].reason).toMatch(/^Review: Sleeping better/);
    expect(plan.versions[0].changes.join(' ')).toContain('Review date');
  });

  it("keeps James's progress from Maria", async () => {
    expect((await call(personas.maria.email, 'GET', `/api/patients/${jamesId}/progress`)).statusCode).toBe(
      404,
    );
  });
});

describe('the daily diary reminder', () => {
  it('queues one reminder a day once the chosen local time has passed, only while the day has no entry', async () => {
    // 20:00 UTC is 14:00 in Rochester (America/Chicago).
    const off = (await call(personas.james.email, 'GET', `/api/patients/${jamesId}/diary/reminder`)).json();
    expect(off.reminder).toEqual({ enabled: false, time: '20:00' });
    const set = await call(personas.james.email, 'PUT', `/api/patients/${jamesId}/diary/reminder`, {
      enabled: true,
      time: '15:00',
    });
    expect(set.json().reminder).toEqual({ enabled: true, time: '15:00' });
    expect(await queueDiaryReminders(t.db, t.clock.now())).toBe(0);
    const later = new Date(t.clock.now().getTime() + 90 * 60_000);
    expect(await queueDiaryReminders(t.db, later)).toBe(1);
    expect(await queueDiaryReminders(t.db, later)).toBe(0);
    const queued = await t.db.query<{ subject: string }>(
      "SELECT subject FROM outbox_messages WHERE kind = 'diary_reminder' AND patient_id = $1",
      [jamesId],
    );
    expect(queued).toHaveLength(1);
    // The next day, with the entry already written, nothing is sent.
    const nextDay = new Date(later.getTime() + 86_400_000);
    await t.db.query(
      `INSERT INTO diary_entries (patient_id, entry_date, pain_now, backdated, recorded_at, recorded_by)
       SELECT $1, (($2::timestamptz) AT TIME ZONE 'America/Chicago')::date, 3, false, $2, id FROM users WHERE patient_id = $1`,
      [jamesId, nextDay],
    );
    expect(await queueDiaryReminders(t.db, nextDay)).toBe(0);
    const bad = await call(personas.james.email, 'PUT', `/api/patients/${jamesId}/diary/reminder`, {
      enabled: true,
      time: '25:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(personas.maria.email, 'GET', `/api/patients/${jamesId}/diary/reminder`)).statusCode,
    ).toBe(404);
  });
});
