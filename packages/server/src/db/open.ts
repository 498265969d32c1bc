import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Opens the configured database: a real server when DATABASE_URL is set, else PGlite in the data directory. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>,
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return openPglite({ dataDir: `${config.dataDir}/pgdata` });
}

/**
 * Where the database lives, for messages (never prints a password). A Unix socket is named by its
 * directory, given as `?host=/run/postgresql` (`postgres://user@/db?host=…` has no host name, which a
 * WHATWG URL refuses, so the host part is read on its own).
 */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  let url: URL;
  try {
    url = new URL(config.databaseUrl.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)(?=[/?]|$)/, '$1localhost'));
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
  const port = url.searchParams.get('port') ?? (url.port || '5432');
  const socket = url.searchParams.get('host');
  if (socket?.startsWith('/'))
    return `PostgreSQL through the socket in ${socket} (port ${port})${url.pathname}`;
  return `PostgreSQL at ${url.hostname}:${port}${url.pathname}`;
}
