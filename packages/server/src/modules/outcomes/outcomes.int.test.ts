import { addDays } from '@meridian/domain';
import { bearer, createTestApp, personas, type TestApp, testNow } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../seed/demo-data.ts';
import { seedDemoInpatients } from '../../seed/demo-outcomes.ts';
import { createUser } from '../users/users-service.ts';
import { outcomesRoutes } from './outcomes-routes.ts';

// The program outcome reports over the demo data plus a small outpatient cohort written here: twelve
// patients with complex regional pain syndrome (a condition no demo patient has, so the demo's own
// visits stay out of these groups) who attended one acupuncture class on 1 September; three of them
// also had a massage the next day. Expected numbers are worked out below with plain arithmetic from
// the values inserted, not with the code under test.

const researcher = 'researcher@example.org';
const condition = 'complex-regional-pain-syndrome';
const from = '2026-01-01';
const to = '2026-11-22';
const sessionDay = '2026-09-01';

/** Two-sided 95% critical values of Student's t by degrees of freedom (from a printed t table). */
const t975: Record<number, number> = {
  10: 2.228,
  11: 2.201,
  12: 2.179,
  13: 2.16,
  14: 2.145,
  15: 2.131,
  16: 2.12,
  17: 2.11,
  18: 2.101,
  19: 2.093,
  20: 2.086,
  21: 2.08,
  22: 2.074,
  23: 2.069,
  24: 2.064,
  25: 2.06,
  26: 2.056,
  27: 2.052,
  28: 2.048,
  29: 2.045,
  30: 2.042,
  31: 2.04,
  32: 2.037,
  33: 2.035,
  34: 2.032,
  35: 2.03,
  36: 2.028,
  37: 2.026,
  38: 2.024,
  39: 2.023,
  40: 2.021,
};

// Per patient: three baseline diary days (19 Aug, 25 Aug, 1 Sep) and two follow-up days (10 and 20 Nov).
// Patient 12 writes no follow-up, so is not counted: 11 counted patients, just enough to be shown.
const baselines = [
  [7, 8, 7],
  [6, 6, 7],
  [8, 8, 8],
  [5, 6, 5],
  [7, 7, 6],
  [6, 7, 8],
  [9, 8, 8],
  [4, 5, 4],
  [7, 6, 6],
  [8, 7, 7],
  [5, 5, 6],
  [6, 6, 6],
];
const followUps = [
  [4, 5],
  [5, 6],
  [6, 5],
  [5, 4],
  [3, 3],
  [7, 6],
  [6, 7],
  [4, 3],
  [6, 6],
  [5, 4],
  [5, 6],
  [],
];

let t: TestApp;
const tokens = new Map<string, string>();
const cohort: string[] = [];

const get = async (email: string, url: string) => {
  if (!tokens.has(email)) tokens.set(email, await t.login(email));
  return t.app.inject({ url, headers: bearer(tokens.get(email)!) });
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const closeTo = (actual: number | null, expected: number, tolerance = 0.006) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} should be close to ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
};

