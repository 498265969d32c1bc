import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrate.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('empty');
});
afterAll(() => db.close());

describe('migrations', () => {
  it('are all applied to a new database and applying them again changes nothing', async () => {
    const versions = (
      await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')
    ).map((r) => r.version);
    expect(versions).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    const first = loadMigrations()[0]!;
    fs.writeFileSync(path.join(dir, `${first.version}_${first.name}.sql`), `${first.sql}\n-- edited`);
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow(/was changed after it was applied/);
  });
});
