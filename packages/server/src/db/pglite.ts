import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { lockDataDir } from './data-dir-lock.ts';
import { type Database, mayWrite, type Queryable, typeParsers } from './database.ts';
import { WalSyncer } from './wal-sync.ts';

export interface PgliteOptions {
  /** Directory of the database files; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A data directory tarball (from `dumpDataDir`) to start from; used by tests for a migrated template. */
  loadDataDir?: Blob;
}

/** Opens the embedded PostgreSQL. Creating a new data directory runs initdb (several seconds). */
export async function openPglite(options: PgliteOptions): Promise<Database & { dump(): Promise<Blob> }> {
  // One process at a time: refuse files another process (e.g. a running server) has open.
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { btree_gist },
      parsers: typeParsers,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const syncer = options.dataDir
    ? new WalSyncer(options.dataDir, async () => {
        const rows = await pg.query<{ segment: string }>(
          'SELECT pg_walfile_name(pg_current_wal_lsn()) AS segment',
        );
        return rows.rows[0]!.segment;
      })
    : undefined;
  const sync = async () => {
    await syncer?.sync();
  };
  const wrap = (t: PGlite | Transaction): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await t.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await t.exec(sql);
    },
  });
  const root = wrap(pg);
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      const rows = await root.query<T>(sql, params);
      if (mayWrite(sql)) await sync();
      return rows;
    },
    async exec(sql: string) {
      await root.exec(sql);
      await sync();
    },
    async tx<T>(fn: (q: Queryable) => Promise<T>) {
      // PGlite's transaction() resolves without syncing its files (pglite#1065), and on NodeFS its
      // fsync is a no-op (it starts Postgres with fsync=off), so we fsync the WAL ourselves.
      const result = await pg.transaction((t) => fn(wrap(t)));
      await sync();
      return result;
    },
    async snapshot<T>(fn: (q: Queryable) => Promise<T>) {
      // PGlite has a single connection and runs one transaction at a time: any transaction is a snapshot.
      return pg.transaction(async (t) => {
        await t.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return fn(wrap(t));
      });
    },
    async close() {
      if (pg.closed) return;
      await pg.close();
      await syncer?.syncAll();
      unlock();
    },
    async dump() {
      return (await pg.dumpDataDir('none')) as Blob;
    },
  };
}
