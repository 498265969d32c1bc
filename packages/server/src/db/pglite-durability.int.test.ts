import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPglite } from './pglite.ts';

// Durability of the embedded database (this file runs in the PGlite project only; the real server
// does its own fsync, and openPostgres warns when it is turned off).
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-durable-'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('acknowledged writes on PGlite', () => {
  it('PGlite by itself commits a transaction without any fsync (why Meridian syncs)', async () => {
    const pg = await PGlite.create(tmpDir());
    await pg.exec('CREATE TABLE t (x int)');
    const fsyncs = vi.spyOn(fs, 'fsyncSync');
    const fdatasyncs = vi.spyOn(fs, 'fdatasyncSync');
    const opened = vi.spyOn(fs.promises, 'open');
    await pg.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
    });
    expect(fsyncs).not.toHaveBeenCalled();
    expect(fdatasyncs).not.toHaveBeenCalled();
    expect(opened).not.toHaveBeenCalled();
    await pg.close();
  });

  it('fsyncs the WAL segment holding the commit before tx() resolves', async () => {
    const dir = tmpDir();
    const db = await openPglite({ dataDir: dir });
    await db.exec('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)');
    const synced: string[] = [];
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        await realSync();
        synced.push(String(args[0]));
      };
      return handle;
    });
    await db.tx((q) => q.query("INSERT INTO notes (body) VALUES ('acknowledged')"));
    const syncedWhenResolved = [...synced];
    const [segment] = await db.query<{ s: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS s');
    expect(syncedWhenResolved).toContain(path.join(dir, 'pg_wal', segment!.s));
    await db.close();
  });

  it('lets concurrent commits share fsyncs (group commit)', async () => {
    const db = await openPglite({ dataDir: tmpDir() });
    await db.exec('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)');
    const opened = vi.spyOn(fs.promises, 'open');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.tx((q) => q.query('INSERT INTO notes (body) VALUES ($1)', [`n${i}`])),
      ),
    );
    expect(opened.mock.calls.length).toBeGreaterThan(0);
    expect(opened.mock.calls.length).toBeLessThan(40);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM notes');
    expect(row!.n).toBe(40);
    await db.close();
  });

  it('keeps a committed write when the process is killed with SIGKILL right after the commit', async () => {
    const dir = tmpDir();
    const script = path.join(dir, 'writer.ts');
    fs.writeFileSync(
      script,
      `import { openPglite } from ${JSON.stringify(path.join(import.meta.dirname, 'pglite.ts'))};
       const db = await openPglite({ dataDir: ${JSON.stringify(path.join(dir, 'pgdata'))} });
       await db.exec('CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, body text NOT NULL)');
       for (let i = 0; ; i++) {
         await db.tx((q) => q.query('INSERT INTO notes (body) VALUES ($1)', ['note ' + i]));
         process.stdout.write('committed ' + i + '\\n');
       }`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = -1;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`The writer exited early (code ${code}) after ${acknowledged + 1} commits.`)),
      );
      child.stdout.on('data', (chunk: Buffer) => {
        for (const m of chunk.toString().matchAll(/committed (\d+)/g)) acknowledged = Number(m[1]);
        if (acknowledged >= 20) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const db = await openPglite({ dataDir: path.join(dir, 'pgdata') });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM notes');
    expect(row!.n).toBeGreaterThanOrEqual(acknowledged + 1);
    await db.close();
  });
});
