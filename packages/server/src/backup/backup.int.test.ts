import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from './backup.ts';
import { rowCounts } from './tables.ts';

let source: TestDatabase;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-backup-')), 'meridian.backup');
beforeAll(async () => {
  source = await createTestDatabase('demo');
});
afterAll(() => source.close());

describe('backup and restore', () => {
  it('restores into an empty database with the same rows in every table, and the copy keeps working', async () => {
    const counts = await backup(source, file);
    expect(counts.users).toBeGreaterThan(15);
    const target = await createEmptyTestDatabase();
    try {
      await restore(target, file);
      expect(await rowCounts(target)).toEqual(await rowCounts(source));
      const sample = 'SELECT email, role, password_hash FROM users ORDER BY email';
      expect(await target.query(sample)).toEqual(await source.query(sample));
      // Sequences moved past the restored ids: new audit rows get fresh ids.
      await target.query(
        "INSERT INTO audit_events (at, action, resource_type, outcome) VALUES (now(), 'restore', 'Database', 'success')",
      );
      await expect(target.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data, changing nothing', async () => {
    const before = await rowCounts(source);
    await expect(restore(source, file)).rejects.toThrow(/Restore needs an empty database/);
    expect(await rowCounts(source)).toEqual(before);
  });

  it('refuses a file that is not a Meridian backup', async () => {
    const target = await createEmptyTestDatabase();
    const junk = path.join(path.dirname(file), 'junk.gz');
    const { gzipSync } = await import('node:zlib');
    fs.writeFileSync(junk, gzipSync('{"hello":"world"}\n'));
    try {
      await expect(restore(target, junk)).rejects.toThrow(/not a Meridian backup/);
    } finally {
      await target.close();
    }
  });
});
