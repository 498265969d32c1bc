// What this machine allows (bench/load.ts, bench/run.ts): Meridian's own app (every hook, the sign-in
// check, the same database driver and pool), built in the bench's process beside the real server's run,
// with routes that do the least a kind of request can do:
// - one query: a signed-in request (under /api, so the sign-in check runs) answered from one trivial
//   statement (`SELECT $1::uuid`), no policy;
// - one query and its audit row: the same, and the audit row committed before the answer through the
//   same grouped insert (appendAudit) every audited read uses;
// - an answer from memory: a signed-in POST whose body is read as text and answered with bytes held
//   in memory (gzip-compressed for a client that accepts it), which is what the safety check does for
//   a regimen it has checked before.
// Loaded against the app's own GET /healthz like every path, they show the ceiling of the ratio on this
// machine for that kind of request: a real read also asks who may see the record (a clinician's) and
// fetches and shapes more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  appendAudit,
  buildApp,
  contextOf,
  loadConfig,
  migrate,
  openDatabase,
  seedDemo,
  systemClock,
} from '@meridian/server';

export interface FloorApp {
  url: string;
  close(): Promise<void>;
}

export const floorPaths = {
  query: '/api/bench-floor/query',
  audited: '/api/bench-floor/audited-query',
  answer: '/api/bench-floor/answer',
} as const;

/**
 * Starts the calibration app on a free port: on the PostgreSQL server at `databaseUrl`, or else on a
 * new embedded database of its own (with the demo data, for signing in). `answer` is what the POST
 * route answers with.
 */
export async function startFloorApp(
  options: { databaseUrl?: string; answer?: Buffer } = {},
): Promise<FloorApp> {
  const dataDir = options.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-floor-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    MERIDIAN_DATA_DIR: dataDir ?? undefined,
    MERIDIAN_ENV: 'development',
  });
  const db = await openDatabase(config);
  await migrate(db);
  // Seeds nothing where the demo accounts exist already.
  await seedDemo(db, { env: 'development', now: systemClock.now() });
  const [maria] = await db.query<{ id: string }>(
    "SELECT patient_id AS id FROM users WHERE lower(email) = 'maria.lopez@example.org'",
  );
  if (!maria) throw new Error('The calibration app found no demo patient.');
  const app = await buildApp({
    config,
    db,
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const one = async () => (await db.query<{ id: string }>('SELECT $1::uuid AS id', [maria.id]))[0]!;
  app.get(floorPaths.query, async (request) => {
    contextOf(request);
    return one();
  });
  app.get(floorPaths.audited, async (request) => {
    const ctx = contextOf(request);
    const row = await one();
    await appendAudit(db, {
      at: ctx.now,
      actorUserId: ctx.user.id,
      actorRole: ctx.user.role,
      actorEmail: ctx.user.email,
      patientId: maria.id,
      action: 'read',
      resourceType: 'BenchmarkFloor',
      resourceId: maria.id,
      outcome: 'success',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      detail: { basis: 'benchmark' },
    });
    return row;
  });
  const json = options.answer ?? Buffer.from('{}');
  const gzip = gzipSync(json);
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(floorPaths.answer, async (request, reply) => {
      contextOf(request);
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      return /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
        ? reply.header('content-encoding', 'gzip').send(gzip)
        : reply.send(json);
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The calibration app has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await db.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
