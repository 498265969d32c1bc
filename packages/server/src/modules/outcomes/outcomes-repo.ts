import { addDays, instantAt } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

// The SQL of the program outcome reports. Only this file reads patient-level rows, and what it returns
// carries no patient identifier out of the database except where a count needs one (bedside sessions,
// to count distinct patients); the service reduces everything to group statistics.
//
// Cohort rules (the service's `method` text says the same in words for the people who read the report):
// - A session counts when its attendance is 'attended' (booked, no-show and cancelled do not) and its
//   service names a therapy (services.therapy; consultations have none). Its day is the calendar date in
//   the time zone of the location where it took place, and it must fall in the period [from, to].
// - therapy grouping: the patient belongs to each therapy they attended; their start is their first
//   attended session of that therapy in the period.
// - condition grouping: the patient belongs to each condition on their list (regimen item of category
//   'condition', status 'active', resolved to the knowledge base id) when they attended at least one
//   therapy session in the period; their start is their first attended therapy session.
// - location grouping: the patient's home location, when they attended at least one therapy session;
//   start = first attended therapy session (at any location).
// - discipline grouping: the discipline of the practitioner of an attended session; start = the first
//   session with a practitioner of that discipline.
// - The therapy filter keeps only that therapy's sessions (so the start is the first session of it);
//   the condition filter keeps only patients with that active condition.
// - Baseline = mean of the patient's values on the 14 days up to and including the start day;
//   follow-up = mean of their values on the last 14 days of the period, counting only days at least
//   28 days after the start. Pain is the diary's pain_average, or pain_now when the average is missing;
//   PEG is the questionnaire score, dated in the patient's home location's zone (UTC without one).
// Both windows are read through the unique (patient_id, entry_date) index of diary_entries, or
// (patient_id, instrument, completed_at) of questionnaire_responses: a few rows per patient.

export type GroupBy = 'therapy' | 'condition' | 'location' | 'discipline';
export type Measure = 'pain' | 'peg';

export interface CohortQuery {
  groupBy: GroupBy;
  measure: Measure;
  /** First and last day of the period, 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  therapy: string | null;
  condition: string | null;
}

/** One member of one group: their baseline and follow-up values, null when they have none. */
export interface MemberValues {
  group_id: string;
  baseline: number | null;
  follow_up: number | null;
}

/** The instants that surely contain every local day of [from, to] in any time zone (UTC−12 … UTC+14). */
export function periodBounds(from: string, to: string): { lower: Date; upper: Date } {
  const day = 86_400_000;
  return {
    lower: new Date(Date.parse(`${from}T00:00:00Z`) - day),
    upper: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * day),
  };
}

const membersByGroup: Record<GroupBy, (conditionParam: string | null) => string> = {
  therapy: () =>
    'SELECT x.therapy AS group_id, x.patient_id, min(x.day) AS first_day FROM sessions x GROUP BY x.therapy, x.patient_id',
  discipline: () =>
    `SELECT x.discipline AS group_id, x.patient_id, min(x.day) AS first_day FROM sessions x
      WHERE x.discipline IS NOT NULL GROUP BY x.discipline, x.patient_id`,
  location: () =>
    `SELECT p.home_location_id::text AS group_id, x.patient_id, min(x.day) AS first_day
       FROM sessions x JOIN patients p ON p.id = x.patient_id
      WHERE p.home_location_id IS NOT NULL GROUP BY p.home_location_id, x.patient_id`,
  condition: (conditionParam) =>
    `SELECT r.resolved_id AS group_id, x.patient_id, min(x.day) AS first_day
       FROM sessions x JOIN regimen_items r ON r.patient_id = x.patient_id
      WHERE r.category = 'condition' AND r.status = 'active' AND r.resolved_id IS NOT NULL
        ${conditionParam ? `AND r.resolved_id = ${conditionParam}` : ''}
      GROUP BY r.resolved_id, x.patient_id`,
};

const painValue = 'coalesce(d.pain_average, d.pain_now)';

const windows: Record<Measure, { baseline: string; followUp: string }> = {
  pain: {
    baseline: `SELECT avg(${painValue})::float8 AS value FROM diary_entries d
                WHERE d.patient_id = m.patient_id AND d.entry_date BETWEEN m.first_day - 13 AND m.first_day`,
    followUp: `SELECT avg(${painValue})::float8 AS value FROM diary_entries d
                WHERE d.patient_id = m.patient_id
                  AND d.entry_date BETWEEN greatest($1::date - 13, m.first_day + 28) AND $1::date`,
  },
  peg: {
    baseline: `SELECT avg(r.score)::float8 AS value FROM questionnaire_responses r
                WHERE r.patient_id = m.patient_id AND r.instrument = 'peg'
                  AND r.completed_at >= (m.first_day - 13)::timestamp AT TIME ZONE m.zone
                  AND r.completed_at < (m.first_day + 1)::timestamp AT TIME ZONE m.zone`,
    followUp: `SELECT avg(r.score)::float8 AS value FROM questionnaire_responses r
                WHERE r.patient_id = m.patient_id AND r.instrument = 'peg'
                  AND r.completed_at >= greatest($1::date - 13, m.first_day + 28)::timestamp AT TIME ZONE m.zone
                  AND r.completed_at < ($1::date + 1)::timestamp AT TIME ZONE m.zone`,
  },
};

