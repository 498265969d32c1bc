import path from 'node:path';
import { createTestDatabase, testDatabaseKind } from '@meridian/testing';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite.ts';
import { consistencyProblems } from './consistency.ts';
import { ApiClient } from './http-client.ts';
import { type MeridianProcess, startMeridian } from './meridian-process.ts';
import { WriteLoad } from './write-streams.ts';

// Kill -9 of a real Meridian process in the middle of a stream of writes, again and again, on the
// database of the project this runs in (a PGlite data directory, or a fresh PostgreSQL database).
const cycles = Number(process.env.MERIDIAN_CRASH_CYCLES ?? 20);
const seed = Number(process.env.MERIDIAN_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** A small seeded generator (mulberry32), so a failing run can be repeated with MERIDIAN_CRASH_SEED. */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function expectReady(server: MeridianProcess): Promise<void> {
  const client = new ApiClient(server.url);
  const ready = await client.send('GET', '/readyz');
  client.close();
  expect(ready.status, server.output()).toBe(200);
  expect(ready.body.status).toBe('ready');
}

describe(`a SIGKILL in the middle of a stream of writes (${testDatabaseKind()})`, () => {
  it(
    `loses no acknowledged write over ${cycles} kill and restart cycles, and the database opens cleanly each time`,
    async () => {
      const t0 = performance.now();
      const next = random(seed);
      const db = await createTestDatabase('demo', { onDisk: true });
      const since = new Date();
      // PGlite's files belong to one process at a time: the server's.
      if (db.label === 'pglite') await db.close();
      let server = await startMeridian(db.location);
      const lost: string[] = [];
      const problems: string[] = [];
      let restartSeconds = 0;
      try {
        await expectReady(server);
        const load = await WriteLoad.setup(server.url);
        for (let cycle = 1; cycle <= cycles; cycle++) {
          const before = load.mark();
          const stream = await load.start(server.url, `c${cycle}`);
          // A random moment mid-stream, once every stream has written in this cycle (a busy machine is slow).
          await load.everyStreamAcknowledgedSince(before);
          await new Promise((r) => setTimeout(r, next() * 600));
          server.kill('SIGKILL');
          expect((await server.exited).signal).toBe('SIGKILL');
          await stream.done;
          const tr = performance.now();
          server = await startMeridian(db.location);
          await expectReady(server);
          restartSeconds += (performance.now() - tr) / 1000;
          expect(server.output()).not.toMatch(/Seeded demo data/);
          for (const l of await load.lost(server.url)) lost.push(`cycle ${cycle}: ${l}`);
          if (db.label === 'postgres')
            for (const p of await consistencyProblems(db, since)) problems.push(`cycle ${cycle}: ${p}`);
        }
        expect(await server.stop()).toBe(0);
        if (db.label === 'pglite') {
          const files = await openPglite({ dataDir: path.join(db.location.dataDir!, 'pgdata') });
          problems.push(...(await consistencyProblems(files, since)));
          await files.close();
        }
        console.log(
          `Crash test (${db.label}): ${cycles} SIGKILL/restart cycles, ${load.acknowledged} acknowledged writes ` +
            `(${load.counts()}), ${lost.length} lost, ${problems.length} consistency problems; ` +
            `restart to ready ${(restartSeconds / cycles).toFixed(1)} s on average; seed ${seed}; ` +
            `${((performance.now() - t0) / 1000).toFixed(1)} s in all`,
        );
        expect(lost).toEqual([]);
        expect(problems).toEqual([]);
        expect(load.unexpected).toEqual([]);
        // The streams really ran: every kind of write was acknowledged, many times.
        expect(load.acknowledged).toBeGreaterThanOrEqual(cycles * 5);
        for (const w of load.writers) expect(w.acknowledged, w.name).toBeGreaterThan(0);
      } finally {
        server.kill('SIGKILL');
        if (db.label === 'postgres') await db.close();
      }
    },
    60_000 + cycles * 20_000,
  );
});
