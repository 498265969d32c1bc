import fs from 'node:fs';
import path from 'node:path';
import { migrate, openPglite, openPostgres, seedDemo } from '@meridian/server';
import { testNow } from './clock.ts';

/** Which database integration tests run on: set per vitest project. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.MERIDIAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export const templateDir = path.resolve(import.meta.dirname, '../../../node_modules/.cache/meridian-test');
export type TemplateName = 'empty' | 'demo';

/** Name of a template database on the real server, unique per test run. */
export function serverTemplateName(name: TemplateName): string {
  return `meridian_tpl_${name}_${process.env.MERIDIAN_TEST_RUN_ID ?? 'local'}`;
}

/** Builds the migrated (and demo-seeded) templates once per test run, before any test file. */
export async function buildTemplates(kind: 'pglite' | 'postgres'): Promise<void> {
  if (kind === 'pglite') {
    fs.mkdirSync(templateDir, { recursive: true });
    for (const name of ['empty', 'demo'] as const) {
      const db = await openPglite({});
      await migrate(db);
      if (name === 'demo') await seedDemo(db, { env: 'test', now: testNow });
      const blob = await db.dump();
      fs.writeFileSync(path.join(templateDir, `${name}.tar`), Buffer.from(await blob.arrayBuffer()));
      await db.close();
    }
    return;
  }
  const admin = await openPostgres(requireServerUrl(), 2);
  try {
    for (const name of ['empty', 'demo'] as const) {
      const db = serverTemplateName(name);
      await admin.exec(`DROP DATABASE IF EXISTS ${db}`);
      await admin.exec(`CREATE DATABASE ${db}`);
      const target = await openPostgres(withDatabase(requireServerUrl(), db), 2);
      await migrate(target);
      if (name === 'demo') await seedDemo(target, { env: 'test', now: testNow });
      await target.close();
    }
  } finally {
    await admin.close();
  }
}

/** Drops the run's template databases and any test database left behind. */
export async function dropTemplates(kind: 'pglite' | 'postgres'): Promise<void> {
  if (kind === 'pglite') return;
  const admin = await openPostgres(requireServerUrl(), 2);
  try {
    const run = process.env.MERIDIAN_TEST_RUN_ID ?? 'local';
    const rows = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'meridian\\_t%' AND datname LIKE '%' || $1",
      [`_${run}`],
    );
    for (const r of rows) await admin.exec(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}

export function requireServerUrl(): string {
  const url = process.env.MERIDIAN_TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'MERIDIAN_TEST_DATABASE_URL is not set: point it at a PostgreSQL server to run these tests on it.',
    );
  return url;
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
