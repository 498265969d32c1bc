import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MERIDIAN_DATA_DIR: z.string().min(1).default('.meridian'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MERIDIAN_ENV: z.enum(['development', 'production', 'test']).default('development'),
  MERIDIAN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MERIDIAN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  MERIDIAN_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  MERIDIAN_COOKIE_SECURE: bool.optional(),
  MERIDIAN_BREAK_GLASS_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  MERIDIAN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MERIDIAN_TRUST_PROXY: bool.default(false),
  MERIDIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = Record<string, string | undefined>;

/** The whole configuration, built once at start from the environment and passed in. */
export interface Config {
  port: number;
  host: string;
  env: 'development' | 'production' | 'test';
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** How long a node trusts a session it read, before reading it again (revocation delay across nodes). */
  sessionCacheMs: number;
  cookieSecure: boolean;
  breakGlassMs: number;
  trustProxy: boolean;
  logLevel: string;
  throttle: {
    accountMaxFailures: number;
    addressMaxFailures: number;
    addressWindowMs: number;
    lockMs: number;
    slowAfterFailures: number;
    slowStepMs: number;
    slowMaxMs: number;
  };
  /** Largest request body accepted, in bytes (larger answers 413). */
  bodyLimit: number;
  webDistDir: string;
}

/** Reads and validates the configuration; throws an Error whose message names every bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    env: e.MERIDIAN_ENV,
    dataDir: path.resolve(cwd, e.MERIDIAN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    sessionIdleMs: e.MERIDIAN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.MERIDIAN_SESSION_MAX_HOURS * 3_600_000,
    sessionCacheMs: e.MERIDIAN_SESSION_CACHE_MS,
    cookieSecure: e.MERIDIAN_COOKIE_SECURE ?? e.MERIDIAN_ENV === 'production',
    breakGlassMs: e.MERIDIAN_BREAK_GLASS_MINUTES * 60_000,
    trustProxy: e.MERIDIAN_TRUST_PROXY,
    logLevel: e.MERIDIAN_LOG_LEVEL,
    throttle: {
      accountMaxFailures: 10,
      addressMaxFailures: 50,
      addressWindowMs: 15 * 60_000,
      lockMs: e.MERIDIAN_LOCK_MINUTES * 60_000,
      slowAfterFailures: 3,
      slowStepMs: 250,
      slowMaxMs: 2_000,
    },
    bodyLimit: 256 * 1024,
    webDistDir: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