/** Mean change with a 95% CI over pairs, by hand. */
function byHand(pairs: { before: number; after: number }[]) {
  const n = pairs.length;
  const diffs = pairs.map((p) => p.after - p.before);
  const d = mean(diffs);
  const sd = Math.sqrt(diffs.reduce((a, x) => a + (x - d) ** 2, 0) / (n - 1));
  const half = (t975[n - 1] ?? Number.NaN) * (sd / Math.sqrt(n));
  return {
    n,
    before: mean(pairs.map((p) => p.before)),
    after: mean(pairs.map((p) => p.after)),
    change: d,
    ci: [d - half, d + half] as const,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  // Until the outcome routes are registered in app.ts, register them on the test app.
  if (!t.app.hasRoute({ method: 'GET', url: '/api/outcomes/report' }))
    outcomesRoutes(t.app, { config: t.config, db: t.db, clock: t.clock, sleep: async () => undefined });
  await t.db.tx(async (q) => {
    await seedDemoInpatients(q, { now: testNow });
    const [exists] = await q.query('SELECT 1 FROM users WHERE lower(email) = $1', [researcher]);
    if (!exists)
      await createUser(q, {
        email: researcher,
        name: 'Robin Ames',
        role: 'researcher',
        password: demoPassword,
      });

    const [ctx] = await q.query<{
      phoenix: string;
      chen: string;
      brooks: string;
      acu: string;
      massage: string;
    }>(
      `SELECT (SELECT id FROM locations WHERE code = 'phoenix') AS phoenix,
              (SELECT id FROM users WHERE email = 'mei.chen@example.org') AS chen,
              (SELECT id FROM users WHERE email = 'olivia.brooks@example.org') AS brooks,
              (SELECT id FROM services WHERE code = 'acupuncture') AS acu,
              (SELECT id FROM services WHERE code = 'massage') AS massage`,
    );
    const c = ctx!;
    const appointment = async (service: string, practitioner: string, startsAt: string) => {
      const [a] = await q.query<{ id: string; starts_at: Date; ends_at: Date }>(
        `INSERT INTO appointments (service_id, location_id, practitioner_id, setting, starts_at, ends_at, capacity, status,
                                   created_by, created_at, updated_at)
         VALUES ($1, $2, $3, 'outpatient', $4, $4::timestamptz + interval '45 minutes', 20, 'completed', $3, $4, $4)
         RETURNING id, starts_at, ends_at`,
        [service, c.phoenix, practitioner, startsAt],
      );
      return a!;
    };
    // 10:00 in Phoenix (UTC−7) on 1 and 2 September.
    const acupuncture = await appointment(c.acu, c.chen, '2026-09-01T17:00:00Z');
    const massage = await appointment(c.massage, c.brooks, '2026-09-02T17:00:00Z');
    const attend = (a: typeof acupuncture, patient: string, status = 'attended') =>
      q.query(
        `INSERT INTO attendances (appointment_id, patient_id, during, status, booked_by, booked_at)
         VALUES ($1, $2, tstzrange($3, $4, '[)'), $5, $6, $3)`,
        [a.id, patient, a.starts_at, a.ends_at, status, c.chen],
      );
    const diary = (patient: string, day: string, average: number | null, now: number | null = null) =>
      q.query(
        `INSERT INTO diary_entries (patient_id, entry_date, pain_now, pain_average, backdated, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, false, $5, $6)`,
        [patient, day, now, average, `${day}T20:00:00Z`, c.chen],
      );
    for (let i = 0; i < 13; i++) {
      const [p] = await q.query<{ id: string }>(
        `INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, home_location_id)
         VALUES ($1, $2, 'Outcomeson', '1970-01-01', 'female', $3) RETURNING id`,
        [`TST-OUT-${String(i + 1).padStart(2, '0')}`, `Cohort${i + 1}`, c.phoenix],
      );
      const id = p!.id;
      await q.query(
        `INSERT INTO regimen_items (patient_id, category, entered_text, resolved_id, resolved_kind, resolved_name,
                                    entered_by_role, added_at)
         VALUES ($1, 'condition', 'CRPS', $2, 'condition', 'complex regional pain syndrome', 'clinician', $3)`,
        [id, condition, testNow],
      );
      if (i === 12) {
        // Booked but did not come: not in any group, whatever their diary says.
        await attend(acupuncture, id, 'no_show');
        await diary(id, sessionDay, 9);
        await diary(id, '2026-11-20', 1);
        continue;
      }
      cohort.push(id);
      await attend(acupuncture, id);
      if (i < 3) await attend(massage, id);
      const [b1, b2, b3] = baselines[i]!;
      // Patient 4 rates only "pain now" on 25 August: the report falls back to it.
      await diary(id, '2026-08-19', b1!);
      await diary(id, '2026-08-25', i === 3 ? null : b2!, b2!);
      await diary(id, sessionDay, b3!);
      // Outside both windows: 18 August is 14 days before the session, 8 November before the last 14 days.
      await diary(id, '2026-08-18', 0);
      await diary(id, '2026-11-08', 10);
      for (const [k, value] of followUps[i]!.entries())
        await diary(id, k === 0 ? '2026-11-10' : '2026-11-20', value);
    }
    // The PEG for three of them only: too few to show.
    for (const id of cohort.slice(0, 3)) {
      for (const [day, score] of [
        ['2026-08-30', 7],
        ['2026-11-15', 5],
      ] as const)
        await q.query(
          `INSERT INTO questionnaire_responses (patient_id, instrument, answers, score, completed_at, source)
           VALUES ($1, 'peg', '{7,7,7}', $2, $3, 'portal')`,
          [id, score, `${day}T19:00:00Z`],
        );
    }
  });
});
afterAll(() => t.close());

const reportUrl = (query: Record<string, string>) =>
  `/api/outcomes/report?${new URLSearchParams({ from, to, condition, ...query })}`;

/** The expected acupuncture row, by hand from the arrays above. */
function expectedAcupuncture() {
  const counted = baselines.flatMap((b, i) =>
    followUps[i]!.length ? [{ before: mean(b), after: mean(followUps[i]!) }] : [],
  );
  const improved = counted.filter((p) => p.after - p.before <= -2 || (p.after - p.before) / p.before <= -0.3);
  return { ...byHand(counted), improvedShare: improved.length / counted.length };
}

