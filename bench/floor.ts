// What this machine allows a read of patient data (bench/load.ts): Meridian's own app (every hook, the
// sign-in check, the same PostgreSQL pool and driver), built in the bench's process beside the real
// server's run, with two routes that do the least such a read can do:
// - one query: a signed-in request (under /api, so the sign-in check runs) answered from one trivial statement (`SELECT $1::uuid`), no policy;
// - one query and its audit row: the same, and the audit row committed before the answer through the
//   same grouped insert (appendAudit) every audited read uses.
// Loaded against the app's own GET /healthz like every path, they show the ceiling of the ratio on this
// machine for any read that asks PostgreSQL for its data on each request; a real read also asks who may
// see the record (a clinician's) and fetches and shapes more.
import { appendAudit, buildApp, contextOf, loadConfig, openPostgres, systemClock } from '@meridian/server';

export interface FloorApp {
  url: string;
  close(): Promise<void>;
}

export const floorPaths = {
  query: '/api/bench-floor/query',
  audited: '/api/bench-floor/audited-query',
} as const;

/** Starts the calibration app on a free port, on the database at `databaseUrl`; `patientId` is read. */
export async function startFloorApp(databaseUrl: string, patientId: string): Promise<FloorApp> {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, MERIDIAN_ENV: 'development' });
  const db = await openPostgres(databaseUrl, config.databasePoolSize);
  const app = await buildApp({
    config,
    db,
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const one = async () => (await db.query<{ id: string }>('SELECT $1::uuid AS id', [patientId]))[0]!;
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
      patientId,
      action: 'read',
      resourceType: 'BenchmarkFloor',
      resourceId: patientId,
      outcome: 'success',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      detail: { basis: 'benchmark' },
    });
    return row;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The calibration app has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
