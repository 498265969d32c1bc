import { bearer, createTestApp, personas, type TestApp, testDatabaseKind } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`50 concurrent bookings of one practitioner at one time (${testDatabaseKind()})`, () => {
  // On PostgreSQL the requests run on several connections at once, so only the exclusion constraint can
  // stop the second booking; PGlite runs one query at a time and shows the same answer without a race.
  it('makes exactly one appointment; the other 49 get 409 with a message', async () => {
    const ids = await t.db.tx(async (q) => {
      const out: string[] = [];
      for (let i = 0; i < 50; i++) {
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO patients (mrn, given_name, family_name, birth_date, sex) VALUES ($1, 'Race', $2, '1980-01-01', 'unknown') RETURNING id`,
          [`RACE-${i}`, `Patient ${i}`],
        );
        out.push(row!.id);
      }
      return out;
    });
    const [{ service, location, chen }] = (await t.db.query<{
      service: string;
      location: string;
      chen: string;
    }>(
      `SELECT (SELECT id FROM services WHERE code = 'acupuncture') AS service,
              (SELECT id FROM locations WHERE code = 'phoenix') AS location,
              (SELECT id FROM users WHERE email = 'mei.chen@example.org') AS chen`,
    )) as [{ service: string; location: string; chen: string }];
    const token = await t.login(personas.coordinator.email);
    const answers = await Promise.all(
      ids.map((patientId) =>
        t.app.inject({
          method: 'POST',
          url: `/api/patients/${patientId}/appointments`,
          headers: bearer(token),
          payload: {
            serviceId: service,
            locationId: location,
            practitionerId: chen,
            start: '2026-11-27T16:00:00Z',
          },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().error.message).toMatch(/booked at (this time a moment ago|2026-11-27 09:00)/);
    }
    const rows = await t.db.query(
      "SELECT 1 FROM appointments WHERE practitioner_id = $1 AND starts_at = '2026-11-27T16:00:00Z' AND status = 'booked'",
      [chen],
    );
    expect(rows).toHaveLength(1);
  });
});
