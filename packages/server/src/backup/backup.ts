import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { ident, rowCounts, tablesInDependencyOrder } from './tables.ts';

export const backupFormat = 'meridian-backup';
const batchSize = 1000;

/** Tables the migrations fill with reference data, in dependency order. */
const filledByMigrations = ['credential_kinds', 'services'];

export type Progress = (table: string, done: number, total: number) => void;

interface Header {
  format: typeof backupFormat;
  version: 1;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

/**
 * Writes a consistent logical backup (gzipped JSON lines) of every table, read in one snapshot so
 * that writes during the backup are either wholly in it or wholly out. Restores into either database.
 */
export async function backup(
  db: Database,
  file: string,
  progress?: Progress,
): Promise<Record<string, number>> {
  const gzip = createGzip();
  const tmp = `${file}.partial`;
  const done = pipeline(gzip, fs.createWriteStream(tmp));
  const write = (line: string) =>
    new Promise<void>((resolve) =>
      gzip.write(`${line}\n`) ? resolve() : gzip.once('drain', () => resolve()),
    );
  const counts = await db.snapshot(async (q) => {
    const tables = await tablesInDependencyOrder(q);
    const counts = await rowCounts(q);
    const migrations = (
      await q.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')
    ).map((r) => r.version);
    const header: Header = {
      format: backupFormat,
      version: 1,
      createdAt: new Date().toISOString(),
      source: db.kind,
      migrations,
      tables: tables.map((name) => ({ name, rows: counts[name]! })),
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      await write(JSON.stringify({ table, rows: counts[table] }));
      await q.exec(
        `DECLARE meridian_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`,
      );
      let written = 0;
      progress?.(table, 0, counts[table]!);
      for (;;) {
        const rows = await q.query<{ j: string }>(`FETCH ${batchSize} FROM meridian_backup`);
        for (const r of rows) await write(r.j);
        written += rows.length;
        progress?.(table, written, counts[table]!);
        if (rows.length < batchSize) break;
      }
      await q.exec('CLOSE meridian_backup');
    }
    return counts;
  });
  gzip.end();
  await done;
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  return counts;
}

/**
 * Restores a backup into an empty database: applies the migrations, then inserts every table in
 * one transaction (all or nothing) and moves each sequence past the restored ids.
 */
export async function restore(
  db: Database,
  file: string,
  progress?: Progress,
): Promise<Record<string, number>> {
  await migrate(db);
  const existing = await rowCounts(db);
  // Reference data the migrations put in (the service catalog) is replaced by the backup's own copy.
  const nonEmpty = Object.entries(existing).filter(([t, n]) => n > 0 && !filledByMigrations.includes(t));
  if (nonEmpty.length) {
    throw new Error(
      `Restore needs an empty database, but ${nonEmpty.map(([t, n]) => `${t} has ${n} rows`).join(', ')}. Use a new data directory or an empty server database.`,
    );
  }
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await iterator.next();
    return r.done ? undefined : r.value;
  };
  const first = await next();
  const header = first ? (JSON.parse(first) as Header) : undefined;
  if (header?.format !== backupFormat || header.version !== 1)
    throw new Error(`${file} is not a Meridian backup.`);
  const known = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const newer = header.migrations.filter((m) => !known.has(m));
  if (newer.length)
    throw new Error(
      `This backup comes from a newer Meridian (migrations ${newer.join(', ')}). Upgrade first.`,
    );

  return db.tx(async (q) => {
    for (const table of [...filledByMigrations].reverse()) await q.query(`DELETE FROM ${ident(table)}`);
    const restored: Record<string, number> = {};
    for (let t = 0; t < header.tables.length; t++) {
      const section = JSON.parse((await next()) ?? 'null') as { table: string; rows: number } | null;
      if (!section || section.table !== header.tables[t]!.name)
        throw new Error(`${file} is damaged: a table section is missing.`);
      let batch: string[] = [];
      let count = 0;
      // Generated columns (e.g. an appointment's time range) are computed again, not inserted.
      const columns = (
        await q.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [section.table],
        )
      )
        .map((c) => ident(c.column_name))
        .join(', ');
      const flush = async () => {
        if (!batch.length) return;
        await q.query(
          `INSERT INTO ${ident(section.table)} (${columns})
           SELECT ${columns} FROM json_populate_recordset(NULL::${ident(section.table)}, $1::json)`,
          [`[${batch.join(',')}]`],
        );
        count += batch.length;
        batch = [];
        progress?.(section.table, count, section.rows);
      };
      progress?.(section.table, 0, section.rows);
      for (let i = 0; i < section.rows; i++) {
        const line = await next();
        if (line === undefined) throw new Error(`${file} is truncated in table ${section.table}.`);
        batch.push(line);
        if (batch.length === batchSize) await flush();
      }
      await flush();
      restored[section.table] = count;
    }
    const sequences = await q.query<{ table_name: string; column_name: string; seq: string }>(
      `SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
         FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const s of sequences) {
      await q.query(
        `SELECT setval($1, COALESCE((SELECT max(${ident(s.column_name)}) FROM ${ident(s.table_name)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    return restored;
  });
}
