// The outcome report at scale: on a PostgreSQL database filled by scripts/gen-scale.ts (100,000 patients
// and 1,000,000 diary entries by default), times the cohort report for one therapy (acupuncture) and one
// condition (chronic low back pain) over the last 365 days, and `SELECT count(*) FROM diary_entries` on the
// same database in the same run; the report should take at most 3 times as long as the count.
// Not part of `npm test`. Usage:
//   MERIDIAN_BENCH_DATABASE_URL=postgres://user@host:port/meridian_scale node bench/outcomes.ts [--generate]
//     [--patients 100000] [--diary 1000000] [--runs 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '@meridian/domain';
import { migrate, openPostgres, type Queryable } from '@meridian/server';
import { progressReporter } from '../packages/server/src/cli/progress.ts';
import {
  outcomeReport,
  type ReportRequest,
} from '../packages/server/src/modules/outcomes/outcomes-service.ts';
import { generateScale, scalePatients } from '../scripts/gen-scale.ts';

const { values } = parseArgs({
  options: {
    generate: { type: 'boolean', default: false },
    patients: { type: 'string', default: '100000' },
    diary: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '10' },
  },
});
const url = process.env.MERIDIAN_BENCH_DATABASE_URL;
if (!url) {
  process.stdout.write(`bench/outcomes.ts needs a PostgreSQL database it may fill (about 1 GB for the default sizes):
  psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE meridian_scale'
  MERIDIAN_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/meridian_scale node bench/outcomes.ts --generate
Skipped: MERIDIAN_BENCH_DATABASE_URL is not set.
`);
  process.exit(0);
}
const runs = Number(values.runs);
const progress = (line: string) => process.stderr.write(`  ${line}\n`);

// One connection throughout: the generator's batches share a temporary table, and timings see one backend.
const db = await openPostgres(url, 1);
// The schema first, with indexes added since the data was generated (e.g. 0010's for outcome reports).
const applied = await migrate(db);
if (applied.length) {
  progress(`applied migrations ${applied.join(', ')}`);
  await db.exec('VACUUM ANALYZE');
}
if ((await scalePatients(db)) === 0) {
  if (!values.generate) {
    process.stderr.write(
      'This database has no scale data. Run with --generate, or fill it first: npm run gen:scale -- --database-url …\n',
    );
    await db.close();
    process.exit(1);
  }
  progress(`generating ${values.patients} patients and ${values.diary} diary entries …`);
  const bar = progressReporter();
  await generateScale(db, {
    patients: Number(values.patients),
    diary: Number(values.diary),
    progress: (label, done, total) => bar.update(label, done, total),
  });
}

const [sizes] = await db.query<{
  patients: number;
  scale_patients: number;
  diary_entries: number;
  attendances: number;
  appointments: number;
  conditions: number;
  database_bytes: number;
  diary_bytes: number;
  version: string;
  shared_buffers: string;
  work_mem: string;
}>(
  `SELECT (SELECT count(*)::int FROM patients) AS patients,
          (SELECT count(*)::int FROM patients WHERE mrn LIKE 'SCALE-%') AS scale_patients,
          (SELECT count(*)::int FROM diary_entries) AS diary_entries,
          (SELECT count(*)::int FROM attendances) AS attendances,
          (SELECT count(*)::int FROM appointments) AS appointments,
          (SELECT count(*)::int FROM regimen_items WHERE category = 'condition') AS conditions,
          pg_database_size(current_database())::int8 AS database_bytes,
          pg_total_relation_size('diary_entries')::int8 AS diary_bytes,
          current_setting('server_version') AS version,
          current_setting('shared_buffers') AS shared_buffers,
          current_setting('work_mem') AS work_mem`,
);
const s = sizes!;
const now = new Date();
const to = now.toISOString().slice(0, 10);
const request: ReportRequest = {
  groupBy: 'therapy',
  measure: 'pain',
  from: addDays(to, -364),
  to,
  therapy: 'acupuncture',
  condition: 'chronic-low-back-pain',
};

