import path from 'node:path';
import { addDays } from '@meridian/domain';
import { createTestDatabase, personas, testDatabaseKind } from '@meridian/testing';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database.ts';
import { openPglite } from '../db/pglite.ts';
import { type Answer, ApiClient } from './http-client.ts';
import { startMeridian } from './meridian-process.ts';

const clients = Number(process.env.MERIDIAN_STORM_CLIENTS ?? 200);
const slotCount = Number(process.env.MERIDIAN_STORM_SLOTS ?? 20);

/** Adds `n` patients at the Phoenix clinic, each with a portal account (Maria's password hash). */
async function addStormPatients(q: Queryable, n: number): Promise<string[]> {
  await q.query(
    `INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, email, home_location_id)
     SELECT 'STORM-' || i, 'Storm', 'Patient ' || i, '1980-01-01', 'unknown', 'storm' || i || '@example.org',
            (SELECT id FROM locations WHERE code = 'phoenix')
       FROM generate_series(1, $1::int) i`,
    [n],
  );
  await q.query(
    `INSERT INTO users (email, password_hash, role, display_name, patient_id, location_id)
     SELECT p.email, (SELECT password_hash FROM users WHERE email = $1), 'patient',
            p.given_name || ' ' || p.family_name, p.id, p.home_location_id
       FROM patients p WHERE p.mrn LIKE 'STORM-%'`,
    [personas.maria.email],
  );
  return Array.from({ length: n }, (_, i) => `storm${i + 1}@example.org`);
}

describe(`a booking storm over HTTP (${testDatabaseKind()})`, () => {
  it(`${clients} patients booking ${slotCount} slots at once make exactly ${slotCount} appointments; every other answer is a 409 with a message`, async () => {
    const db = await createTestDatabase('demo', { onDisk: true });
    const emails = await db.tx((q) => addStormPatients(q, clients));
    if (db.label === 'pglite') await db.close();
    const server = await startMeridian(db.location);
    try {
      const desk = await new ApiClient(server.url).signIn(personas.coordinator.email);
      const { services } = await desk.must('GET', '/api/services');
      const { locations } = await desk.must('GET', '/api/locations');
      const serviceId = services.find((s: { code: string }) => s.code === 'acupuncture').id;
      const locationId = locations.find((l: { code: string }) => l.code === 'phoenix').id;
      // Slots three weeks ahead (none passes during the test), of one practitioner, not overlapping.
      const from = addDays(new Date().toISOString().slice(0, 10), 21);
      const { slots } = await desk.must(
        'GET',
        `/api/slots?serviceId=${serviceId}&locationId=${locationId}&from=${from}&limit=200`,
      );
      desk.close();
      const chosen: { practitioner: { id: string }; start: string; end: string }[] = [];
      for (const s of slots) {
        const last = chosen.at(-1);
        if (last && (s.practitioner.id !== last.practitioner.id || s.start < last.end)) continue;
        if (chosen.length < slotCount) chosen.push(s);
      }
      expect(chosen).toHaveLength(slotCount);

      // Every patient signs in on a connection of their own, then all book at the same moment.
      const patients: ApiClient[] = [];
      for (let i = 0; i < clients; i += 20)
        patients.push(
          ...(await Promise.all(
            emails
              .slice(i, i + 20)
              .map((e) => new ApiClient(server.url, { freshConnection: true }).signIn(e)),
          )),
        );
      const ids = await Promise.all(patients.map(async (p) => (await p.must('GET', '/api/me')).patientId));
      const t0 = performance.now();
      const answers: Answer[] = await Promise.all(
        patients.map((p, i) => {
          const slot = chosen[i % slotCount]!;
          return p.send('POST', `/api/patients/${ids[i]}/appointments`, {
            serviceId,
            locationId,
            practitionerId: slot.practitioner.id,
            start: slot.start,
          });
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const byStatus = new Map<number, number>();
      for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
      console.log(
        `Booking storm (${db.label}): ${clients} clients, ${slotCount} slots: ` +
          `${[...byStatus].map(([s, n]) => `${n} × ${s}`).join(', ')} in ${seconds.toFixed(1)} s`,
      );
      expect(answers.filter((a) => a.status === 0 || a.status >= 500)).toEqual([]);
      expect(answers.filter((a) => a.status === 201)).toHaveLength(slotCount);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(clients - slotCount);
      for (const a of answers.filter((x) => x.status === 409))
        expect(a.body.error.message).toMatch(/booked at|taken|Choose another time/);
      // One winner per slot.
      const winners = new Set(
        answers.map((a, i) => (a.status === 201 ? chosen[i % slotCount]!.start : null)).filter(Boolean),
      );
      expect(winners.size).toBe(slotCount);

      expect(await server.stop()).toBe(0);
      const check =
        db.label === 'pglite' ? await openPglite({ dataDir: path.join(db.location.dataDir!, 'pgdata') }) : db;
      try {
        const [row] = await check.query<{ appointments: number; attendances: number }>(
          `SELECT (SELECT count(*) FROM appointments WHERE starts_at = ANY ($1::timestamptz[]) AND status = 'booked')::int8 AS appointments,
                    (SELECT count(*) FROM attendances t JOIN patients p ON p.id = t.patient_id WHERE p.mrn LIKE 'STORM-%')::int8 AS attendances`,
          [chosen.map((s) => s.start)],
        );
        expect(row).toEqual({ appointments: slotCount, attendances: slotCount });
      } finally {
        await check.close();
      }
    } finally {
      server.kill('SIGKILL');
    }
  }, 180_000);
});
