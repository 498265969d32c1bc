import type { HeldCredential, Interval, RoomCalendar, WeeklyHours } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  category: string;
  description: string;
  durations: number[];
  disciplines: string[];
  delivered_by_volunteers: boolean;
  required_credentials: string[];
  capacity: number;
  settings: ('outpatient' | 'inpatient' | 'telehealth')[];
  therapy: string | null;
  self_pay_cents: number | null;
  self_bookable: boolean;
  cancel_notice_hours: number;
  active: boolean;
}

const serviceColumns = `s.id, s.code, s.name, s.category, s.description, s.durations, s.disciplines, s.delivered_by_volunteers,
  s.required_credentials, s.capacity, s.settings, s.therapy, s.self_pay_cents, s.self_bookable, s.cancel_notice_hours, s.active`;

export async function findService(q: Queryable, id: string): Promise<ServiceRow | undefined> {
  const [row] = await q.query<ServiceRow>(`SELECT ${serviceColumns} FROM services s WHERE s.id = $1`, [id]);
  return row;
}

/** The catalog; with a location, only what it offers (and which locations offer each service). */
export async function listServices(
  q: Queryable,
  options: { locationId?: string; includeInactive?: boolean },
): Promise<(ServiceRow & { location_ids: string[] })[]> {
  return q.query<ServiceRow & { location_ids: string[] }>(
    `SELECT ${serviceColumns},
            coalesce(array_agg(ls.location_id) FILTER (WHERE ls.location_id IS NOT NULL), '{}') AS location_ids
       FROM services s LEFT JOIN location_services ls ON ls.service_id = s.id
      WHERE ($1::boolean OR s.active)
      GROUP BY s.id
     HAVING $2::uuid IS NULL OR $2::uuid = ANY (array_agg(ls.location_id))
      ORDER BY s.category, s.name`,
    [options.includeInactive ?? false, options.locationId ?? null],
  );
}

export interface LocationRow {
  id: string;
  name: string;
  time_zone: string;
}

export async function findLocation(q: Queryable, id: string): Promise<LocationRow | undefined> {
  const [row] = await q.query<LocationRow>('SELECT id, name, time_zone FROM locations WHERE id = $1', [id]);
  return row;
}

export interface PractitionerRow {
  id: string;
  display_name: string;
  role: 'clinician' | 'volunteer';
  discipline: string | null;
}

/** Active people who may deliver the service (by discipline, or volunteers) and work at the location. */
export async function eligiblePractitioners(
  q: Queryable,
  service: ServiceRow,
  locationId: string,
  practitionerId?: string,
): Promise<PractitionerRow[]> {
  return q.query<PractitionerRow>(
    `SELECT u.id, u.display_name, u.role, u.discipline
       FROM users u
      WHERE u.active
        AND ((u.role = 'clinician' AND u.discipline = ANY ($1::text[])) OR (u.role = 'volunteer' AND $2::boolean))
        AND EXISTS (SELECT 1 FROM working_hours w WHERE w.user_id = u.id AND w.location_id = $3)
        AND ($4::uuid IS NULL OR u.id = $4::uuid)
      ORDER BY u.display_name`,
    [service.disciplines, service.delivered_by_volunteers, locationId, practitionerId ?? null],
  );
}

/**
 * Weekly hours at a location and every busy time (appointments anywhere, time off) in [from, to).
 * Appointments last at most 8 hours (a constraint), so the ones overlapping start in [from - 8 h, to).
 */
