import { type AppDeps, buildApp, type Config, loadConfig } from '@meridian/server';
import type { FastifyInstance } from 'fastify';
import { type FakeClock, fakeClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: FakeClock;
  config: Config;
  /** Delays the app asked for (failed sign-ins are slowed), instead of waiting. */
  sleeps: number[];
  /** Signs in with the demo password (or another) and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The app on a fresh demo database with a fake clock, for app.inject() tests. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDatabase('demo');
  const clock = fakeClock();
  const config = { ...loadConfig({ MERIDIAN_ENV: 'test' }), ...overrides };
  const sleeps: number[] = [];
  const deps: AppDeps = {
    config,
    db,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  const app = await buildApp(deps);
  return {
    app,
    db,
    clock,
    config,
    sleeps,
    async login(email, password = 'meridian-demo') {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200)
        throw new Error(`Sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Authorization header for a bearer token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
