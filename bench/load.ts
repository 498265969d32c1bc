// The load benchmark (issue 8): the main read and write paths of the patient portal, the clinician's
// chart, the FHIR API and scheduling, against a server on PostgreSQL holding the scale data
// (scripts/gen-scale.ts: 100,000 patients, ~1M diary entries). Each path is loaded beside GET /healthz
// on the same server in alternating windows (http-load.ts) and reported as requests/s, p50 and p99 and
// as a ratio to /healthz. Reads of patient data write their audit row before answering, so the ratios
// include it. Acceptance: every read ≥ 0.2 × /healthz, every p99 < 10 × its p50.
// Not part of `npm test`. Usage:
//   MERIDIAN_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/meridian_scale node bench/load.ts
//     [--rounds 9 --seconds 2 --concurrency 16] [--only <text in a path's name>]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, dateInZone } from '@meridian/domain';
import { type Database, migrate, openPostgres } from '@meridian/server';
import { scalePatients } from '../scripts/gen-scale.ts';
import { startServer } from '../tests/e2e/harness.ts';
import { floorPaths, startFloorApp } from './floor.ts';
import {
  driver,
  type LoadResult,
  type LoadTarget,
  loadAgainstHealthz,
  processCpuMs,
  resultsTable,
} from './http-load.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    seconds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
    only: { type: 'string' },
  },
});
const url = process.env.MERIDIAN_BENCH_DATABASE_URL;
if (!url) {
  process.stdout.write(`bench/load.ts loads the server on a PostgreSQL database holding the scale data (it adds rows: bookings, diary entries, audit rows):
  npm run gen:scale -- --database-url postgres://postgres@127.0.0.1:5432/meridian_scale
  MERIDIAN_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/meridian_scale node bench/load.ts
Skipped: MERIDIAN_BENCH_DATABASE_URL is not set.
`);
  process.exit(0);
}
const options = {
  rounds: Number(values.rounds),
  secondsPerWindow: Number(values.seconds),
  concurrency: Number(values.concurrency),
};
/** Windows per path: one warm-up, then one per round (see loadAgainstHealthz). */
const windows = options.rounds + 1;
/** Bodies a booking window may use before it would repeat one (far more than a window sends). */
const bookingBodies = 4000;
const progress = (line: string) => process.stderr.write(`  ${line}\n`);

// The bench's own rows, added once and kept: a patient account for a scale patient (diary writes), and
// a group class (a service of its own, so the slot searches measured never see it) with sessions far
// enough ahead to book, topped up when earlier runs have filled them.
const benchClass = 'bench-group-class';
const benchLeader = 'bench.class-leader@example.org';
const benchDiarist = 'bench.diarist@example.org';