/** Every member of every group with their baseline and follow-up (one row per patient and group). */
export async function cohortValues(q: Queryable, query: CohortQuery): Promise<MemberValues[]> {
  // $1 is the last day of the period (the follow-up window ends on it).
  const params: unknown[] = [query.to];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The period as instants at each location, written out as constants: the planner then knows how many
  // sessions it will read (a filter on the local date computed per row leaves it guessing, low, and it
  // picks a plan that sorts tens of thousands of rows on disk).
  const locations = await q.query<{ id: string; time_zone: string }>('SELECT id, time_zone FROM locations');
  const inPeriod = locations.length
    ? locations
        .map(
          (l) =>
            `(a.location_id = ${param(l.id)}::uuid AND a.starts_at >= ${param(instantAt(query.from, '00:00', l.time_zone))}::timestamptz AND a.starts_at < ${param(instantAt(addDays(query.to, 1), '00:00', l.time_zone))}::timestamptz)`,
        )
        .join('\n           OR ')
    : 'false';
  const therapyFilter = query.therapy ? `s.therapy = ${param(query.therapy)}` : 's.therapy IS NOT NULL';
  const conditionParam = query.condition ? param(query.condition) : null;
  const conditionFilter = conditionParam
    ? `AND EXISTS (SELECT 1 FROM regimen_items r WHERE r.patient_id = t.patient_id AND r.category = 'condition'
                      AND r.status = 'active' AND r.resolved_id = ${conditionParam})`
    : '';
  // The PEG windows are instants in the patient's zone; the diary's are dates already.
  const cohort =
    query.measure === 'peg'
      ? `SELECT mm.*, coalesce(l.time_zone, 'UTC') AS zone FROM members mm
           JOIN patients p ON p.id = mm.patient_id LEFT JOIN locations l ON l.id = p.home_location_id`
      : 'SELECT * FROM members';
  const byDiscipline = query.groupBy === 'discipline';
  const sql = `
    WITH sessions AS (
      SELECT t.patient_id, (a.starts_at AT TIME ZONE l.time_zone)::date AS day, s.therapy,
             ${byDiscipline ? 'u.discipline' : 'NULL::text AS discipline'}
        FROM appointments a
        JOIN services s ON s.id = a.service_id
        JOIN locations l ON l.id = a.location_id
        ${byDiscipline ? 'JOIN users u ON u.id = a.practitioner_id' : ''}
        JOIN attendances t ON t.appointment_id = a.id
       WHERE t.status = 'attended' AND ${therapyFilter}
         AND (${inPeriod})
         ${conditionFilter}
    ),
    members AS (${membersByGroup[query.groupBy](conditionParam)}),
    cohort AS (${cohort})
    SELECT m.group_id, b.value AS baseline, f.value AS follow_up
      FROM cohort m
      CROSS JOIN LATERAL (${windows[query.measure].baseline}) b
      CROSS JOIN LATERAL (${windows[query.measure].followUp}) f`;
  // A whole-program report is costed high enough for PostgreSQL to compile it with JIT, which takes
  // longer (over a second at 100,000 patients) than running it; off for this transaction only.
  await q.query("SELECT set_config('jit', 'off', true)");
  return q.query<MemberValues>(sql, params);
}

/** Names for group ids that the knowledge base does not name: services' names by therapy, locations. */
export async function groupNames(
  q: Queryable,
  groupBy: GroupBy,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  if (groupBy === 'therapy') {
    const rows = await q.query<{ id: string; name: string }>(
      'SELECT therapy AS id, min(name) AS name FROM services WHERE therapy = ANY($1::text[]) GROUP BY therapy',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'location') {
    const rows = await q.query<{ id: string; name: string }>(
      'SELECT id::text AS id, name FROM locations WHERE id::text = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'condition') {
    const rows = await q.query<{ id: string; name: string }>(
      `SELECT resolved_id AS id, min(resolved_name) AS name FROM regimen_items
        WHERE category = 'condition' AND resolved_id = ANY($1::text[]) AND resolved_name IS NOT NULL
        GROUP BY resolved_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  return new Map();
}

/** Whether some service delivers this therapy (a therapy filter may name one the knowledge base lacks). */
export async function therapyOffered(q: Queryable, therapy: string): Promise<string | null> {
  const [row] = await q.query<{ name: string }>(
    'SELECT min(name) AS name FROM services WHERE therapy = $1 HAVING count(*) > 0',
    [therapy],
  );
  return row?.name ?? null;
}

/** One bedside session in the period, with the scores before and after. */
export interface BedsideSessionRow {
  service_id: string;
  service_code: string;
  service_name: string;
  /** Only to count distinct patients; never leaves the service. */
  patient_id: string;
  pain_before: number | null;
  pain_after: number | null;
  anxiety_before: number | null;
  anxiety_after: number | null;
}

/**
 * Bedside sessions delivered in [from, to]; the day is the calendar date at the location of the order
 * (or of the volunteer's assignment).
 */
export function bedsideSessions(q: Queryable, from: string, to: string): Promise<BedsideSessionRow[]> {
  const { lower, upper } = periodBounds(from, to);
  return q.query<BedsideSessionRow>(
    `SELECT b.service_id, s.code AS service_code, s.name AS service_name, b.patient_id,
            b.pain_before, b.pain_after, b.anxiety_before, b.anxiety_after
       FROM bedside_sessions b
       JOIN services s ON s.id = b.service_id
       LEFT JOIN bedside_orders o ON o.id = b.order_id
       LEFT JOIN bedside_assignments ba ON ba.id = b.assignment_id
       JOIN locations l ON l.id = coalesce(o.location_id, ba.location_id)
      WHERE b.delivered_at >= $3::timestamptz AND b.delivered_at < $4::timestamptz
        AND (b.delivered_at AT TIME ZONE l.time_zone)::date BETWEEN $1::date AND $2::date`,
    [from, to, lower, upper],
  );
}
