import fs from 'node:fs';
import { safetyIndex } from '@meridian/knowledge';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { describeDatabase, openDatabase } from '../db/open.ts';
import { systemClock } from '../http/context.ts';
import { deliverDue, logSender } from '../modules/messages/outbox.ts';
import { queueDiaryReminders } from '../modules/progress/diary-reminders.ts';
import { expireOffers } from '../modules/scheduling/waitlist-service.ts';
import { demoSignIns, seedDemo } from '../seed/demo.ts';
import { demoPassword } from '../seed/demo-data.ts';
import { progressReporter } from './progress.ts';

/** Starts Meridian: opens and migrates the database, seeds demo data if asked, serves API and web app. */
export async function start(config: Config, options: { demo: boolean }): Promise<void> {
  const t0 = performance.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`Meridian: opening ${describeDatabase(config)} …`);
  // Load the clinical knowledge base first: a broken one stops the start with the list of problems.
  const knowledge = safetyIndex().knowledge;
  log(
    `Knowledge base: ${knowledge.agents.length} medicines, herbs and supplements; ${knowledge.interactions.length} interactions; ${knowledge.precautions.length} precautions.`,
  );
  const db = await openDatabase(config);
  const applied = await migrate(db);
  if (applied.length) log(`Applied migrations ${applied.join(', ')}.`);
  let seeded = false;
  if (options.demo && config.env !== 'production') {
    const bar = progressReporter();
    seeded = (
      await seedDemo(db, {
        env: config.env,
        now: systemClock.now(),
        progress: (d, t, w) => bar.update(w, d, t),
      })
    ).seeded;
    if (seeded) log('Seeded demo data.');
  }
  const app = await buildApp(
    { config, db, clock: systemClock, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    {
      logger: config.env === 'production',
    },
  );
  // Background work, safe to run on every node at once (rows are claimed with SKIP LOCKED): send due
  // messages through the sender (the log by default), queue due diary reminders first, and pass expired
  // waitlist offers on.
  const sender = logSender(log);
  let working = false;
  const jobs = setInterval(() => {
    if (working) return;
    working = true;
    const now = systemClock.now();
    void Promise.all([
      queueDiaryReminders(db, now).then(() => deliverDue(db, sender, now)),
      db.tx((q) => expireOffers(q, now)),
    ])
      .catch((error: unknown) =>
        log(`Background job failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        working = false;
      });
  }, 30_000);
  jobs.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(jobs);
    log(`\n${signal}: finishing requests in flight, then closing the database …`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost =
    config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host === '127.0.0.1'
        ? 'localhost'
        : config.host;
  log(
    `\nMeridian is running on http://${shownHost}:${port}  (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (!fs.existsSync(`${config.webDistDir}/index.html`)) {
    log('The web app is not built: run `npm run build:web` (npm install does it). The API works without it.');
  }
  if (options.demo && config.env !== 'production') {
    log(`\nDemo sign-ins (password: ${demoPassword}):`);
    for (const s of demoSignIns) log(`  ${s.email.padEnd(30)} ${s.who}`);
  }
  log('\nMeridian is decision support for professionals, not medical advice. Press Ctrl+C to stop.');
}
