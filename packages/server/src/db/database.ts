/** The one database interface the server uses: PostgreSQL, embedded (PGlite) or a real server (pg pool). */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations, restore). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction. When the promise resolves the transaction is committed and,
   * in both modes, its WAL is on disk (see docs/adr/0004-durable-writes-on-pglite.md).
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` in a read-only REPEATABLE READ transaction: one consistent snapshot. */
  snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Parsers shared by both drivers so rows look the same: int8 as number, date as 'YYYY-MM-DD'. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  20: (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} does not fit a JavaScript number`);
    return n;
  },
  1082: (value) => value,
};

/**
 * True when a statement may change data, so the PGlite driver must sync after it and a read must not
 * send it. A statement that starts with SELECT, SHOW, EXPLAIN or VALUES only reads, and so does a WITH
 * query none of whose words is INSERT, UPDATE, DELETE or MERGE; anything else is taken as a write.
 */
export function mayWrite(sql: string): boolean {
  if (/^\s*(select|show|explain|values)\b/i.test(sql)) return false;
  return !/^\s*with\b/i.test(sql) || /\b(insert|update|delete|merge)\b/i.test(sql);
}