describe('the outcome report', () => {
  it('matches a hand computation for a therapy group, and suppresses a group of three (n is null)', async () => {
    const res = await get(researcher, reportUrl({ groupBy: 'therapy' }));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ from, to });
    expect(body.method).toMatch(/attended/);
    expect(body.method).toMatch(/14 days/);
    expect(body.method).toMatch(/28 days/);
    expect(body.method).toMatch(/fewer than 11/);
    const acupuncture = body.rows.find((r: { group: { id: string } }) => r.group.id === 'acupuncture');
    const want = expectedAcupuncture();
    expect(want.n).toBe(11);
    expect(acupuncture).toMatchObject({
      group: { kind: 'therapy', name: 'Acupuncture' },
      n: 11,
      suppressed: false,
    });
    closeTo(acupuncture.baselineMean, want.before);
    closeTo(acupuncture.followUpMean, want.after);
    closeTo(acupuncture.meanChange, want.change);
    closeTo(acupuncture.ci95[0], want.ci[0], 0.01);
    closeTo(acupuncture.ci95[1], want.ci[1], 0.01);
    closeTo(acupuncture.improvedShare, want.improvedShare, 0.001);

    const massage = body.rows.find((r: { group: { id: string } }) => r.group.id === 'massage');
    expect(massage).toEqual({
      group: { kind: 'therapy', id: 'massage', name: 'Massage' },
      n: null,
      baselineMean: null,
      followUpMean: null,
      meanChange: null,
      ci95: null,
      improvedShare: null,
      suppressed: true,
    });
  });

  it('groups the same patients by condition, home location and discipline', async () => {
    const want = expectedAcupuncture();
    const byCondition = (await get(researcher, reportUrl({ groupBy: 'condition' }))).json();
    expect(byCondition.rows).toHaveLength(1);
    expect(byCondition.rows[0].group).toEqual({
      kind: 'condition',
      id: condition,
      name: expect.stringMatching(/^Complex regional pain syndrome/),
    });
    closeTo(byCondition.rows[0].meanChange, want.change);

    const byLocation = (await get(researcher, reportUrl({ groupBy: 'location' }))).json();
    expect(byLocation.rows).toHaveLength(1);
    expect(byLocation.rows[0]).toMatchObject({ n: 11, group: { kind: 'location', name: /Phoenix/ } });

    const byDiscipline = (await get(researcher, reportUrl({ groupBy: 'discipline' }))).json();
    expect(
      byDiscipline.rows.map((r: { group: { name: string }; n: number | null }) => [r.group.name, r.n]),
    ).toEqual([
      ['Acupuncturist', 11],
      ['Massage therapist', null],
    ]);
  });

  it('narrows to one therapy and measures the PEG, which too few completed', async () => {
    const res = await get(researcher, reportUrl({ therapy: 'acupuncture', measure: 'peg' }));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.filters.therapy).toEqual({ id: 'acupuncture', name: 'Acupuncture' });
    expect(body.method).toMatch(/borrows the rule for pain intensity/);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ group: { id: 'acupuncture' }, n: null, suppressed: true });
  });

  it('refuses an unknown condition and an inverted period with a message', async () => {
    const unknown = await get(researcher, reportUrl({ condition: 'no-such-thing' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/not a condition Meridian knows/);
    const inverted = await get(researcher, `/api/outcomes/report?from=2026-05-01&to=2026-04-01`);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.message).toMatch(/starts .* after it ends/);
  });

  it('answers with the last 365 days by default', async () => {
    const res = await get(personas.admin.email, '/api/outcomes/report');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().period).toEqual({ from: addDays('2026-11-22', -364), to: '2026-11-22' });
  });
});