// The statement the report runs, captured once for its plan.
let captured: { sql: string; params: readonly unknown[] } | null = null;
const capturing: Queryable = {
  async query<T>(sql: string, params: readonly unknown[] = []) {
    if (/WITH sessions AS/.test(sql)) captured = { sql, params };
    return db.query<T>(sql, params);
  },
  exec: (sql) => db.exec(sql),
};
const report = await outcomeReport(capturing, request, now);
const plan = captured
  ? (
      await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${(captured as { sql: string }).sql}`,
        (captured as { params: unknown[] }).params,
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n')
  : '';
const row = report.rows[0];
progress(`cohort: ${row ? `n = ${row.n}, mean change ${row.meanChange}` : 'empty'}`);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
// In a transaction, as the route runs it.
const runReport = () => db.tx((q) => outcomeReport(q, request, now));
const runCount = () => db.query('SELECT count(*) FROM diary_entries');
// Two warm-ups each, then the two alternate so that both see the same state of the caches.
for (let i = 0; i < 2; i++) {
  await runReport();
  await runCount();
}
const reportTimes: number[] = [];
const countTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  reportTimes.push(await timed(runReport));
  countTimes.push(await timed(runCount));
}
await db.close();

const reportMs = median(reportTimes);
const countMs = median(countTimes);
const ratio = reportMs / countMs;
const cpus = os.cpus();
const result = {
  at: now.toISOString(),
  query: request,
  cohort: row ? { n: row.n, suppressed: row.suppressed, meanChange: row.meanChange, ci95: row.ci95 } : null,
  data: {
    patients: s.patients,
    scalePatients: s.scale_patients,
    diaryEntries: s.diary_entries,
    attendances: s.attendances,
    appointments: s.appointments,
    conditions: s.conditions,
    databaseMB: Math.round(s.database_bytes / 1048576),
    diaryEntriesMB: Math.round(s.diary_bytes / 1048576),
  },
  runs,
  reportMedianMs: Math.round(reportMs * 100) / 100,
  countMedianMs: Math.round(countMs * 100) / 100,
  ratio: Math.round(ratio * 100) / 100,
  target: 3,
  meetsTarget: ratio <= 3,
  reportTimesMs: reportTimes.map((x) => Math.round(x * 100) / 100),
  countTimesMs: countTimes.map((x) => Math.round(x * 100) / 100),
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    postgres: s.version,
    sharedBuffers: s.shared_buffers,
    workMem: s.work_mem,
    node: process.version,
  },
};
const out = path.join(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'outcomes.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  `# Outcome report at scale (${result.at})`,
  '',
  `Cohort report for one therapy (acupuncture) and one condition (chronic low back pain), ${request.from} to ${request.to}, pain measure, on PostgreSQL ${s.version} (shared_buffers ${s.shared_buffers}), ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGB} GB, Node ${process.version}. Data from scripts/gen-scale.ts: ${s.scale_patients.toLocaleString('en-US')} scale patients (${s.patients.toLocaleString('en-US')} in all), ${s.diary_entries.toLocaleString('en-US')} diary entries (${result.data.diaryEntriesMB} MB with indexes), ${s.attendances.toLocaleString('en-US')} attendances in ${s.appointments.toLocaleString('en-US')} appointments, ${s.conditions.toLocaleString('en-US')} conditions. Counted patients in the cohort: ${row?.n ?? 'none'}.`,
  '',
  `| measure | median ms (${runs} runs after 2 warm-ups) |`,
  '| --- | ---: |',
  `| outcome report (SQL and statistics, in process) | ${reportMs.toFixed(2)} |`,
  `| SELECT count(*) FROM diary_entries | ${countMs.toFixed(2)} |`,
  `| ratio (target ≤ 3) | ${ratio.toFixed(2)} ${ratio <= 3 ? '(met)' : '(NOT met)'} |`,
  '',
  'The report statement and its plan (EXPLAIN ANALYZE, BUFFERS, one run):',
  '',
  '```',
  plan,
  '```',
  '',
].join('\n');
fs.writeFileSync(path.join(out, 'outcomes.md'), md);
process.stdout.write(`\n${md.split('\nThe report statement')[0]}\n`);