export async function calendarsOf(
  q: Queryable,
  userIds: string[],
  locationId: string,
  from: Date,
  to: Date,
  exceptAppointmentId?: string,
): Promise<Map<string, { hours: WeeklyHours[]; busy: Interval[] }>> {
  const out = new Map(userIds.map((id) => [id, { hours: [] as WeeklyHours[], busy: [] as Interval[] }]));
  if (userIds.length === 0) return out;
  const hours = await q.query<{
    user_id: string;
    weekday: number;
    starts: string;
    ends: string;
    break_starts: string | null;
    break_ends: string | null;
  }>(
    `SELECT user_id, weekday, starts::text, ends::text, break_starts::text, break_ends::text
       FROM working_hours WHERE user_id = ANY ($1::uuid[]) AND location_id = $2`,
    [userIds, locationId],
  );
  for (const h of hours) {
    out.get(h.user_id)!.hours.push({
      weekday: h.weekday,
      starts: h.starts.slice(0, 5),
      ends: h.ends.slice(0, 5),
      breakStarts: h.break_starts?.slice(0, 5) ?? null,
      breakEnds: h.break_ends?.slice(0, 5) ?? null,
    });
  }
  // One JSON value rather than thousands of rows: a busy team's week is thousands of appointments, and
  // decoding them row by row costs several times more than the query.
  const [busy] = await q.query<{ busy: [string, number, number][] }>(
    `SELECT coalesce(json_agg(json_build_array(b.user_id, b.s, b.e)), '[]') AS busy FROM (
       SELECT practitioner_id AS user_id, extract(epoch FROM starts_at) * 1000 AS s, extract(epoch FROM ends_at) * 1000 AS e
         FROM appointments
        WHERE practitioner_id = ANY ($1::uuid[]) AND status <> 'cancelled'
          AND starts_at >= $2::timestamptz - interval '8 hours' AND starts_at < $3 AND ends_at > $2
          AND ($4::uuid IS NULL OR id <> $4::uuid)
       UNION ALL
       SELECT user_id, extract(epoch FROM starts_at) * 1000, extract(epoch FROM ends_at) * 1000 FROM time_off
        WHERE user_id = ANY ($1::uuid[]) AND starts_at < $3 AND ends_at > $2) b`,
    [userIds, from, to, exceptAppointmentId ?? null],
  );
  for (const [userId, start, end] of busy!.busy)
    out.get(userId)!.busy.push({ start: new Date(start), end: new Date(end) });
  return out;
}

export async function credentialsOf(q: Queryable, userIds: string[]): Promise<Map<string, HeldCredential[]>> {
  const out = new Map(userIds.map((id) => [id, [] as HeldCredential[]]));
  const rows = await q.query<{
    user_id: string;
    kind: string;
    issued_on: string | null;
    expires_on: string | null;
  }>('SELECT user_id, kind, issued_on, expires_on FROM credentials WHERE user_id = ANY ($1::uuid[])', [
    userIds,
  ]);
  for (const r of rows)
    out.get(r.user_id)!.push({ kind: r.kind, issuedOn: r.issued_on, expiresOn: r.expires_on });
  return out;
}

/** Active rooms at the location that suit the service, with their busy times in [from, to). */
export async function roomCalendars(
  q: Queryable,
  serviceId: string,
  locationId: string,
  from: Date,
  to: Date,
  exceptAppointmentId?: string,
): Promise<RoomCalendar[]> {
  const rooms = await q.query<{ id: string }>(
    `SELECT r.id FROM rooms r JOIN room_services rs ON rs.room_id = r.id
      WHERE r.location_id = $1 AND rs.service_id = $2 AND r.active ORDER BY r.name`,
    [locationId, serviceId],
  );
  const [busy] = await q.query<{ busy: [string, number, number][] }>(
    `SELECT coalesce(json_agg(json_build_array(room_id, extract(epoch FROM starts_at) * 1000, extract(epoch FROM ends_at) * 1000)), '[]') AS busy
       FROM appointments
      WHERE room_id = ANY ($1::uuid[]) AND room_id IS NOT NULL AND status <> 'cancelled'
        AND starts_at >= $2::timestamptz - interval '8 hours' AND starts_at < $3 AND ends_at > $2
        AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [rooms.map((r) => r.id), from, to, exceptAppointmentId ?? null],
  );
  const byRoom = new Map<string, Interval[]>(rooms.map((r) => [r.id, []]));
  for (const [roomId, start, end] of busy!.busy)
    byRoom.get(roomId)!.push({ start: new Date(start), end: new Date(end) });
  return rooms.map((r) => ({ roomId: r.id, busy: byRoom.get(r.id)! }));
}

/** The patient's booked visits overlapping [from, to). */
export async function patientBusy(
  q: Queryable,
  patientId: string,
  from: Date,
  to: Date,
  exceptAttendanceId?: string,
): Promise<Interval[]> {
  const rows = await q.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT a.starts_at, a.ends_at FROM attendances t JOIN appointments a ON a.id = t.appointment_id
      WHERE t.patient_id = $1 AND t.status IN ('booked', 'attended') AND a.starts_at < $3 AND a.ends_at > $2
        AND ($4::uuid IS NULL OR t.id <> $4::uuid)`,
    [patientId, from, to, exceptAttendanceId ?? null],
  );
  return rows.map((r) => ({ start: r.starts_at, end: r.ends_at }));
}

