// Fills a PostgreSQL database with a program at scale, for the outcome-report benchmark (bench/outcomes.ts):
// patients (MRN SCALE-…) spread over the three demo locations, each with one or two conditions, weekly
// attended sessions of six therapies (group classes of up to 200 places, one practitioner per therapy
// and location, so the database's double-booking constraints hold), and a pain diary over the last
// 365 days in which pain falls after the first session for about 45% of patients. Everything is drawn
// from a hash of the patient's number, so two runs with the same sizes make the same data.
// Usage: npm run gen:scale -- --patients 100000 --diary 1000000 [--database-url postgres://…] [--batch 5000]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '@meridian/knowledge';
import { type Database, migrate, openPostgres, seedDemo } from '@meridian/server';
import { progressReporter } from '../packages/server/src/cli/progress.ts';

/** The therapy services of the scale program and the discipline that delivers each. */
export const scaleTherapies = [
  { service: 'acupuncture', discipline: 'acupuncturist' },
  { service: 'massage', discipline: 'massage_therapist' },
  { service: 'yoga', discipline: 'yoga_instructor' },
  { service: 'meditation', discipline: 'psychologist' },
  { service: 'music-therapy', discipline: 'music_therapist' },
  { service: 'integrative-physical-therapy', discipline: 'physical_therapist' },
] as const;

/** The first condition of every patient is one of these (pain conditions the program sees most). */
const mainConditions = [
  'chronic-pain',
  'fibromyalgia',
  'chronic-low-back-pain',
  'neck-pain',
  'knee-osteoarthritis',
  'hip-osteoarthritis',
  'migraine',
  'tension-type-headache',
  'neuropathic-pain',
  'rheumatoid-arthritis',
  'cancer-pain',
  'postoperative-pain',
];

/** A uniform number in [0, 1) drawn from the hash of an integer SQL expression and a salt. */
const u = (expr: string, salt: number) =>
  `((hashint8((${expr})::int8 * 97 + ${salt}) + 2147483648::int8) / 4294967296.0)`;
/** A whole number in [0, n). */
const pick = (expr: string, salt: number, n: number | string) => `floor(${u(expr, salt)} * (${n}))::int`;

export interface ScaleOptions {
  patients: number;
  diary: number;
  batch?: number;
  now?: Date;
  progress?: (label: string, done: number, total: number) => void;
}

export interface ScaleCounts {
  patients: number;
  diaryEntries: number;
  attendances: number;
  appointments: number;
  conditions: number;
  practitioners: number;
}

/** Whether the database already holds scale data (the generator refuses to add it twice). */
export async function scalePatients(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM patients WHERE mrn LIKE 'SCALE-%'",
  );
  return row!.n;
}

