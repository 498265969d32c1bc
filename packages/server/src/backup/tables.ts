import type { Queryable } from '../db/database.ts';

/** The application's tables, parents before children (by foreign keys), without the migration ledger. */
export async function tablesInDependencyOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
    )
  ).map((r) => r.name);
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    if (visiting.has(t)) throw new Error(`Foreign keys form a cycle through ${t}.`);
    visiting.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

/** Quotes an identifier for SQL. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Row counts of every application table. */
export async function rowCounts(q: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await tablesInDependencyOrder(q)) {
    const [row] = await q.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${ident(t)}`);
    counts[t] = row!.n;
  }
  return counts;
}