/** Postgres's name for the constraint a statement broke (exclusion or unique), if that is what failed. */
export function brokenConstraint(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23P01' && e?.code !== '23505') return null;
  return e.constraint ?? /constraint "([^"]+)"/.exec(e.message ?? '')?.[1] ?? 'unknown';
}

/** A service at a location, in one query: the service, the location, and whether the location offers it. */
export async function serviceAtLocation(
  q: Queryable,
  serviceId: string,
  locationId: string,
): Promise<{ service: ServiceRow | undefined; location: LocationRow | undefined; offered: boolean }> {
  const [row] = await q.query<{ service: ServiceRow | null; location: LocationRow | null; offered: boolean }>(
    `SELECT (SELECT row_to_json(x) FROM (SELECT ${serviceColumns} FROM services s WHERE s.id = $1) x) AS service,
            (SELECT row_to_json(l) FROM (SELECT id, name, time_zone FROM locations WHERE id = $2) l) AS location,
            EXISTS (SELECT 1 FROM location_services WHERE location_id = $2 AND service_id = $1) AS offered`,
    [serviceId, locationId],
  );
  return {
    service: row?.service ?? undefined,
    location: row?.location ?? undefined,
    offered: row?.offered ?? false,
  };
}

export interface SearchSetup {
  people: PractitionerRow[];
  hours: Map<string, WeeklyHours[]>;
  credentials: Map<string, HeldCredential[]>;
  /** Active rooms at the location that suit the service, by name (only when asked for). */
  roomIds: string[];
}

/**
 * What a slot search needs once, whatever the days searched, in one query: the people who may deliver
 * the service here (as eligiblePractitioners), their weekly hours at the location, their credentials,
 * and the rooms that suit the service (as roomCalendars).
 */
export async function searchSetup(
  q: Queryable,
  service: ServiceRow,
  locationId: string,
  practitionerId: string | undefined,
  withRooms: boolean,
): Promise<SearchSetup> {
  const [row] = await q.query<{
    people: PractitionerRow[];
    hours: [string, number, string, string, string | null, string | null][];
    credentials: [string, string, string | null, string | null][];
    rooms: string[];
  }>(
    `WITH people AS (
       SELECT u.id, u.display_name, u.role, u.discipline
         FROM users u
        WHERE u.active
          AND ((u.role = 'clinician' AND u.discipline = ANY ($1::text[])) OR (u.role = 'volunteer' AND $2::boolean))
          AND EXISTS (SELECT 1 FROM working_hours w WHERE w.user_id = u.id AND w.location_id = $3)
          AND ($4::uuid IS NULL OR u.id = $4::uuid))
     SELECT (SELECT coalesce(json_agg(json_build_object('id', id, 'display_name', display_name, 'role', role,
                                                        'discipline', discipline) ORDER BY display_name), '[]')
               FROM people) AS people,
            (SELECT coalesce(json_agg(json_build_array(w.user_id, w.weekday, w.starts::text, w.ends::text,
                                                       w.break_starts::text, w.break_ends::text)), '[]')
               FROM working_hours w WHERE w.user_id IN (SELECT id FROM people) AND w.location_id = $3) AS hours,
            (SELECT coalesce(json_agg(json_build_array(c.user_id, c.kind, c.issued_on, c.expires_on)), '[]')
               FROM credentials c WHERE c.user_id IN (SELECT id FROM people)) AS credentials,
            (SELECT coalesce(json_agg(r.id ORDER BY r.name), '[]') FROM rooms r JOIN room_services rs ON rs.room_id = r.id
              WHERE $5::boolean AND r.location_id = $3 AND rs.service_id = $6 AND r.active) AS rooms`,
    [
      service.disciplines,
      service.delivered_by_volunteers,
      locationId,
      practitionerId ?? null,
      withRooms,
      service.id,
    ],
  );
  const { people, hours, credentials, rooms } = row!;
  const hoursBy = new Map(people.map((p) => [p.id, [] as WeeklyHours[]]));
  for (const [userId, weekday, starts, ends, breakStarts, breakEnds] of hours)
    hoursBy.get(userId)!.push({
      weekday,
      starts: starts.slice(0, 5),
      ends: ends.slice(0, 5),
      breakStarts: breakStarts?.slice(0, 5) ?? null,
      breakEnds: breakEnds?.slice(0, 5) ?? null,
    });
  const credentialsBy = new Map(people.map((p) => [p.id, [] as HeldCredential[]]));
  for (const [userId, kind, issuedOn, expiresOn] of credentials)
    credentialsBy.get(userId)!.push({ kind, issuedOn, expiresOn });
  return { people, hours: hoursBy, credentials: credentialsBy, roomIds: rooms };
}