/** Migrates, seeds the demo program if it is not there, and adds the scale data in batches. */
export async function generateScale(db: Database, options: ScaleOptions): Promise<ScaleCounts> {
  const { patients, diary } = options;
  const batch = options.batch ?? 5000;
  const now = options.now ?? new Date();
  const progress = options.progress ?? (() => undefined);
  await migrate(db);
  const existing = await scalePatients(db);
  if (existing > 0)
    throw new Error(
      `This database already holds scale data (${existing} patients with MRN SCALE-…). Generate into a new database, e.g. CREATE DATABASE meridian_scale2.`,
    );
  await seedDemo(db, { env: 'development', now });
  const today = now.toISOString().slice(0, 10);
  const programConditions = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'conditions', 'program-conditions.json'), 'utf8'),
  ) as { id: string; name: string }[];
  const conditionIds = programConditions.map((c) => c.id);
  const conditionNames = programConditions.map((c) => c.name);
  const mainIndex = mainConditions.map((id) => {
    const i = conditionIds.indexOf(id);
    if (i < 0) throw new Error(`The program conditions no longer list ${id}.`);
    return i + 1;
  });

  // Practitioners and a year of daily classes: therapy j at 08:00 + j hours local time, 45 minutes.
  progress('practitioners and classes', 0, 1);
  await db.tx(async (q) => {
    await q.query(
      `INSERT INTO users (email, password_hash, role, discipline, display_name, location_id)
       SELECT 'scale-' || t.service || '-' || l.code || '@example.org', '!', 'clinician', t.discipline,
              'Scale ' || t.service || ' ' || l.code, l.id
         FROM unnest($1::text[], $2::text[]) AS t(service, discipline)
         CROSS JOIN locations l WHERE l.code IN ('phoenix', 'jacksonville', 'rochester')`,
      [scaleTherapies.map((t) => t.service), scaleTherapies.map((t) => t.discipline)],
    );
    await q.query(
      `INSERT INTO appointments (service_id, location_id, practitioner_id, setting, starts_at, ends_at, capacity, status,
                                 created_by, created_at, updated_at)
       SELECT s.id, l.id, u.id, 'outpatient', x.starts_at, x.starts_at + interval '45 minutes', 200, 'completed',
              u.id, x.starts_at - interval '30 days', x.starts_at
         FROM unnest($1::text[]) WITH ORDINALITY AS t(service, j)
         JOIN services s ON s.code = t.service
         CROSS JOIN locations l
         JOIN users u ON u.email = 'scale-' || t.service || '-' || l.code || '@example.org'
         CROSS JOIN generate_series(1, 364) AS d(days_ago)
         CROSS JOIN LATERAL (SELECT (($2::date - d.days_ago) + make_time(7 + t.j::int, 0, 0)) AT TIME ZONE l.time_zone
                                    AS starts_at) x
        WHERE l.code IN ('phoenix', 'jacksonville', 'rochester')`,
      [scaleTherapies.map((t) => t.service), today],
    );
  });
  progress('practitioners and classes', 1, 1);
  // Places by (location, therapy, days ago), for the batches to find their class quickly.
  await db.exec(`DROP TABLE IF EXISTS scale_classes;
    CREATE UNLOGGED TABLE scale_classes AS
    SELECT (array_position(ARRAY['phoenix', 'jacksonville', 'rochester'], l.code) - 1) AS loc,
           (array_position(ARRAY[${scaleTherapies.map((t) => `'${t.service}'`).join(', ')}], s.code) - 1) AS therapy,
           ('${today}'::date - (a.starts_at AT TIME ZONE l.time_zone)::date) AS days_ago,
           a.id AS appointment_id, a.starts_at, a.ends_at
      FROM appointments a JOIN services s ON s.id = a.service_id JOIN locations l ON l.id = a.location_id
      JOIN users u ON u.id = a.practitioner_id
     WHERE u.email LIKE 'scale-%';
    ALTER TABLE scale_classes ADD PRIMARY KEY (loc, therapy, days_ago);`);
  const [ids] = await db.query<{ coordinator: string; locations: string[] }>(
    `SELECT (SELECT id FROM users WHERE lower(email) = 'coordinator@example.org') AS coordinator,
            ARRAY(SELECT id::text FROM locations l
                   ORDER BY array_position(ARRAY['phoenix', 'jacksonville', 'rochester'], l.code)
                   LIMIT 3) AS locations`,
  );

  for (let start = 1; start <= patients; start += batch) {
    const end = Math.min(patients, start + batch - 1);
    await db.tx(async (q) => {
      // Who each patient is: location, therapies, first session, number of weekly sessions, conditions,
      // baseline pain, whether pain falls after the first session, and their share of the diary.
      await q.exec(`CREATE TEMP TABLE IF NOT EXISTS scale_batch (
          i int PRIMARY KEY, id uuid, loc int, therapy1 int, therapy2 int, first_ago int, sessions int,
          cond1 int, cond2 int, base int, responder boolean, entries int)`);
      await q.exec('TRUNCATE scale_batch');
      await q.query(
        `INSERT INTO scale_batch
         SELECT i, gen_random_uuid(), ${pick('i', 1, 3)},
                t1, CASE WHEN ${u('i', 3)} < 0.3 THEN (t1 + 1 + ${pick('i', 4, 5)}) % 6 ELSE -1 END,
                first_ago, least(1 + ${pick('i', 6, 6)}, 1 + (first_ago - 1) / 7),
                ($3::int[])[1 + ${pick('i', 7, mainConditions.length)}],
                CASE WHEN ${u('i', 8)} < 0.5 THEN 1 + ${pick('i', 9, conditionIds.length)} END,
                4 + ${pick('i', 10, 5)}, ${u('i', 11)} < 0.45,
                (i::int8 * $5 / $4 - (i - 1)::int8 * $5 / $4)::int
           FROM generate_series($1::int, $2::int) i,
                LATERAL (SELECT ${pick('i', 2, 6)} AS t1, 3 + ${pick('i', 5, 348)} AS first_ago) x`,
        [start, end, mainIndex, patients, diary],
      );
      await q.query(
        `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, home_location_id, created_at, updated_at)
         SELECT b.id, 'SCALE-' || lpad(b.i::text, 7, '0'), 'Scale', 'Patient ' || b.i,
                DATE '1940-01-01' + ${pick('b.i', 12, 21900)}, CASE WHEN b.i % 2 = 0 THEN 'female' ELSE 'male' END,
                ($1::uuid[])[b.loc + 1], $2, $2
           FROM scale_batch b`,
        [ids!.locations, now],
      );
      // One or two conditions; one in ten second conditions has been stopped (and so does not count).
      await q.query(
        `INSERT INTO regimen_items (patient_id, category, entered_text, resolved_id, resolved_kind, resolved_name,
                                    entered_by_role, added_by, added_at, status, stopped_at)
         SELECT b.id, 'condition', ($1::text[])[c.k], ($2::text[])[c.k], 'condition', ($1::text[])[c.k], 'clinician', $3,
                $4::timestamptz - (b.first_ago + 20) * interval '1 day',
                CASE WHEN c.second AND b.i % 10 = 0 THEN 'stopped' ELSE 'active' END,
                CASE WHEN c.second AND b.i % 10 = 0 THEN $4::timestamptz END
           FROM scale_batch b
           CROSS JOIN LATERAL (VALUES (b.cond1, false), (b.cond2, true)) AS c(k, second)
          WHERE c.k IS NOT NULL AND NOT (c.second AND c.k = b.cond1)`,
        [conditionNames, conditionIds, ids!.coordinator, now],
      );
      // Weekly sessions from the first one on; about one in twelve was missed (no-show).
      await q.query(
        `INSERT INTO attendances (appointment_id, patient_id, during, status, booked_by, booked_at, coverage)
         SELECT c.appointment_id, b.id, tstzrange(c.starts_at, c.ends_at, '[)'),
                CASE WHEN ${u('b.i * 16 + w * 2 + (t.therapy = b.therapy2)::int', 13)} < 0.08 THEN 'no_show' ELSE 'attended' END,
                $1, c.starts_at - interval '7 days', '{"status":"self-pay"}'
           FROM scale_batch b
           CROSS JOIN LATERAL (VALUES (b.therapy1), (b.therapy2)) AS t(therapy)
           CROSS JOIN LATERAL generate_series(0, b.sessions - 1) AS w
           JOIN scale_classes c ON c.loc = b.loc AND c.therapy = t.therapy AND c.days_ago = b.first_ago - 7 * w
          WHERE t.therapy >= 0`,
        [ids!.coordinator],
      );
      // The diary: four in ten entries on the two weeks up to the first session, the rest spread from
      // then to today (the last one today), pain falling over 60 days for responders.
      await q.query(
        `INSERT INTO diary_entries (patient_id, entry_date, pain_now, pain_average, pain_worst, backdated, recorded_at, recorded_by)
         SELECT b.id, e.day, least(10, greatest(0, e.pain + ${pick('b.i * 64 + j', 14, 3)} - 1)),
                CASE WHEN ${u('b.i * 64 + j', 15)} < 0.05 THEN NULL ELSE e.pain END,
                least(10, e.pain + 1 + ${pick('b.i * 64 + j', 16, 3)}), false,
                (e.day + time '20:00') AT TIME ZONE 'UTC', $2
           FROM scale_batch b
           CROSS JOIN LATERAL (SELECT ceil(b.entries * 0.4)::int AS before, b.entries - ceil(b.entries * 0.4)::int AS after) n
           CROSS JOIN LATERAL generate_series(0, b.entries - 1) AS j
           CROSS JOIN LATERAL (SELECT CASE WHEN j < n.before THEN b.first_ago + 13 - (j * 14) / n.before
                                           ELSE ((b.first_ago - 1) * (n.after - 1 - (j - n.before))) / greatest(n.after - 1, 1)
                                      END AS ago) a
           CROSS JOIN LATERAL (SELECT $1::date - a.ago AS day,
                                      least(10, greatest(0, round(b.base
                                        - CASE WHEN a.ago >= b.first_ago THEN 0
                                               WHEN b.responder THEN least(3.0, 3.0 * (b.first_ago - a.ago) / 60)
                                               ELSE 0.3 END
                                        + ${u('b.i * 64 + j', 17)} * 2 - 1)))::int AS pain) e
         ON CONFLICT (patient_id, entry_date) DO NOTHING`,
        [today, ids!.coordinator],
      );
    });
    progress('patients, conditions, visits, diary', end, patients);
  }
  await db.exec('DROP TABLE scale_classes');
  progress('vacuum and analyze', 0, 1);
  await db.exec('VACUUM ANALYZE');
  progress('vacuum and analyze', 1, 1);
  const [counts] = await db.query<ScaleCounts>(
    `SELECT (SELECT count(*)::int FROM patients) AS patients,
            (SELECT count(*)::int FROM diary_entries) AS "diaryEntries",
            (SELECT count(*)::int FROM attendances) AS attendances,
            (SELECT count(*)::int FROM appointments) AS appointments,
            (SELECT count(*)::int FROM regimen_items WHERE category = 'condition') AS conditions,
            (SELECT count(*)::int FROM users WHERE email LIKE 'scale-%') AS practitioners`,
  );
  return counts!;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      patients: { type: 'string', default: '100000' },
      diary: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: '5000' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run gen:scale -- --patients 100000 --diary 1000000 [--database-url postgres://…] [--batch 5000]\n',
    );
    return 0;
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(
      'Give a PostgreSQL database to fill: --database-url postgres://user@host:port/db, or set DATABASE_URL.\n',
    );
    return 1;
  }
  const patients = Number(values.patients);
  const diary = Number(values.diary);
  const batch = Number(values.batch);
  for (const [name, value] of [
    ['--patients', patients],
    ['--diary', diary],
    ['--batch', batch],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      process.stderr.write(`${name} must be a whole number of at least 1.\n`);
      return 1;
    }
  }
  // One connection: the batches share its temporary table.
  const db = await openPostgres(url, 1);
  const bar = progressReporter();
  const started = performance.now();
  try {
    const counts = await generateScale(db, {
      patients,
      diary,
      batch,
      progress: (label, done, total) => bar.update(label, done, total),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `Done in ${seconds} s: ${counts.patients} patients, ${counts.diaryEntries} diary entries, ${counts.attendances} attendances in ${counts.appointments} appointments, ${counts.conditions} conditions, ${counts.practitioners} scale practitioners.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename)
  process.exitCode = await main();
