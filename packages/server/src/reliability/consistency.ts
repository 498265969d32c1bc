import { ident } from '../backup/tables.ts';
import type { Queryable } from '../db/database.ts';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

async function foreignKeys(q: Queryable): Promise<ForeignKey[]> {
  return q.query<ForeignKey>(
    `SELECT k.conname AS name, c.relname AS child, p.relname AS parent,
            (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n) AS "childColumns",
            (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
               JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n) AS "parentColumns"
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' ORDER BY k.conname`,
  );
}

/**
 * Checks a database for what a crash or a torn backup would leave behind, and returns the problems in
 * words (none when it is whole): rows whose parent row is missing (every foreign key, checked by query
 * rather than trusted), appointments without their attendance or with a different time, bookings
 * without their confirmation message, plan versions with gaps, and writes without their audit row.
 * `since` limits the checks of written rows to those the test wrote (the demo data has its own history).
 */
export async function consistencyProblems(q: Queryable, since: Date): Promise<string[]> {
  const problems: string[] = [];
  for (const fk of await foreignKeys(q)) {
    const c = fk.childColumns.map((x) => `c.${ident(x)}`);
    const match = fk.childColumns.map((x, i) => `p.${ident(fk.parentColumns[i]!)} = c.${ident(x)}`);
    const [row] = await q.query<{ n: number }>(
      `SELECT count(*)::int8 AS n FROM ${ident(fk.child)} c
        WHERE ${c.map((x) => `${x} IS NOT NULL`).join(' AND ')}
          AND NOT EXISTS (SELECT 1 FROM ${ident(fk.parent)} p WHERE ${match.join(' AND ')})`,
    );
    if (row!.n > 0) problems.push(`${row!.n} ${fk.child} rows point to a missing ${fk.parent} (${fk.name})`);
  }
  const checks: [string, string][] = [
    [
      'appointments booked by the test without exactly one attendance',
      `SELECT count(*)::int8 AS n FROM appointments a
        WHERE a.capacity = 1 AND a.created_at >= $1
          AND (SELECT count(*) FROM attendances t WHERE t.appointment_id = a.id) <> 1`,
    ],
    [
      'attendances whose time differs from their appointment',
      `SELECT count(*)::int8 AS n FROM attendances t JOIN appointments a ON a.id = t.appointment_id
        WHERE a.capacity = 1 AND t.booked_at >= $1 AND t.during <> a.during`,
    ],
    [
      'attendances booked by the test without their booking confirmation',
      `SELECT count(*)::int8 AS n FROM attendances t
        WHERE t.booked_at >= $1 AND NOT EXISTS (
          SELECT 1 FROM outbox_messages m WHERE m.attendance_id = t.id AND m.kind = 'booking_confirmation')`,
    ],
    [
      'plans whose versions are not numbered 1, 2, 3 … without gaps',
      `SELECT count(*)::int8 AS n FROM (
         SELECT plan_id FROM care_plan_versions GROUP BY plan_id HAVING count(*) <> max(version)
       ) gaps`,
    ],
    // Each write and its audit row are one transaction: neither may survive without the other.
    [
      'diary entries written by the test without their audit row',
      `SELECT count(*)::int8 AS n FROM diary_entries d
        WHERE d.recorded_at >= $1 AND NOT EXISTS (
          SELECT 1 FROM audit_events e WHERE e.patient_id = d.patient_id AND e.resource_type = 'DiaryEntry'
             AND e.action = 'update' AND e.outcome = 'success' AND e.at = d.recorded_at)`,
    ],
    [
      'bookings by the test without their audit row',
      `SELECT count(*)::int8 AS n FROM attendances t
        WHERE t.booked_at >= $1 AND NOT EXISTS (
          SELECT 1 FROM audit_events e WHERE e.patient_id = t.patient_id AND e.resource_type = 'Appointment'
             AND e.action = 'book' AND e.outcome = 'success' AND e.at = t.booked_at)`,
    ],
    [
      'plan versions written by the test without their audit row',
      `SELECT count(*)::int8 AS n FROM care_plan_versions v JOIN care_plans p ON p.id = v.plan_id
        WHERE v.created_at >= $1 AND NOT EXISTS (
          SELECT 1 FROM audit_events e WHERE e.patient_id = p.patient_id AND e.resource_type = 'CarePlan'
             AND e.action = 'update' AND e.outcome = 'success' AND e.at = v.created_at)`,
    ],
  ];
  for (const [what, sql] of checks) {
    const [row] = await q.query<{ n: number }>(sql, sql.includes('$1') ? [since] : []);
    if (row!.n > 0) problems.push(`${row!.n} ${what}`);
  }
  return problems;
}
