import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createEmptyTestDatabase, createTestDatabase, testDatabaseKind } from '@meridian/testing';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { backup, restore } from '../backup/backup.ts';
import { rowCounts } from '../backup/tables.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../http/context.ts';
import { consistencyProblems } from './consistency.ts';
import { ApiClient } from './http-client.ts';
import { runMeridian, startMeridian } from './meridian-process.ts';
import { WriteLoad } from './write-streams.ts';

/** The row counts a backup file says it holds (its first line). */
async function headerCounts(file: string): Promise<Record<string, number>> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as { tables: { name: string; rows: number }[] };
    return Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
  }
  throw new Error(`${file} is empty.`);
}

describe(`a backup taken under load (${testDatabaseKind()})`, () => {
  it('restores to a consistent database that opens and holds every write acknowledged before the backup began', async () => {
    const t0 = performance.now();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-backup-load-'));
    const file = path.join(dir, 'meridian.backup');
    const since = new Date();
    const source = await createTestDatabase('demo', { onDisk: true });
    const kind = source.label;
    // PostgreSQL: a real server process takes the writes and the `meridian backup` command runs
    // beside it. PGlite: only one process may hold the files, so the server runs in this process and
    // the backup is taken here, through the same database handle, as the server itself would.
    let stopServer: () => Promise<unknown>;
    let url: string;
    // What to undo if the test fails half-way (processes and servers left running).
    const cleanup: (() => unknown)[] = [];
    if (kind === 'postgres') {
      const server = await startMeridian(source.location);
      cleanup.push(() => server.kill('SIGKILL'));
      url = server.url;
      stopServer = () => server.stop();
    } else {
      const config = loadConfig({ MERIDIAN_ENV: 'test' });
      const app = await buildApp({
        config,
        db: source,
        clock: systemClock,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      });
      cleanup.push(() => app.close());
      url = await app.listen({ port: 0, host: '127.0.0.1' });
      stopServer = () => app.close();
    }
    try {
      const load = await WriteLoad.setup(url);
      const stream = await load.start(url, 'backup');
      cleanup.push(() => stream.stop());
      await load.everyStreamAcknowledgedSince(new Map());

      if (kind === 'pglite') {
        // The command line refuses files a running server holds (a second database on the same files
        // would corrupt them), and says why.
        const refused = await runMeridian(['backup', path.join(dir, 'refused.backup')], source.location);
        expect(refused.code, refused.stdout).toBe(1);
        expect(refused.stderr).toMatch(/in use by another process/);
      }
      const mark = load.mark();
      const acknowledgedBefore = load.acknowledged;
      const tb = performance.now();
      if (kind === 'postgres') {
        const result = await runMeridian(['backup', file], source.location);
        expect(result.code, result.stderr).toBe(0);
      } else {
        await backup(source, file);
      }
      const backupSeconds = (performance.now() - tb) / 1000;
      const acknowledgedDuring = load.acknowledged - acknowledgedBefore;
      // The writes go on after the backup, and the server is still whole.
      await load.everyStreamAcknowledgedSince(load.mark());
      await stream.stop();
      expect(await load.lost(url)).toEqual([]);
      await stopServer();
      expect(await consistencyProblems(source, since)).toEqual([]);

      const target = await createEmptyTestDatabase({ onDisk: true });
      cleanup.push(() => target.close());
      if (kind === 'postgres') {
        const result = await runMeridian(['restore', file], target.location);
        expect(result.code, result.stderr).toBe(0);
      } else {
        await restore(target, file);
      }
      const expectedCounts = await headerCounts(file);
      expect(await rowCounts(target)).toEqual(expectedCounts);
      const problems = await consistencyProblems(target, since);
      if (kind === 'pglite') await target.close(); // the server below opens its files

      // The copy opens as a Meridian database and holds every write acknowledged before the backup.
      const copy = await startMeridian(target.location);
      cleanup.push(() => copy.kill('SIGKILL'));
      const ready = await new ApiClient(copy.url).send('GET', '/readyz');
      expect(ready.status).toBe(200);
      const lost = await load.lost(copy.url, mark);
      console.log(
        `Backup under load (${kind}): ${acknowledgedBefore} writes acknowledged before the backup, ` +
          `${acknowledgedDuring} while it ran (${backupSeconds.toFixed(1)} s), ${load.acknowledged} in all; ` +
          `restored ${Object.values(expectedCounts).reduce((a, b) => a + b, 0)} rows; ${lost.length} lost, ` +
          `${problems.length} consistency problems; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      expect(lost).toEqual([]);
      expect(problems).toEqual([]);
      expect(load.unexpected).toEqual([]);
      if (kind === 'postgres') expect(acknowledgedDuring).toBeGreaterThan(0);
      expect(await copy.stop()).toBe(0);
    } finally {
      // Undo in reverse order; each step is safe to repeat (close and kill do nothing the second time).
      for (const undo of cleanup.reverse()) await Promise.resolve(undo()).catch(() => undefined);
      await source.close();
    }
  }, 180_000);
});
