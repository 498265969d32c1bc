import type { Actor } from '@meridian/domain';
import { createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { loadRelations, withPatientAccess } from './patient-access.ts';

let t: TestApp;
let maria: Actor;
let mariaId: string;
let jamesId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = async (email: string) =>
    (
      await t.db.query<{ id: string; patient_id: string }>(
        'SELECT id, patient_id FROM users WHERE email = $1',
        [email],
      )
    )[0]!;
  const m = await ids(personas.maria.email);
  mariaId = m.patient_id;
  jamesId = (await ids(personas.james.email)).patient_id;
  maria = { userId: m.id, role: 'patient', patientId: mariaId };
});
afterAll(async () => {
  await t.close();
});

/** The test database, counting the statements sent to it. */
function counting(): { q: Queryable; statements: () => number } {
  let n = 0;
  return {
    q: {
      query: (sql, params) => {
        n++;
        return t.db.query(sql, params);
      },
      exec: (sql) => t.db.exec(sql),
    },
    statements: () => n,
  };
}

describe('the facts the policy weighs (loadRelations)', () => {
  it("knows a patient's own record exists without asking the database (their account refers to it)", async () => {
    const { q, statements } = counting();
    const relations = await loadRelations(q, maria, [mariaId], t.clock.now());
    expect(relations.get(mariaId)).toEqual({
      patientExists: true,
      onCareTeam: false,
      hasBedsideAssignment: false,
      breakGlass: null,
    });
    expect(statements()).toBe(0);
  });

  it('asks the database about any other patient, and about her own id spelled another way', async () => {
    const { q, statements } = counting();
    const upper = mariaId.toUpperCase();
    const relations = await loadRelations(q, maria, [mariaId, jamesId, upper], t.clock.now());
    expect(statements()).toBe(1);
    expect(relations.get(jamesId)?.patientExists).toBe(true);
    expect(relations.get(jamesId)?.onCareTeam).toBe(false);
    expect(relations.get(upper)?.patientExists).toBe(true);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await loadRelations(q, maria, [missing], t.clock.now())).get(missing)?.patientExists).toBe(false);
  });
});

describe('a read through the one door (withPatientAccess)', () => {
  it('may not write: a statement that could change data is refused before it reaches the database', async () => {
    const ctx: RequestContext = {
      user: {
        id: maria.userId,
        email: personas.maria.email,
        name: 'Maria',
        role: 'patient',
        discipline: null,
        patientId: mariaId,
      },
      sessionId: 'test',
      sessionKind: 'bearer',
      csrfToken: null,
      ip: '127.0.0.1',
      userAgent: null,
      requestId: 'read-may-not-write',
      now: t.clock.now(),
    };
    const read = {
      category: 'clinical' as const,
      mode: 'read' as const,
      action: 'read',
      resourceType: 'DiaryEntry',
    };
    const before = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM diary_entries WHERE patient_id = $1',
      [mariaId],
    );
    await expect(
      withPatientAccess(t.db, ctx, mariaId, read, (q) =>
        q.query(
          "INSERT INTO diary_entries (patient_id, entry_date, pain_now, recorded_at) VALUES ($1, '2020-01-01', 3, now())",
          [mariaId],
        ),
      ),
    ).rejects.toThrow(/A read of patient data tried to write/);
    await expect(
      withPatientAccess(t.db, ctx, mariaId, read, (q) =>
        q.query(
          'WITH gone AS (DELETE FROM diary_entries WHERE patient_id = $1 RETURNING id) SELECT count(*) FROM gone',
          [mariaId],
        ),
      ),
    ).rejects.toThrow(/tried to write/);
    const after = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM diary_entries WHERE patient_id = $1',
      [mariaId],
    );
    expect(after).toEqual(before);
    // A read that only reads goes through, and is audited once.
    const rows = await withPatientAccess(t.db, ctx, mariaId, read, (q) =>
      q.query<{ n: number }>(
        'WITH d AS (SELECT id FROM diary_entries WHERE patient_id = $1) SELECT count(*)::int AS n FROM d',
        [mariaId],
      ),
    );
    expect(rows).toEqual(before);
    const audited = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE request_id = 'read-may-not-write' AND outcome = 'success'",
    );
    expect(audited[0]!.n).toBe(1);
  });
});
