import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyTestDatabase, createTestDatabase } from '@meridian/testing';
import { describe, expect, it } from 'vitest';
import { rowCounts } from '../backup/tables.ts';
import { openDatabase } from '../db/open.ts';

const bin = path.resolve(import.meta.dirname, '../../../../bin/meridian.mjs');

function meridian(args: string[], env: Record<string, string>, input?: string) {
  const { PATH, HOME } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: PATH ?? '', HOME: HOME ?? '', MERIDIAN_ENV: 'test', ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Environment that points the CLI at a test database. */
function envOf(location: { databaseUrl?: string; dataDir?: string }): Record<string, string> {
  return location.databaseUrl
    ? { DATABASE_URL: location.databaseUrl }
    : { MERIDIAN_DATA_DIR: location.dataDir! };
}

describe('the meridian command line', () => {
  it('prints help', () => {
    const out = meridian(['--help'], {});
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('backup FILE');
  });

  it('backs up a database and restores it into a new, empty one with the same row counts in every table', async () => {
    const source = await createTestDatabase('demo', { onDisk: true });
    const expected = await rowCounts(source);
    const sourceEnv = envOf(source.location);
    if (source.label === 'pglite') await source.close(); // PGlite is one process's; let the CLI open it
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-cli-')), 'demo.backup');
    const backedUp = meridian(['backup', file], sourceEnv);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stderr).toMatch(/users: \d+\/\d+/); // progress, per table
    expect(backedUp.stdout).toMatch(/Backed up \d+ tables/);

    const target =
      source.label === 'pglite'
        ? { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-restore-')) }
        : (await createEmptyTestDatabase()).location;
    const restored = meridian(['restore', file], envOf(target));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored \d+ tables/);

    const copy = await openDatabase({
      databaseUrl: target.databaseUrl,
      dataDir: target.dataDir ?? '',
      databasePoolSize: 1,
    });
    try {
      expect(await rowCounts(copy)).toEqual(expected);
    } finally {
      await copy.close();
      if (source.label !== 'pglite') await source.close();
    }
  });

  it('adds a user with the password from standard input, and refuses a weak one', async () => {
    const db = await createTestDatabase('demo', { onDisk: true });
    const env = envOf(db.location);
    if (db.label === 'pglite') await db.close();
    const args = [
      'user',
      'add',
      '--role',
      'clinician',
      '--discipline',
      'acupuncturist',
      '--email',
      'new.lac@example.org',
      '--name',
      'New LAc',
    ];
    const weak = meridian(args, env, 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const ok = meridian(args, env, 'a-long-enough-password\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Created clinician new.lac@example.org');
    const again = meridian(args, env, 'a-long-enough-password\n');
    expect(again.stderr).toContain('already exists');
    if (db.label !== 'pglite') await db.close();
  });

  it('never seeds demo data in production', async () => {
    const db = await createEmptyTestDatabase({ onDisk: true });
    const env = envOf(db.location);
    if (db.label === 'pglite') await db.close();
    const out = meridian(['seed', '--demo'], { ...env, MERIDIAN_ENV: 'production' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('never seeded in production');
    if (db.label !== 'pglite') await db.close();
  });
});
