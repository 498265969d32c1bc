// Slot search at scale: the first 20 free slots of one service (acupuncture) across 100 practitioners
// at 3 locations over 90 days, each practitioner's calendar about 75% booked. Measured three ways in
// one run: the pure search (calendars already loaded), the server's search with its queries on the
// embedded database, and GET /api/slots through HTTP as a ratio to GET /healthz on the same server.
// Not part of `npm test`. Usage: node bench/slots.ts [--rounds 9 --seconds 2]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, findSlots, type PractitionerCalendar } from '@meridian/domain';
import { migrate, openPglite, searchSlots, seedDemo } from '@meridian/server';
import { startServer } from '../tests/e2e/harness.ts';
import { driver, type LoadResult, loadAgainstHealthz } from './http-load.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '9' }, seconds: { type: 'string', default: '2' } },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const practitioners = 100;
const days = 90;
const now = new Date();
const progress = (line: string) => process.stderr.write(`  ${line}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-slots-'));
const db = await openPglite({ dataDir: `${dataDir}/pgdata` });
await migrate(db);
progress('seeding the demo …');
await seedDemo(db, { env: 'development', now });
progress(`adding ${practitioners} acupuncturists, their rooms, hours and ${days} days of visits …`);
const ids = await db.tx(async (q) => {
  const [{ service }] = (await q.query<{ service: string }>(
    "SELECT id AS service FROM services WHERE code = 'acupuncture'",
  )) as [{ service: string }];
  const locations = await q.query<{ id: string; code: string }>(
    'SELECT id, code FROM locations ORDER BY code',
  );
  for (const l of locations) {
    await q.query(
      'INSERT INTO location_services (location_id, service_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [l.id, service],
    );
  }
  // Practitioner i works at location i % 3 with a room of their own, Monday to Saturday 08:00–18:00.
  await q.query(
    `WITH p AS (
       INSERT INTO users (email, password_hash, role, discipline, display_name, location_id)
       SELECT 'bench' || i || '@example.org', 'x', 'clinician', 'acupuncturist', 'Bench Acupuncturist ' || i,
              (SELECT id FROM locations ORDER BY code OFFSET (i % 3) LIMIT 1)
         FROM generate_series(1, $1::int) i RETURNING id, location_id, display_name)
     , c AS (INSERT INTO credentials (user_id, kind, number, issuer, expires_on)
             SELECT id, 'acupuncture-licence', 'B-' || id, 'Bench board', $2::date FROM p)
     , w AS (INSERT INTO working_hours (user_id, location_id, weekday, starts, ends)
             SELECT p.id, p.location_id, d, '08:00', '18:00' FROM p, generate_series(1, 6) d)
     , r AS (INSERT INTO rooms (location_id, name) SELECT location_id, 'Room of ' || display_name FROM p RETURNING id)
     INSERT INTO room_services (room_id, service_id) SELECT id, $3 FROM r`,
    [practitioners, addDays(now.toISOString().slice(0, 10), 400), service],
  );
  // About three in four working hours booked, hour by hour, in each practitioner's own room.
  await q.query(
    `INSERT INTO appointments (service_id, location_id, room_id, practitioner_id, setting, starts_at, ends_at, created_by, created_at, updated_at)
     SELECT $1, u.location_id, r.id, u.id, 'outpatient', t, t + interval '1 hour', u.id, $2, $2
       FROM users u JOIN rooms r ON r.name = 'Room of ' || u.display_name JOIN locations l ON l.id = u.location_id,
            generate_series(date_trunc('hour', $2::timestamptz) + interval '1 hour', $2::timestamptz + ($3 || ' days')::interval, interval '1 hour') t
      WHERE u.email LIKE 'bench%' AND random() < 0.75
        AND extract(hour FROM t AT TIME ZONE l.time_zone) BETWEEN 8 AND 17
        AND extract(isodow FROM t AT TIME ZONE l.time_zone) BETWEEN 1 AND 6`,
    [service, now, days],
  );
  return { service, locations };
});
const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments')) as [
  { n: number },
];
progress(`${n} appointments in the database.`);

const time = async (rounds: number, fn: () => Promise<unknown> | unknown) => {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(rounds / 2)]!, p99Ms: times[Math.floor(rounds * 0.99)]! };
};

// 1. The pure search, over calendars built once (what the domain does per request).
const calendars: PractitionerCalendar[] = Array.from({ length: Math.ceil(practitioners / 3) }, (_, i) => {
  const busy = [];
  for (let h = 1; h < days * 24; h++) {
    const hour = new Date(now.getTime() + h * 3_600_000).getUTCHours();
    if (hour >= 14 && hour < 24 && Math.random() < 0.75) {
      const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + h * 3_600_000);
      busy.push({ start, end: new Date(start.getTime() + 3_600_000) });
    }
  }
  return {
    practitionerId: `p${i}`,
    hours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, starts: '08:00', ends: '18:00' })),
    busy,
  };
});
const today = now.toISOString().slice(0, 10);
const pure = await time(200, () =>
  findSlots(calendars, {
    timeZone: 'America/Chicago',
    from: today,
    to: addDays(today, days - 1),
    durationMinutes: 60,
    notBefore: now,
    limit: 20,
  }),
);
progress(`pure search: median ${pure.medianMs.toFixed(3)} ms`);

// 2. The server's search on the embedded database (queries included), in process.
const rochester = ids.locations.find((l) => l.code === 'rochester')!.id;
const query = {
  serviceId: ids.service,
  locationId: rochester,
  from: today,
  to: addDays(today, days - 1),
  limit: 20,
};
let found = 0;
const withDb = await time(50, async () => {
  found = (await db.snapshot((q) => searchSlots(q, query, now))).slots.length;
});
progress(`server search in process: median ${withDb.medianMs.toFixed(2)} ms, ${found} slots`);
await db.close();

// 3. Through HTTP, against /healthz on the same server (alternating windows; see http-load.ts).
const server = await startServer({ dataDir });
let http: LoadResult;
try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@example.org', password: 'meridian-demo' }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const params = new URLSearchParams({ ...query, limit: '20' });
  const check = await fetch(`${server.url}/api/slots?${params}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!check.ok) throw new Error(`GET /api/slots answered ${check.status}: ${await check.text()}`);
  progress(`GET /api/slots against GET /healthz (${driver}) …`);
  http = await loadAgainstHealthz(
    server.url,
    {
      name: 'GET /api/slots',
      url: `${server.url}/api/slots?${params}`,
      headers: { authorization: `Bearer ${token}` },
    },
    { pid: server.pid, rounds, secondsPerWindow: seconds, concurrency: 16 },
  );
} finally {
  await server.stop();
}
const result = {
  at: new Date().toISOString(),
  practitioners,
  locations: 3,
  days,
  appointments: n,
  slotsFound: found,
  pureSearch: pure,
  serverSearchInProcess: withDb,
  driver,
  http,
  node: process.version,
};
const out = path.join(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'slots.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  `# Slot search (${result.at})`,
  '',
  `First 20 free acupuncture slots at one location (of 3) among ${practitioners} practitioners over ${days} days; ${n} appointments booked (about 75% of working hours). Embedded PostgreSQL, Node ${process.version}, load generator on the same machine; the HTTP figures are medians of ${rounds} rounds of ${seconds} s, each beside ${seconds} s of GET /healthz.`,
  '',
  '| measure | median ms | p99 ms | req/s | ratio to /healthz |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| pure search (calendars loaded) | ${pure.medianMs.toFixed(3)} | ${pure.p99Ms.toFixed(3)} | | |`,
  `| server search with its queries, in process | ${withDb.medianMs.toFixed(2)} | ${withDb.p99Ms.toFixed(2)} | | |`,
  `| GET /api/slots over HTTP (${driver}, 16 connections) | ${http.p50.toFixed(1)} | ${http.p99.toFixed(1)} | ${http.rps.toFixed(0)} | ${http.ratioToHealthz.toFixed(2)} |`,
  `| GET /healthz, in the same rounds | | | ${http.healthzRps.toFixed(0)} | 1.00 |`,
  '',
].join('\n');
fs.writeFileSync(path.join(out, 'slots.md'), md);
process.stdout.write(`\n${md}`);
if (process.env.MERIDIAN_BENCH_KEEP) process.stderr.write(`kept ${dataDir}\n`);
else fs.rmSync(dataDir, { recursive: true, force: true });