describe('the CSV export', () => {
  it('holds group names and numbers, never a patient name, MRN or id', async () => {
    const res = await get(researcher, reportUrl({ groupBy: 'therapy' }).replace('/report?', '/report.csv?'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="meridian-outcomes-${from}-${to}.csv"`,
    );
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'group,n,baseline_mean,follow_up_mean,mean_change,ci95_low,ci95_high,improved_share',
    );
    expect(lines).toContain(
      'Massage,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed',
    );
    expect(lines.find((l) => l.startsWith('Acupuncture,11,'))).toBeDefined();
    const patients = await t.db.query<{ id: string; mrn: string; given_name: string; family_name: string }>(
      'SELECT id, mrn, given_name, family_name FROM patients',
    );
    expect(patients.length).toBeGreaterThan(20);
    for (const p of patients) {
      for (const identifier of [p.id, p.mrn, p.given_name, p.family_name])
        expect(res.body, `${identifier} must not be in the export`).not.toMatch(
          new RegExp(`\\b${identifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
        );
    }
  });
});

describe('the bedside report', () => {
  it('matches a hand computation from the bedside sessions of the massage service', async () => {
    const res = await get(researcher, '/api/outcomes/bedside');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const period = body.period as { from: string; to: string };
    expect(period.to).toBe('2026-11-22');
    const raw = await t.db.query<{
      patient_id: string;
      pain_before: number | null;
      pain_after: number | null;
      anxiety_before: number | null;
      anxiety_after: number | null;
    }>(
      `SELECT b.patient_id, b.pain_before, b.pain_after, b.anxiety_before, b.anxiety_after
         FROM bedside_sessions b JOIN services s ON s.id = b.service_id
        WHERE s.code = 'inpatient-massage' AND b.delivered_at >= $1 AND b.delivered_at < $2`,
      [`${period.from}T06:00:00Z`, '2026-11-23T06:00:00Z'],
    );
    const patients = new Set(raw.map((r) => r.patient_id)).size;
    expect(patients).toBeGreaterThanOrEqual(12);
    const row = body.services.find(
      (s: { service: { code: string } }) => s.service.code === 'inpatient-massage',
    );
    expect(row).toMatchObject({ suppressed: false, sessions: raw.length, patients });
    for (const [score, before, after] of [
      ['pain', 'pain_before', 'pain_after'],
      ['anxiety', 'anxiety_before', 'anxiety_after'],
    ] as const) {
      const pairs = raw.flatMap((r) =>
        r[before] === null || r[after] === null ? [] : [{ before: r[before]!, after: r[after]! }],
      );
      const want = byHand(pairs);
      const got = row[score];
      expect(got.pairedSessions).toBe(want.n);
      closeTo(got.meanBefore, want.before);
      closeTo(got.meanAfter, want.after);
      closeTo(got.meanChange, want.change);
      closeTo(got.ci95[0], want.ci[0], 0.01);
      closeTo(got.ci95[1], want.ci[1], 0.01);
      closeTo(got.fellBy2Share, pairs.filter((p) => p.after - p.before <= -2).length / pairs.length, 0.001);
    }
  });

  it('suppresses the volunteer hand massage, given to fewer than 11 patients', async () => {
    const body = (await get(personas.admin.email, '/api/outcomes/bedside')).json();
    const hand = body.services.find(
      (s: { service: { code: string } }) => s.service.code === 'volunteer-hand-massage',
    );
    expect(hand).toMatchObject({ suppressed: true, sessions: null, patients: null });
    expect(hand.pain.meanChange).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/MER-0002/);
  });
});

describe('who may read outcome reports', () => {
  it('refuses patients, clinicians and coordinators with a message, and audits each refusal', async () => {
    for (const email of [personas.maria.email, personas.drPatel.email, personas.coordinator.email]) {
      for (const url of ['/api/outcomes/report', '/api/outcomes/report.csv', '/api/outcomes/bedside']) {
        const res = await get(email, url);
        expect(res.statusCode, `${email} ${url}`).toBe(403);
        expect(res.json().error.message).toMatch(/administrators and researchers/);
      }
    }
    const denied = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE resource_type = 'OutcomeReport' AND outcome = 'denied'",
    );
    expect(denied[0]!.n).toBe(9);
  });

  it('lets the researcher and the administrator in, one audit row per call without a patient', async () => {
    const count = async () =>
      (
        await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_events WHERE resource_type = 'OutcomeReport' AND outcome = 'success'",
        )
      )[0]!.n;
    const before = await count();
    for (const email of [researcher, personas.admin.email]) {
      expect((await get(email, reportUrl({}))).statusCode).toBe(200);
      expect((await get(email, reportUrl({}).replace('/report?', '/report.csv?'))).statusCode).toBe(200);
      expect((await get(email, '/api/outcomes/bedside')).statusCode).toBe(200);
    }
    expect(await count()).toBe(before + 6);
    const rows = await t.db.query<{ action: string; patient_id: string | null; detail: { query: object } }>(
      `SELECT action, patient_id, detail FROM audit_events WHERE resource_type = 'OutcomeReport' AND outcome = 'success'
        ORDER BY id DESC LIMIT 6`,
    );
    expect(rows.map((r) => r.action).sort()).toEqual([
      'export',
      'export',
      'report',
      'report',
      'report',
      'report',
    ]);
    expect(rows.every((r) => r.patient_id === null)).toBe(true);
    expect(rows.find((r) => r.action === 'export')!.detail.query).toMatchObject({ condition, from, to });
  });
});
