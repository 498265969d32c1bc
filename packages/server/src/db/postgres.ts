import { createHash } from 'node:crypto';
import pg from 'pg';
import { type Database, type Queryable, typeParsers } from './database.ts';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** How many distinct statements run as prepared statements; others (rare, generated text) are planned each time. */
const maxPrepared = 400;

/**
 * Names for parameterised statements, so that each connection parses a statement once and PostgreSQL
 * may reuse its plan: parsing and planning were half of the database's CPU per request on the main read
 * paths (bench/load.ts). The name is a hash of the text, so one text has one name on every connection.
 */
function preparedNames() {
  const names = new Map<string, string>();
  return (sql: string): string | undefined => {
    let name = names.get(sql);
    if (name === undefined && names.size < maxPrepared) {
      name = `m${createHash('sha1').update(sql).digest('base64url')}`;
      names.set(sql, name);
    }
    return name;
  };
}

/** Connects to a real PostgreSQL server (≥ 15) through a pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const nameOf = preparedNames();
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      // Only statements with parameters: a text without them may hold several statements.
      const name = params.length ? nameOf(sql) : undefined;
      const config = name
        ? { name, text: sql, values: params as unknown[] }
        : { text: sql, values: params as unknown[] };
      return (await c.query(config)).rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const inTransaction = async <T>(begin: string, fn: (q: Queryable) => Promise<T>) => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await fn(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const root = wrap(pool);
  const settings = await root.query<{ fsync: string; synchronous_commit: string }>(
    "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
  );
  const s = settings[0]!;
  if (s.fsync !== 'on' || s.synchronous_commit === 'off') {
    process.emitWarning(
      `PostgreSQL has fsync=${s.fsync}, synchronous_commit=${s.synchronous_commit}: acknowledged writes may be lost on a crash.`,
    );
  }
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    tx: (fn) => inTransaction('BEGIN', fn),
    snapshot: (fn) => inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
    close: () => pool.end(),
  };
}
