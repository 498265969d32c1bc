import { addDays } from '@meridian/domain';
import { createTestDatabase, personas, testDatabaseKind } from '@meridian/testing';
import { describe, expect, it } from 'vitest';
import { type Answer, ApiClient } from './http-client.ts';
import { startMeridian } from './meridian-process.ts';

const diaryPerPatient = 10;
const bookings = 10;
const searches = 40;

describe(`graceful shutdown (${testDatabaseKind()})`, () => {
  it('answers every request in flight at SIGTERM for real, refuses new ones, exits 0, and keeps every write', async () => {
    const db = await createTestDatabase('demo', { onDisk: true });
    if (db.label === 'pglite') await db.close();
    // In production Meridian logs each request as it takes it in: that is how this test knows which
    // requests the server has received (a request still unread in a socket is not in flight yet).
    const production = { MERIDIAN_ENV: 'production', MERIDIAN_LOG_LEVEL: 'info' };
    let server = await startMeridian(db.location, production);
    const received = () => server.output().match(/"msg":"incoming request"/g)?.length ?? 0;
    const completed = () => server.output().match(/"msg":"request completed"/g)?.length ?? 0;
    try {
      const signIn = (email: string) => new ApiClient(server.url).signIn(email);
      const writers = await Promise.all(
        [personas.maria, personas.james, personas.david].map((p) => signIn(p.email)),
      );
      const desk = await signIn(personas.coordinator.email);
      const patientIds: string[] = await Promise.all(
        writers.map(async (w) => (await w.must('GET', '/api/me')).patientId),
      );
      const { services } = await desk.must('GET', '/api/services');
      const { locations } = await desk.must('GET', '/api/locations');
      const serviceId = services.find((s: { code: string }) => s.code === 'massage').id;
      const locationId = locations.find((l: { code: string }) => l.code === 'rochester').id;
      const slotsPath = `/api/slots?serviceId=${serviceId}&locationId=${locationId}&patientId=${patientIds[1]}&limit=200`;
      const free: { practitioner: { id: string }; start: string; end: string }[] = [];
      for (const s of (await desk.must('GET', slotsPath)).slots) {
        const last = free.at(-1);
        if (!last || (s.practitioner.id === last.practitioner.id && s.start >= last.end)) free.push(s);
      }
      const slots = free.slice(1, bookings + 1); // the first may pass while the test runs
      expect(slots).toHaveLength(bookings);
      const { today } = await writers[0]!.must('GET', `/api/patients/${patientIds[0]}/diary`);
      for (const c of [...writers, desk]) c.close();

      // Diary entries, bookings and slot searches, each on a connection of its own, all sent at once.
      const fresh = (from: ApiClient) => {
        const c = new ApiClient(server.url, { freshConnection: true });
        c.token = from.token;
        return c;
      };
      const requests: { what: string; expected: number; answer: Promise<Answer>; at?: number }[] = [];
      // Every earlier request is logged as received and completed before the count starts.
      await expect.poll(() => received() - completed(), { timeout: 10_000, interval: 5 }).toBe(0);
      const receivedBefore = received();
      // A few diary entries from slow clients: received, but their bodies finish only after SIGTERM, so
      // some requests are in flight at SIGTERM however fast the server answers the others.
      const held = [1, 2, 3].map((k) => {
        const date = addDays(today, -(diaryPerPatient + k));
        const body = { painNow: k, notes: `shutdown held ${date}` };
        const { answer, finish } = fresh(writers[0]!).sendHeld(
          'PUT',
          `/api/patients/${patientIds[0]}/diary/${date}`,
          body,
        );
        requests.push({ what: `held diary ${date}`, expected: 200, answer });
        return { date, finish };
      });
      writers.forEach((w, p) => {
        for (let d = 1; d <= diaryPerPatient; d++) {
          const date = addDays(today, -d);
          const body = { painNow: d, notes: `shutdown ${p} ${date}` };
          const answer = fresh(w).send('PUT', `/api/patients/${patientIds[p]}/diary/${date}`, body);
          requests.push({ what: `diary ${p} ${date}`, expected: 200, answer });
        }
      });
      for (const s of slots) {
        const body = { serviceId, locationId, practitionerId: s.practitioner.id, start: s.start };
        const answer = fresh(desk).send('POST', `/api/patients/${patientIds[1]}/appointments`, body);
        requests.push({ what: `booking ${s.start}`, expected: 201, answer });
      }
      for (let i = 0; i < searches; i++)
        requests.push({
          what: `slot search ${i}`,
          expected: 200,
          answer: fresh(desk).send('GET', slotsPath),
        });
      for (const r of requests)
        void r.answer.then(() => {
          r.at = performance.now();
        });

      // SIGTERM as soon as the server has taken in every request.
      await expect
        .poll(received, { timeout: 30_000, interval: 1 })
        .toBeGreaterThanOrEqual(receivedBefore + requests.length);
      const sigtermAt = performance.now();
      server.kill('SIGTERM');
      await expect
        .poll(() => server.output(), { timeout: 10_000, interval: 2 })
        .toMatch(/SIGTERM: finishing/);
      // New connections during the drain are refused (or answered 503), while the old ones finish.
      let late: Answer;
      for (;;) {
        late = await new ApiClient(server.url, { freshConnection: true }).send('GET', '/healthz');
        if (late.status !== 200) break; // taken in just before the close
      }
      const pendingAtRefusal = requests.filter((r) => r.at === undefined).length;
      for (const h of held) h.finish();
      const answers = await Promise.all(requests.map((r) => r.answer));
      const exit = await server.exited;

      const afterSigterm = requests.filter((r) => r.at! > sigtermAt).length;
      console.log(
        `Graceful shutdown (${db.label}): ${requests.length} requests received, ${afterSigterm} of them answered ` +
          `after SIGTERM; a new connection then got ${late.status || late.error} while ${pendingAtRefusal} were ` +
          `still being answered; exit code ${exit.code}`,
      );
      expect(afterSigterm).toBeGreaterThan(0);
      const wrong = requests
        .map((r, i) => ({
          what: r.what,
          expected: r.expected,
          status: answers[i]!.status,
          error: answers[i]!.error,
        }))
        .filter((a) => a.status !== a.expected);
      expect(wrong).toEqual([]);
      expect(late.status === 503 || /ECONNREFUSED|ECONNRESET/.test(late.error ?? ''), late.error).toBe(true);
      expect(pendingAtRefusal).toBeGreaterThan(0);
      expect(exit).toEqual({ code: 0, signal: null });

      // Every write answered is there after a restart.
      server = await startMeridian(db.location);
      const reader = await new ApiClient(server.url).signIn(personas.coordinator.email);
      const { appointments } = await reader.must('GET', `/api/patients/${patientIds[1]}/appointments`);
      const booked = new Set(appointments.map((a: { start: string }) => a.start));
      expect(slots.filter((s) => !booked.has(s.start))).toEqual([]);
      reader.close();
      for (const [p, w] of writers.entries()) {
        const patient = fresh(w);
        const { entries } = await patient.must(
          'GET',
          `/api/patients/${patientIds[p]}/diary?from=${addDays(today, -diaryPerPatient)}&to=${today}`,
        );
        const notes = new Set(entries.map((e: { notes: string }) => e.notes));
        for (let d = 1; d <= diaryPerPatient; d++)
          expect(notes.has(`shutdown ${p} ${addDays(today, -d)}`), `diary ${p} ${d}`).toBe(true);
      }
      const { entries: early } = await fresh(writers[0]!).must(
        'GET',
        `/api/patients/${patientIds[0]}/diary?from=${addDays(today, -diaryPerPatient - 3)}&to=${today}`,
      );
      for (const h of held)
        expect(
          early.some((e: { notes: string }) => e.notes === `shutdown held ${h.date}`),
          h.date,
        ).toBe(true);
      expect(await server.stop()).toBe(0);
    } finally {
      server.kill('SIGKILL');
      if (db.label === 'postgres') await db.close();
    }
  }, 120_000);
});
