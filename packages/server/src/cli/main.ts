import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Discipline, disciplines, type Role, roles, safetyCheck } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import { backup, restore } from '../backup/backup.ts';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { describeDatabase, openDatabase } from '../db/open.ts';
import { AppError } from '../http/errors.ts';
import { safetyReportText } from '../modules/safety/safety-report-text.ts';
import { createUser } from '../modules/users/users-service.ts';
import { seedDemo } from '../seed/demo.ts';
import { progressReporter } from './progress.ts';
import { start } from './start.ts';

const help = `meridian — run an integrative medicine and health program

Usage: npx meridian <command> [options]

Commands:
  start [--demo]                 Migrate, (with --demo) seed demo data on first start, and serve on PORT
  migrate                        Apply database migrations (safe to repeat)
  seed --demo                    Seed demo data (refused when MERIDIAN_ENV=production)
  user add --role R --email E --name N [--discipline D] [--patient-id ID] [--location CODE]
                                 Create a user; the password is read from standard input
  safety-check [--json] ITEM...  Check medicines, herbs, supplements, foods, therapy:NAME and condition:NAME
                                 together (e.g. warfarin ginkgo "fish oil" "therapy:massage")
  backup FILE                    Write a consistent backup of the whole database to FILE
  restore FILE                   Restore FILE into an empty data directory or database
  help                           Show this help

Roles: ${roles.join(', ')}
Disciplines: ${disciplines.join(', ')}

Configuration comes from the environment: PORT, HOST, MERIDIAN_DATA_DIR, DATABASE_URL, MERIDIAN_ENV, …
(see README.md).`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, then Ctrl+D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      discipline: { type: 'string' },
      'patient-id': { type: 'string' },
      location: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${help}\n`);
    return command || values.help ? 0 : 1;
  }
  if (command === 'safety-check') {
    if (rest.length === 0)
      throw new Error('Give the items to check: `meridian safety-check warfarin ginkgo "fish oil"`.');
    const report = safetyCheck(safetyIndex(), rest);
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : safetyReportText(report));
    return 0;
  }
  const config = loadConfig();
  const bar = progressReporter();

  switch (command) {
    case 'start':
      await start(config, { demo: values.demo });
      return -1; // keep running
    case 'migrate': {
      const db = await openDatabase(config);
      const applied = await migrate(db);
      await db.close();
      process.stdout.write(
        applied.length
          ? `Applied ${applied.join(', ')} to ${describeDatabase(config)}.\n`
          : 'Already up to date.\n',
      );
      return 0;
    }
    case 'seed': {
      if (!values.demo) throw new Error('Say what to seed: `meridian seed --demo`.');
      const db = await openDatabase(config);
      await migrate(db);
      const result = await seedDemo(db, {
        env: config.env,
        now: new Date(),
        progress: (d, t, w) => bar.update(w, d, t),
      });
      await db.close();
      process.stdout.write(
        result.seeded ? 'Seeded demo data.\n' : 'Demo data is already there; nothing to do.\n',
      );
      return 0;
    }
    case 'user': {
      if (rest[0] !== 'add') throw new Error('Use `meridian user add --role R --email E --name N`.');
      if (!values.role || !values.email) throw new Error('Give --role and --email (and --name).');
      const password = await readStdin();
      const db = await openDatabase(config);
      await migrate(db);
      try {
        const locationId = values.location
          ? (await db.query<{ id: string }>('SELECT id FROM locations WHERE code = $1', [values.location]))[0]
              ?.id
          : null;
        if (values.location && !locationId) throw new Error(`No location with code ${values.location}.`);
        const id = await db.tx((q) =>
          createUser(q, {
            email: values.email!,
            name: values.name ?? values.email!,
            role: values.role as Role,
            discipline: (values.discipline as Discipline | undefined) ?? null,
            patientId: values['patient-id'] ?? null,
            locationId: locationId ?? null,
            password,
          }),
        );
        process.stdout.write(`Created ${values.role} ${values.email} (${id}).\n`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new Error('Give the backup file: `meridian backup FILE`.');
      const db = await openDatabase(config);
      const counts = await backup(db, path.resolve(file), (t, d, n) => bar.update(t, d, n));
      await db.close();
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      process.stdout.write(`Backed up ${Object.keys(counts).length} tables, ${rows} rows, to ${file}.\n`);
      return 0;
    }
    case 'restore': {
      const file = rest[0];
      if (!file || !fs.existsSync(file))
        throw new Error('Give an existing backup file: `meridian restore FILE`.');
      const db = await openDatabase(config);
      try {
        const counts = await restore(db, path.resolve(file), (t, d, n) => bar.update(t, d, n));
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `Restored ${Object.keys(counts).length} tables, ${rows} rows, into ${describeDatabase(config)}.\n`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${help}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`meridian: ${message}\n`);
    process.exit(1);
  },
);