async function prepare(db: Database) {
  return db.tx(async (q) => {
    const [ids] = await q.query<{
      maria: string;
      location: string;
      zone: string;
      acupuncture: string;
      diarist_patient: string;
    }>(
      `SELECT p.id AS maria, l.id AS location, l.time_zone AS zone,
              (SELECT id FROM services WHERE code = 'acupuncture') AS acupuncture,
              (SELECT id FROM patients WHERE mrn = 'SCALE-0000001') AS diarist_patient
         FROM users u JOIN patients p ON p.id = u.patient_id JOIN locations l ON l.id = p.home_location_id
        WHERE lower(u.email) = 'maria.lopez@example.org'`,
    );
    if (!ids?.diarist_patient) throw new Error('No demo data or no scale data in this database.');
    // Demo accounts share one password; the bench's patient account uses Maria's hash of it.
    await q.query(
      `INSERT INTO users (email, password_hash, role, display_name, patient_id)
       SELECT $1, password_hash, 'patient', 'Scale Patient 1', $2 FROM users WHERE lower(email) = 'maria.lopez@example.org'
        AND NOT EXISTS (SELECT 1 FROM users WHERE lower(email) = $1)`,
      [benchDiarist, ids.diarist_patient],
    );
    await q.query(
      `INSERT INTO users (email, password_hash, role, discipline, display_name, location_id)
       SELECT $1, '!', 'clinician', 'yoga_instructor', 'Bench Class Leader', $2
        WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(email) = $1)`,
      [benchLeader, ids.location],
    );
    await q.query(
      `INSERT INTO services (code, name, category, durations, disciplines, capacity, settings, self_bookable)
       VALUES ($1, 'Group class (load benchmark)', 'Movement', '{45}', '{yoga_instructor}', 200, '{outpatient}', false)
       ON CONFLICT (code) DO NOTHING`,
      [benchClass],
    );
    const [cls] = await q.query<{ service: string; leader: string }>(
      `SELECT (SELECT id FROM services WHERE code = $1) AS service, (SELECT id FROM users WHERE lower(email) = $2) AS leader`,
      [benchClass, benchLeader],
    );
    await q.query(
      'INSERT INTO location_services (location_id, service_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [ids.location, cls!.service],
    );
    // Sessions from tomorrow on, hourly 07:00–18:00 in the location's zone, one leader (so no two overlap
    // and one patient may join them all); enough with room for every window of this run.
    const open = `SELECT a.id, a.starts_at FROM appointments a
       WHERE a.service_id = $1 AND a.status = 'booked' AND a.starts_at > now() + interval '1 day'
         AND a.capacity - (SELECT count(*) FROM attendances t WHERE t.appointment_id = a.id AND t.status <> 'cancelled') >= $2`;
    const [{ n }] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${open}) s`, [
      cls!.service,
      windows * 2,
    ])) as [{ n: number }];
    if (n < bookingBodies) {
      await q.query(
        `INSERT INTO appointments (service_id, location_id, practitioner_id, setting, starts_at, ends_at, capacity,
                                   created_by, created_at, updated_at)
         SELECT $1, $2, $3, 'outpatient', t, t + interval '45 minutes', 200, $3, now(), now()
           FROM (SELECT ((d::date + make_time(h, 0, 0)) AT TIME ZONE $4) AS t
                   FROM generate_series(current_date + 1, current_date + 3000, interval '1 day') d,
                        generate_series(7, 18) h) x
          WHERE t > greatest(now() + interval '1 day',
                             (SELECT coalesce(max(starts_at), now()) FROM appointments WHERE service_id = $1))
          ORDER BY t LIMIT $5`,
        [cls!.service, ids.location, cls!.leader, ids.zone, bookingBodies - n],
      );
    }
    const sessions = await q.query<{ id: string }>(`${open} ORDER BY a.starts_at LIMIT $3`, [
      cls!.service,
      windows * 2,
      bookingBodies,
    ]);
    // Patients to book, one per window: scale patients not yet in any session of the class.
    const bookers = await q.query<{ id: string }>(
      `SELECT p.id FROM patients p
        WHERE p.mrn LIKE 'SCALE-%' AND p.mrn <> 'SCALE-0000001'
          AND NOT EXISTS (SELECT 1 FROM attendances t JOIN appointments a ON a.id = t.appointment_id
                           WHERE t.patient_id = p.id AND a.service_id = $1)
        ORDER BY p.mrn LIMIT $2`,
      [cls!.service, windows * 2 + 1],
    );
    if (bookers.length < windows + 1) throw new Error('Too few scale patients left to book the class.');
    return {
      ...ids,
      classService: cls!.service,
      classLeader: cls!.leader,
      sessions: sessions.map((s) => s.id),
      bookers: bookers.map((b) => b.id),
    };
  });
}

async function sizes(db: Database) {
  const [s] = await db.query<{
    patients: number;
    scale_patients: number;
    diary_entries: number;
    attendances: number;
    appointments: number;
    audit_events: number;
    database_mb: number;
    version: string;
    shared_buffers: string;
    synchronous_commit: string;
  }>(
    `SELECT (SELECT count(*)::int FROM patients) AS patients,
            (SELECT count(*)::int FROM patients WHERE mrn LIKE 'SCALE-%') AS scale_patients,
            (SELECT count(*)::int FROM diary_entries) AS diary_entries,
            (SELECT count(*)::int FROM attendances) AS attendances,
            (SELECT count(*)::int FROM appointments) AS appointments,
            (SELECT count(*)::int FROM audit_events) AS audit_events,
            (pg_database_size(current_database()) / 1048576)::int AS database_mb,
            current_setting('server_version') AS version,
            current_setting('shared_buffers') AS shared_buffers,
            current_setting('synchronous_commit') AS synchronous_commit`,
  );
  return s!;
}

/**
 * A target whose URL changes from one window to the next. http-load.ts reads a target's `url` once per
 * window and starts each window's bodies from the first again; a write that must not repeat (a place in
 * a class) therefore gets a new patient each window, and the diary a new day.
 */
function urlPerWindow(target: Omit<LoadTarget, 'url'>, urls: string[]): LoadTarget {
  let window = 0;
  return {
    ...target,
    get url() {
      return urls[window++ % urls.length]!;
    },
  };
}

/**
 * CPU time used so far by the PostgreSQL processes serving this database on this machine (its
 * connections and autovacuum workers, named in their process titles; not the server-wide WAL writer or
 * checkpointer, nor other databases' connections), in ms, from /proc; null when the database is
 * elsewhere or the processes cannot be read.
 */
function postgresCpuMs(): number | null {
  const target = new URL(url!);
  // A Unix socket (postgres://user@localhost/db?host=/a/directory) is on this machine too.
  const socket = target.searchParams.get('host')?.startsWith('/');
  if (!socket && !['localhost', '127.0.0.1', '::1', '[::1]'].includes(target.hostname)) return null;
  const database = ` ${target.pathname.slice(1)} `;
  try {
    let total = 0;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
        total += processCpuMs(Number(pid));
      } catch {
        // The process ended while the list was read.
      }
    }
    return total;
  } catch {
    return null;
  }
}

// Setup on one connection, closed before the server starts.
const setupDb = await openPostgres(url, 1);
const applied = await migrate(setupDb);
if (applied.length) {
  progress(`applied migrations ${applied.join(', ')}; vacuum and analyze …`);
  await setupDb.exec('VACUUM ANALYZE');
}
if ((await scalePatients(setupDb)) === 0) {
  process.stderr.write(
    'This database has no scale data. Fill it first: npm run gen:scale -- --database-url …\n',
  );
  await setupDb.close();
  process.exit(1);
}
const fixtures = await prepare(setupDb);
const before = await sizes(setupDb);
await setupDb.close();
progress(
  `${before.scale_patients} scale patients, ${before.diary_entries} diary entries, ${before.audit_events} audit rows; ${fixtures.sessions.length} class sessions to book`,
);

// The harness starts `meridian start --demo` with this process's environment: DATABASE_URL selects
// PostgreSQL, and --demo seeds nothing where the demo accounts exist already.
process.env.DATABASE_URL = url;
const server = await startServer();
const results: LoadResult[] = [];
const kinds = new Map<string, 'read' | 'write'>();
/** PostgreSQL's CPU per request of each path (ms), where the database runs on this machine. */
const postgresCpu = new Map<string, number>();
/** Dr Patel's bearer token, for the calibration app too (sessions live in the database). */
let patelHeaders: Record<string, string> = {};
try {
  const base = server.url;
  const signIn = async (email: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'meridian-demo' }),
    });
    if (!res.ok) throw new Error(`Sign-in as ${email} answered ${res.status}: ${await res.text()}`);
    return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  };
  const maria = await signIn('maria.lopez@example.org');
  const patel = await signIn('dr.patel@example.org');
  patelHeaders = patel;
  const coordinator = await signIn('coordinator@example.org');
  // The demo password is the bench patient's too (the hash was copied).
  const diarist = await signIn(benchDiarist);
  const m = fixtures.maria;
  const today = dateInZone(new Date(), fixtures.zone);
  const slotQuery = new URLSearchParams({ serviceId: fixtures.acupuncture, locationId: fixtures.location });

  const diaryBodies = Array.from({ length: 2000 }, (_, i) =>
    JSON.stringify({
      painNow: i % 11,
      painAverage: (i * 7) % 9,
      painWorst: ((i * 7) % 9) + 1,
      sleepHours: 4 + (i % 9),
      mood: (i * 3) % 11,
      notes: `Load benchmark entry ${i}`,
    }),
  );
  const paths: { kind: 'read' | 'write'; target: LoadTarget; check?: string }[] = [
    {
      kind: 'read',
      target: {
        name: 'patient home: GET /api/patients/:id (Maria, own record)',
        url: `${base}/api/patients/${m}`,
        headers: maria,
      },
    },
    {
      kind: 'read',
      target: {
        name: 'patient home: GET /api/patients/:id/appointments (Maria)',
        url: `${base}/api/patients/${m}/appointments`,
        headers: maria,
      },
    },
    {
      kind: 'read',
      target: {
        name: 'chart: GET /api/patients/:id (Dr Patel)',
        url: `${base}/api/patients/${m}`,
        headers: patel,
      },
    },
    {
      kind: 'read',
      target: {
        name: 'chart: GET /api/patients/:id/regimen (regimen and findings)',
        url: `${base}/api/patients/${m}/regimen`,
        headers: patel,
      },
    },
    {
      kind: 'read',
      target: {
        name: 'chart: GET /api/patients/:id/progress?days=120',
        url: `${base}/api/patients/${m}/progress?days=120`,
        headers: patel,
      },
    },
    {
      kind: 'read',
      target: { name: 'FHIR: GET Patient/:id', url: `${base}/fhir/R4/Patient/${m}`, headers: patel },
    },
    {
      kind: 'read',
      target: {
        name: 'FHIR: GET Observation?patient=:id',
        url: `${base}/fhir/R4/Observation?patient=${m}`,
        headers: patel,
      },
    },
    {
      kind: 'read',
      target: {
        name: 'slot search: GET /api/slots (acupuncture, 28 days, as Maria)',
        url: `${base}/api/slots?${slotQuery}`,
        headers: maria,
      },
    },
    {
      kind: 'write',
      target: urlPerWindow(
        {
          name: 'diary entry: PUT /api/patients/:id/diary/:date (a new day each window)',
          method: 'PUT',
          headers: diarist,
          bodies: diaryBodies,
        },
        Array.from(
          { length: 30 },
          (_, i) => `${base}/api/patients/${fixtures.diarist_patient}/diary/${addDays(today, -1 - i)}`,
        ),
      ),
      check: `${base}/api/patients/${fixtures.diarist_patient}/diary/${today}`,
    },
    {
      kind: 'write',
      target: urlPerWindow(
        {
          name: 'booking: POST /api/patients/:id/appointments (a place in a class; a new patient each window)',
          method: 'POST',
          headers: coordinator,
          bodies: fixtures.sessions.map((appointmentId) =>
            JSON.stringify({
              serviceId: fixtures.classService,
              locationId: fixtures.location,
              practitionerId: fixtures.classLeader,
              start: new Date(Date.now() + 2 * 86_400_000).toISOString(),
              appointmentId,
            }),
          ),
        },
        fixtures.bookers.slice(1).map((id) => `${base}/api/patients/${id}/appointments`),
      ),
      check: `${base}/api/patients/${fixtures.bookers[0]}/appointments`,
    },
  ];
  const targets = paths.filter((t) => !values.only || t.target.name.includes(values.only));

  // Each path answers 2xx once before it is loaded (a write on a day or patient of its own).
  for (const { target, check } of targets) {
    const res = await fetch(check ?? target.url, {
      method: target.method ?? 'GET',
      headers: { ...target.headers, ...(target.bodies ? { 'content-type': 'application/json' } : {}) },
      ...(target.bodies ? { body: target.bodies[0] } : {}),
    });
    if (!res.ok) throw new Error(`${target.name} answered ${res.status}: ${await res.text()}`);
  }

  for (const { kind, target } of targets) {
    kinds.set(target.name, kind);
    progress(`${target.name} (${driver}) …`);
    const pg0 = postgresCpuMs();
    const r = await loadAgainstHealthz(base, target, { ...options, pid: server.pid });
    const pg1 = postgresCpuMs();
    // /healthz does not touch the database; the path's one-second warm-up is counted at its measured rate.
    if (pg0 !== null && pg1 !== null) postgresCpu.set(r.name, (pg1 - pg0) / (r.requests + r.rps));
    progress(
      `  ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ratio ${r.ratioToHealthz.toFixed(2)}, ${r.failures} failures`,
    );
    results.push(r);
  }
} finally {
  await server.stop();
}

// What this machine allows (bench/floor.ts): the least a read of patient data can do, through Meridian's
// own app and pool, measured the same way once the server above has stopped.
const floorTargets: LoadTarget[] = [
  {
    name: 'floor: one trivial query (signed in, no policy)',
    url: floorPaths.query,
    headers: patelHeaders,
  },
  {
    name: 'floor: one trivial query and its audit row',
    url: floorPaths.audited,
    headers: patelHeaders,
  },
].filter((t) => !values.only || t.name.includes(values.only));
const floor: LoadResult[] = [];
if (floorTargets.length) {
  const app = await startFloorApp({ databaseUrl: url });
  try {
    for (const target of floorTargets) {
      progress(`${target.name} (${driver}) …`);
      const pg0 = postgresCpuMs();
      const r = await loadAgainstHealthz(
        app.url,
        { ...target, url: `${app.url}${target.url}` },
        { ...options, pid: process.pid },
      );
      const pg1 = postgresCpuMs();
      if (pg0 !== null && pg1 !== null) postgresCpu.set(r.name, (pg1 - pg0) / (r.requests + r.rps));
      progress(`  ${r.rps.toFixed(0)} req/s, ratio ${r.ratioToHealthz.toFixed(2)}, ${r.failures} failures`);
      floor.push(r);
    }
  } finally {
    await app.close();
  }
}

const afterDb = await openPostgres(url, 1);
const after = await sizes(afterDb);
await afterDb.close();

const reads = results.filter((r) => kinds.get(r.name) === 'read');
const ratioOk = reads.every((r) => r.ratioToHealthz >= 0.2);
const tailOk = results.every((r) => r.p99 < 10 * r.p50);
const failuresOk = results.every((r) => r.failures === 0);
const criteria = [
  {
    criterion: 'every read path ≥ 0.2 × /healthz throughput in the same run',
    met: ratioOk,
    misses: reads
      .filter((r) => r.ratioToHealthz < 0.2)
      .map((r) => `${r.name} (${r.ratioToHealthz.toFixed(2)})`),
  },
  {
    criterion: 'every p99 < 10 × its p50',
    met: tailOk,
    misses: results
      .filter((r) => r.p99 >= 10 * r.p50)
      .map((r) => `${r.name} (p99 ${r.p99.toFixed(1)} ms, p50 ${r.p50.toFixed(1)} ms)`),
  },
  {
    criterion: 'no failed requests (non-2xx, errors, timeouts)',
    met: failuresOk,
    misses: results.filter((r) => r.failures > 0).map((r) => `${r.name} (${r.failures})`),
  },
];
const stamp = new Date().toISOString();
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  postgres: before.version,
  sharedBuffers: before.shared_buffers,
  synchronousCommit: before.synchronous_commit,
};
const data = {
  patients: before.patients,
  scalePatients: before.scale_patients,
  diaryEntries: before.diary_entries,
  attendances: before.attendances,
  appointments: before.appointments,
  auditEventsBefore: before.audit_events,
  auditEventsAfter: after.audit_events,
  databaseMB: before.database_mb,
};
const out = {
  at: stamp,
  database: 'postgres',
  driver,
  ...options,
  machine,
  data,
  results: results.map((r) => ({
    kind: kinds.get(r.name),
    ...r,
    postgresCpuMsPerRequest: postgresCpu.get(r.name) ?? null,
  })),
  floor: floor.map((r) => ({ ...r, postgresCpuMsPerRequest: postgresCpu.get(r.name) ?? null })),
  criteria,
};
const md = [
  `# Load benchmark on PostgreSQL (${stamp})`,
  '',
  `PostgreSQL ${machine.postgres} (shared_buffers ${machine.sharedBuffers}, synchronous_commit ${machine.synchronousCommit}) and the server (Node ${machine.node}) on one machine, ${machine.cores} × ${machine.cpu}, ${machine.memoryGB} GB, with the load generator (${driver}, ${options.concurrency} connections). Data from scripts/gen-scale.ts: ${data.scalePatients.toLocaleString('en-US')} scale patients (${data.patients.toLocaleString('en-US')} in all), ${data.diaryEntries.toLocaleString('en-US')} diary entries, ${data.attendances.toLocaleString('en-US')} attendances in ${data.appointments.toLocaleString('en-US')} appointments, ${data.auditEventsBefore.toLocaleString('en-US')} audit rows before the run (${data.auditEventsAfter.toLocaleString('en-US')} after); ${data.databaseMB} MB.`,
  '',
  `Each path is measured in ${options.rounds} rounds of ${options.secondsPerWindow} s, each beside ${options.secondsPerWindow} s of GET /healthz on the same server (the order alternates); figures are medians of the rounds, and the ratio is the median of the rounds' ratios. Reads of patient data are audited (their audit row is committed before the answer), so their ratios include the audit write. The patient reads are Maria Lopez's (the demo patient with the fullest record); the diary is written by a scale patient's account, a new day each window; each booking takes a place in a different session of a group class, for a new scale patient each window, booked by the coordinator. The last two columns are the server process's CPU per request and /healthz's CPU per request divided by it (the ratio with the load generator on another machine).`,
  '',
  resultsTable(results),
  '',
  ...(postgresCpu.size
    ? [
        "Where the time goes: CPU per request of the server process and of PostgreSQL (the processes serving this database, read from /proc around each path's windows, warm-up included; approximate), against /healthz's server CPU per request in the same rounds.",
        '',
        '| path | server CPU ms/request | PostgreSQL CPU ms/request | together | /healthz server CPU ms/request |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...[...results, ...floor].map((r) => {
          const pg = postgresCpu.get(r.name) ?? Number.NaN;
          const healthz = r.serverCpuMsPerRequest * r.cpuRatioToHealthz;
          return `| ${r.name} | ${r.serverCpuMsPerRequest.toFixed(3)} | ${pg.toFixed(3)} | ${(r.serverCpuMsPerRequest + pg).toFixed(3)} | ${healthz.toFixed(3)} |`;
        }),
        '',
      ]
    : []),
  ...(floor.length
    ? [
        "What this machine allows: Meridian's own app (its hooks, the sign-in check, the same pool and driver) with two routes that do the least a read of patient data can do, built in the bench's process and measured the same way against its own /healthz (bench/floor.ts). No read that asks PostgreSQL for its data on each request can do better here than the second row; a real one also asks who may see the record (a clinician's) and fetches and shapes more.",
        '',
        resultsTable(floor),
        '',
      ]
    : []),
  ...criteria.map(
    (c) =>
      `- ${c.met ? 'PASS' : 'FAIL'}: ${c.criterion}${c.misses.length ? ` — missed by ${c.misses.join('; ')}` : ''}`,
  ),
  '',
].join('\n');
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
if (!values.only) {
  fs.writeFileSync(path.join(dir, 'load.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'load.md'), md);
}
process.stdout.write(`\n${md}`);
