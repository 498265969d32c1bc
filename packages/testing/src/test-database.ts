import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openPglite, openPostgres } from '@meridian/server';
import {
  requireServerUrl,
  serverTemplateName,
  type TemplateName,
  templateDir,
  testDatabaseKind,
  withDatabase,
} from './templates.ts';

export interface TestDatabase extends Database {
  /** A description for test names, e.g. "pglite". */
  readonly label: string;
  /** A connection URL (real server) or data directory (PGlite) for starting other processes on it. */
  readonly location: { databaseUrl?: string; dataDir?: string };
}

/**
 * A fresh database for one test file, copied from a migrated template ('demo' adds the demo data
 * seeded at testNow). PGlite by default; the real server when the project sets MERIDIAN_TEST_DB=postgres.
 * With `onDisk`, PGlite keeps its files in a temporary directory (for tests that restart or spawn).
 */
export async function createTestDatabase(
  template: TemplateName = 'demo',
  options: { onDisk?: boolean } = {},
): Promise<TestDatabase> {
  const kind = testDatabaseKind();
  if (kind === 'pglite') {
    const tar = fs.readFileSync(path.join(templateDir, `${template}.tar`));
    // On disk, the layout matches MERIDIAN_DATA_DIR (files in <dir>/pgdata) so the CLI can open it too.
    const dataDir = options.onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-test-')) : undefined;
    const db = await openPglite({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pgdata') } : {}),
      loadDataDir: new Blob([tar]),
    });
    return Object.assign(db, { label: 'pglite', location: dataDir ? { dataDir } : {} });
  }
  const name = `meridian_t${randomBytes(5).toString('hex')}_${process.env.MERIDIAN_TEST_RUN_ID ?? 'local'}`;
  const admin = await openPostgres(requireServerUrl(), 1);
  try {
    // Two files copying one template at the same moment collide ("being accessed by other users"): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${serverTemplateName(template)}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.close();
  }
  const databaseUrl = withDatabase(requireServerUrl(), name);
  const db = await openPostgres(databaseUrl, 5);
  const close = db.close;
  return Object.assign(db, {
    label: 'postgres',
    location: { databaseUrl },
    async close() {
      await close();
      const cleanup = await openPostgres(requireServerUrl(), 1);
      await cleanup.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.close());
    },
  });
}

/** A second, empty database of the same kind (e.g. the target of a restore). */
export function createEmptyTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  return createTestDatabase('empty', options);
}
