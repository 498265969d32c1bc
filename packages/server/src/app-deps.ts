import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Clock } from './http/context.ts';

/** What the app is built from; tests pass their own database, clock and sleep. */
export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  /** Waits; tests pass a function that records instead of waiting. */
  sleep: (ms: number) => Promise<void>;
}