/**
 * Busy times in [from, to) for one window of a slot search, in one query: the practitioners' (as
 * calendarsOf), the rooms' (as roomCalendars) and the patient's (as patientBusy; none without a patient).
 */
export async function windowBusy(
  q: Queryable,
  args: {
    userIds: string[];
    roomIds: string[];
    patientId: string | null;
    from: Date;
    to: Date;
    exceptAppointmentId?: string | undefined;
    exceptAttendanceId?: string | undefined;
  },
): Promise<{ practitioners: Map<string, Interval[]>; rooms: Map<string, Interval[]>; patient: Interval[] }> {
  const [row] = await q.query<{
    practitioners: [string, number, number][];
    rooms: [string, number, number][];
    patient: [number, number][];
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_array(b.user_id, b.s, b.e)), '[]') FROM (
          SELECT practitioner_id AS user_id, extract(epoch FROM starts_at) * 1000 AS s, extract(epoch FROM ends_at) * 1000 AS e
            FROM appointments
           WHERE practitioner_id = ANY ($1::uuid[]) AND status <> 'cancelled'
             AND starts_at >= $3::timestamptz - interval '8 hours' AND starts_at < $4 AND ends_at > $3
             AND ($5::uuid IS NULL OR id <> $5::uuid)
          UNION ALL
          SELECT user_id, extract(epoch FROM starts_at) * 1000, extract(epoch FROM ends_at) * 1000 FROM time_off
           WHERE user_id = ANY ($1::uuid[]) AND starts_at < $4 AND ends_at > $3) b) AS practitioners,
       (SELECT coalesce(json_agg(json_build_array(room_id, extract(epoch FROM starts_at) * 1000,
                                                  extract(epoch FROM ends_at) * 1000)), '[]')
          FROM appointments
         WHERE room_id = ANY ($2::uuid[]) AND room_id IS NOT NULL AND status <> 'cancelled'
           AND starts_at >= $3::timestamptz - interval '8 hours' AND starts_at < $4 AND ends_at > $3
           AND ($5::uuid IS NULL OR id <> $5::uuid)) AS rooms,
       (SELECT coalesce(json_agg(json_build_array(extract(epoch FROM a.starts_at) * 1000,
                                                  extract(epoch FROM a.ends_at) * 1000)), '[]')
          FROM attendances t JOIN appointments a ON a.id = t.appointment_id
         WHERE t.patient_id = $6::uuid AND t.status IN ('booked', 'attended') AND a.starts_at < $4 AND a.ends_at > $3
           AND ($7::uuid IS NULL OR t.id <> $7::uuid)) AS patient`,
    [
      args.userIds,
      args.roomIds,
      args.from,
      args.to,
      args.exceptAppointmentId ?? null,
      args.patientId,
      args.exceptAttendanceId ?? null,
    ],
  );
  const interval = (start: number, end: number): Interval => ({ start: new Date(start), end: new Date(end) });
  const practitioners = new Map(args.userIds.map((id) => [id, [] as Interval[]]));
  for (const [userId, start, end] of row!.practitioners)
    practitioners.get(userId)!.push(interval(start, end));
  const rooms = new Map(args.roomIds.map((id) => [id, [] as Interval[]]));
  for (const [roomId, start, end] of row!.rooms) rooms.get(roomId)!.push(interval(start, end));
  return { practitioners, rooms, patient: row!.patient.map(([start, end]) => interval(start, end)) };
}
