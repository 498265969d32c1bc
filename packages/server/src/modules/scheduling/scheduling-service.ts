import {
  addDays,
  type CoverageAnswer,
  credentialProblems,
  dateInZone,
  decideCoverage,
  findSlots,
  type PractitionerCalendar,
  proposeSeries,
  type SeriesVisit,
  type Slot,
  timeInZone,
} from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import {
  brokenConstraint,
  calendarsOf,
  credentialsOf,
  eligiblePractitioners,
  type LocationRow,
  type PractitionerRow,
  patientBusy,
  roomCalendars,
  type ServiceRow,
  searchSetup,
  serviceAtLocation,
  windowBusy,
} from './scheduling-repo.ts';
import { notifyVisit } from './visit-messages.ts';
import { offerFreedSlot } from './waitlist-service.ts';

export type Setting = 'outpatient' | 'inpatient' | 'telehealth';

/** The longest date range one slot search may cover. */
export const maxSearchDays = 120;

interface Context {
  service: ServiceRow;
  location: LocationRow;
  setting: Setting;
  durationMinutes: number;
}

/** Loads and checks what a search or booking is about: an active service, offered here, in this setting. */
async function contextFor(
  q: Queryable,
  args: {
    serviceId: string;
    locationId: string;
    setting?: Setting | undefined;
    durationMinutes?: number | undefined;
  },
): Promise<Context> {
  const { service, location, offered } = await serviceAtLocation(q, args.serviceId, args.locationId);
  if (!service?.active) fail('NOT_FOUND', 'No such service in the catalog (or it is no longer offered).');
  if (!location) fail('NOT_FOUND', 'No such location.');
  if (!offered) fail('CONFLICT', `${location.name} does not offer ${service.name}.`);
  const setting = args.setting ?? service.settings.find((s) => s !== 'inpatient') ?? service.settings[0]!;
  if (!service.settings.includes(setting))
    fail(
      'VALIDATION',
      `${service.name} is not offered as ${setting}; it is ${service.settings.join(' or ')}.`,
    );
  const durationMinutes = args.durationMinutes ?? service.durations[0]!;
  if (!service.durations.includes(durationMinutes))
    fail(
      'VALIDATION',
      `${service.name} lasts ${service.durations.join(' or ')} minutes, not ${durationMinutes}.`,
    );
  return { service, location, setting, durationMinutes };
}

/** Calendars of the practitioners who may deliver the service, credentialed day by day. */
async function practitionerCalendars(
  q: Queryable,
  c: Context,
  people: PractitionerRow[],
  from: Date,
  to: Date,
  exceptAppointmentId?: string,
): Promise<PractitionerCalendar[]> {
  const ids = people.map((p) => p.id);
  const calendars = await calendarsOf(q, ids, c.location.id, from, to, exceptAppointmentId);
  const credentials = await credentialsOf(q, ids);
  return people.map((p) => ({
    practitionerId: p.id,
    hours: calendars.get(p.id)!.hours,
    busy: calendars.get(p.id)!.busy,
    credentialedOn: (date: string) =>
      credentialProblems(c.service.required_credentials, credentials.get(p.id)!, date).length === 0,
  }));
}

export interface SlotQuery {
  serviceId: string;
  locationId: string;
  practitionerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  weekdays?: number[] | undefined;
  earliest?: string | undefined;
  latest?: string | undefined;
  durationMinutes?: number | undefined;
  setting?: Setting | undefined;
  limit: number;
  /** Already checked by the access policy: their own visits are left out. */
  patientId?: string | undefined;
  /** A visit of this patient being moved: its current time does not count as busy. */
  movingAttendanceId?: string | undefined;
}

export interface SlotView {
  practitioner: { id: string; name: string };
  roomId: string | null;
  start: string;
  end: string;
  /** For a group class: the appointment to join and its free places. */
  appointmentId?: string;
  placesLeft?: number;
}

/** Free slots for a service at a location (or, for a group class, sessions with places left). */
export async function searchSlots(q: Queryable, query: SlotQuery, now: Date) {
  const c = await contextFor(q, query);
  const today = dateInZone(now, c.location.time_zone);
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, 27);
  if (to < from) fail('VALIDATION', '"to" must be on or after "from".');
  if (addDays(from, maxSearchDays) < to)
    fail('VALIDATION', `Search at most ${maxSearchDays} days at a time.`);
  const rangeStart = new Date(`${addDays(from, -1)}T00:00:00Z`);
  const rangeEnd = new Date(`${addDays(to, 2)}T00:00:00Z`);
  const group = c.service.capacity > 1;
  // Who may deliver it, their hours, credentials and the rooms: loaded once, whatever the days searched.
  const setup = await searchSetup(
    q,
    c.service,
    c.location.id,
    query.practitionerId,
    !group && c.setting === 'outpatient',
  );
  const people = setup.people;
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const base = {
    service: { id: c.service.id, name: c.service.name, capacity: c.service.capacity },
    location: { id: c.location.id, name: c.location.name, timeZone: c.location.time_zone },
    durationMinutes: c.durationMinutes,
    setting: c.setting,
  };
  if (group) {
    const sessions = await q.query<{
      id: string;
      practitioner_id: string;
      room_id: string | null;
      starts_at: Date;
      ends_at: Date;
      places_left: number;
    }>(
      `SELECT a.id, a.practitioner_id, a.room_id, a.starts_at, a.ends_at,
              a.capacity - (SELECT count(*) FROM attendances t WHERE t.appointment_id = a.id AND t.status <> 'cancelled')::int
                AS places_left
         FROM appointments a
        WHERE a.service_id = $1 AND a.location_id = $2 AND a.status = 'booked' AND a.starts_at >= $3
          AND a.starts_at < $4 AND ($5::uuid IS NULL OR a.practitioner_id = $5::uuid)
          AND NOT EXISTS (SELECT 1 FROM attendances t WHERE t.appointment_id = a.id AND t.patient_id = $7::uuid
                           AND t.status <> 'cancelled')
        ORDER BY a.starts_at LIMIT $6`,
      [
        c.service.id,
        c.location.id,
        new Date(Math.max(now.getTime(), rangeStart.getTime())),
        rangeEnd,
        query.practitionerId ?? null,
        query.limit,
        query.patientId ?? null,
      ],
    );
    const names2 = new Map(
      (
        await q.query<{ id: string; display_name: string }>(
          'SELECT id, display_name FROM users WHERE id = ANY ($1::uuid[])',
          [sessions.map((s) => s.practitioner_id)],
        )
      ).map((u) => [u.id, u.display_name]),
    );
    return {
      ...base,
      slots: sessions
        .filter((s) => s.places_left > 0)
        .map(
          (s): SlotView => ({
            practitioner: { id: s.practitioner_id, name: names2.get(s.practitioner_id) ?? '' },
            roomId: s.room_id,
            start: s.starts_at.toISOString(),
            end: s.ends_at.toISOString(),
            appointmentId: s.id,
            placesLeft: s.places_left,
          }),
        ),
    };
  }
  // The first free slots are usually near: search two days, then eight more, then 32, …, loading
  // calendars only for the window searched (a 90-day calendar of a busy team is many thousands of rows).
  const [moving] =
    query.movingAttendanceId && query.patientId
      ? await q.query<{ id: string; appointment_id: string }>(
          'SELECT id, appointment_id FROM attendances WHERE id = $1 AND patient_id = $2',
          [query.movingAttendanceId, query.patientId],
        )
      : [];
  const slots: Slot[] = [];
  const ids = people.map((p) => p.id);
  for (let windowFrom = from, size = 2; windowFrom <= to && slots.length < query.limit; size *= 4) {
    const windowTo = addDays(windowFrom, size - 1) < to ? addDays(windowFrom, size - 1) : to;
    const loadFrom = new Date(`${addDays(windowFrom, -1)}T00:00:00Z`);
    const loadTo = new Date(`${addDays(windowTo, 2)}T00:00:00Z`);
    // One query per window for every busy time: the practitioners', the rooms' and the patient's.
    const busy = await windowBusy(q, {
      userIds: ids,
      roomIds: setup.roomIds,
      patientId: query.patientId ?? null,
      from: loadFrom,
      to: loadTo,
      exceptAppointmentId: moving?.appointment_id,
      exceptAttendanceId: moving?.id,
    });
    const calendars = people.map(
      (p): PractitionerCalendar => ({
        practitionerId: p.id,
        hours: setup.hours.get(p.id)!,
        busy: busy.practitioners.get(p.id)!,
        credentialedOn: (date: string) =>
          credentialProblems(c.service.required_credentials, setup.credentials.get(p.id)!, date).length === 0,
      }),
    );
    slots.push(
      ...findSlots(calendars, {
        timeZone: c.location.time_zone,
        from: windowFrom,
        to: windowTo,
        durationMinutes: c.durationMinutes,
        notBefore: now,
        ...(query.patientId ? { patientBusy: busy.patient } : {}),
        ...(c.setting === 'outpatient'
          ? { rooms: setup.roomIds.map((roomId) => ({ roomId, busy: busy.rooms.get(roomId)! })) }
          : {}),
        preferred: {
          ...(query.weekdays ? { weekdays: query.weekdays } : {}),
          ...(query.earliest ? { earliest: query.earliest } : {}),
          ...(query.latest ? { latest: query.latest } : {}),
        },
        limit: query.limit - slots.length,
      }),
    );
    windowFrom = addDays(windowTo, 1);
  }
  return { ...base, slots: slots.map((s) => slotView(s, names)) };
}

function slotView(s: Slot, names: Map<string, string>): SlotView {
  return {
    practitioner: { id: s.practitionerId, name: names.get(s.practitionerId) ?? '' },
    roomId: s.roomId,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
  };
}

/** Coverage of one visit of a service on a date, from the patient's plan and what is on file. */
export async function coverageFor(
  q: Queryable,
  patientId: string,
  service: ServiceRow,
  onDate: string,
  timeZone: string,
): Promise<CoverageAnswer> {
  // The plan's rule, this year's visits and the referrals or authorisations on file, in one query
  // ($3 is the day as a date, $6 the same day as text, compared with days formatted in the zone).
  const [row] = await q.query<{
    plan: {
      name: string;
      covered: boolean | null;
      requires_referral: boolean | null;
      requires_prior_authorisation: boolean | null;
      visits_per_year: number | null;
      copay_cents: number | null;
    } | null;
    n: number;
    on_file: {
      kind: 'referral' | 'prior_authorisation';
      valid_from: string;
      valid_until: string;
      visits: number | null;
      used: number;
    }[];
  }>(
    `SELECT
       (SELECT row_to_json(x) FROM (
          SELECT py.name || ' ' || pl.name AS name, r.covered, r.requires_referral, r.requires_prior_authorisation,
                 r.visits_per_year, r.copay_cents
            FROM patient_coverages c JOIN plans pl ON pl.id = c.plan_id JOIN payers py ON py.id = pl.payer_id
            LEFT JOIN plan_service_rules r ON r.plan_id = pl.id AND r.service_id = $2
           WHERE c.patient_id = $1 AND c.starts_on <= $3::date AND (c.ends_on IS NULL OR c.ends_on >= $3::date)
           ORDER BY c.starts_on DESC LIMIT 1) x) AS plan,
       (SELECT count(*)::int FROM attendances t JOIN appointments a ON a.id = t.appointment_id
         WHERE t.patient_id = $1 AND a.service_id = $2 AND t.status IN ('booked', 'attended')
           AND to_char(a.starts_at AT TIME ZONE $5, 'YYYY') = $4
           AND to_char(a.starts_at AT TIME ZONE $5, 'YYYY-MM-DD') < $6) AS n,
       (SELECT coalesce(json_agg(y), '[]') FROM (
          SELECT z.kind, z.valid_from, z.valid_until, z.visits,
                 (SELECT count(*)::int FROM attendances t JOIN appointments a ON a.id = t.appointment_id
                   WHERE t.patient_id = z.patient_id AND a.service_id = z.service_id AND t.status IN ('booked', 'attended')
                     AND to_char(a.starts_at AT TIME ZONE $5, 'YYYY-MM-DD') BETWEEN z.valid_from::text AND z.valid_until::text
                     AND to_char(a.starts_at AT TIME ZONE $5, 'YYYY-MM-DD') < $6) AS used
            FROM authorisations z WHERE z.patient_id = $1 AND z.service_id = $2) y) AS on_file`,
    [patientId, service.id, onDate, onDate.slice(0, 4), timeZone, onDate],
  );
  const { plan, n, on_file: onFile } = row!;
  return decideCoverage({
    onDate,
    plan: plan
      ? {
          name: plan.name,
          rule:
            plan.covered === null
              ? null
              : {
                  covered: plan.covered,
                  requiresReferral: plan.requires_referral!,
                  requiresPriorAuthorisation: plan.requires_prior_authorisation!,
                  visitsPerYear: plan.visits_per_year,
                  copayCents: plan.copay_cents,
                },
        }
      : null,
    onFile: onFile.map((a) => ({
      kind: a.kind,
      validFrom: a.valid_from,
      validUntil: a.valid_until,
      visits: a.visits,
      used: a.used,
    })),
    visitsThisYear: n,
    selfPayCents: service.self_pay_cents,
  });
}

export interface BookingRequest {
  serviceId: string;
  locationId: string;
  practitionerId: string;
  /** ISO instant. */
  start: string;
  durationMinutes?: number | undefined;
  setting?: Setting | undefined;
  /** To join a group class instead of taking a new time. */
  appointmentId?: string | undefined;
}

/** Checks that a practitioner can take this patient at this time, and says why not in words. */
async function checkedSlot(
  q: Queryable,
  c: Context,
  patientId: string,
  practitionerId: string,
  start: Date,
  except: { appointmentId?: string; attendanceId?: string } = {},
): Promise<{ slot: Slot; practitioner: PractitionerRow }> {
  const [practitioner] = await eligiblePractitioners(q, c.service, c.location.id, practitionerId);
  if (!practitioner)
    fail('CONFLICT', `That practitioner does not deliver ${c.service.name} at ${c.location.name}.`);
  const zone = c.location.time_zone;
  const date = dateInZone(start, zone);
  const time = timeInZone(start, zone);
  const held = (await credentialsOf(q, [practitioner.id])).get(practitioner.id)!;
  const problems = credentialProblems(c.service.required_credentials, held, date);
  if (problems.length) {
    const kinds = await q.query<{ code: string; name: string }>(
      'SELECT code, name FROM credential_kinds WHERE code = ANY ($1::text[])',
      [problems.map((p) => p.kind)],
    );
    const label = (k: string) => kinds.find((x) => x.code === k)?.name ?? k;
    fail(
      'CONFLICT',
      `${practitioner.display_name} cannot deliver ${c.service.name} on ${date}: ${problems
        .map(
          (p) =>
            `${label(p.kind)} ${p.problem === 'missing' ? 'not on file' : p.problem === 'expired' ? 'expired' : 'not yet valid'}`,
        )
        .join('; ')}.`,
      { problems },
    );
  }
  const end = new Date(start.getTime() + c.durationMinutes * 60_000);
  const from = new Date(start.getTime() - 86_400_000);
  const to = new Date(end.getTime() + 86_400_000);
  const [calendar] = await practitionerCalendars(q, c, [practitioner], from, to, except.appointmentId);
  const rooms =
    c.setting === 'outpatient'
      ? await roomCalendars(q, c.service.id, c.location.id, from, to, except.appointmentId)
      : undefined;
  const search = {
    timeZone: zone,
    from: date,
    to: date,
    durationMinutes: c.durationMinutes,
    stepMinutes: 5,
    notBefore: start,
    preferred: { earliest: time, latest: time },
    limit: 1,
  };
  const free = (over: Partial<PractitionerCalendar>, extra: object) =>
    findSlots([{ ...calendar!, ...over }], { ...search, ...extra })[0];
  const busyPatient = await patientBusy(q, patientId, from, to, except.attendanceId);
  const slot = free({}, { patientBusy: busyPatient, ...(rooms ? { rooms } : {}) });
  if (slot && slot.start.getTime() === start.getTime()) return { slot, practitioner };
  const at = `${date} ${time} (${zone})`;
  if (!free({ busy: [] }, {}))
    fail('CONFLICT', `${at} is outside ${practitioner.display_name}'s working hours at ${c.location.name}.`);
  if (!free({}, {}))
    fail('CONFLICT', `${practitioner.display_name} is already booked at ${at}. Choose another time.`);
  if (!free({}, { patientBusy: busyPatient })) fail('CONFLICT', `The patient already has a visit at ${at}.`);
  fail('CONFLICT', `No room suited to ${c.service.name} is free at ${at}.`);
}

const conflictMessages: Record<string, string> = {
  appointments_no_practitioner_double_booking:
    'That practitioner was booked at this time a moment ago. Choose another time.',
  appointments_no_room_double_booking: 'The room was taken at this time a moment ago. Choose another time.',
  attendances_no_patient_double_booking: 'The patient already has a visit at this time.',
  attendances_one_place_per_patient: 'The patient already has a place in this class.',
};

/** Runs an insert or update and turns a double booking refused by the database into a 409. */
async function refusingDoubleBooking<T>(q: Queryable, fn: () => Promise<T>): Promise<T> {
  // A savepoint keeps the transaction usable, so a series can say which visit clashed.
  await q.query('SAVEPOINT booking');
  try {
    const value = await fn();
    await q.query('RELEASE SAVEPOINT booking');
    return value;
  } catch (error) {
    const constraint = brokenConstraint(error);
    if (!constraint) throw error;
    await q.query('ROLLBACK TO SAVEPOINT booking');
    fail('CONFLICT', conflictMessages[constraint] ?? 'That time was just taken. Choose another time.', {
      constraint,
    });
  }
}

/** Books one visit (or a place in a group class) for a patient. Returns the attendance id. */
export async function bookVisit(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  req: BookingRequest,
  seriesId: string | null = null,
  options: { offered?: boolean } = {},
): Promise<string> {
  const c = await contextFor(q, req);
  // A slot offered from the waitlist may be taken by the patient even where they cannot self-book.
  if (ctx.user.role === 'patient' && !c.service.self_bookable && !options.offered)
    fail(
      'FORBIDDEN',
      `${c.service.name} is booked by the care team or the front desk; please call to book it.`,
    );
  if (c.setting === 'inpatient' && ctx.user.role === 'patient')
    fail('FORBIDDEN', 'Bedside visits are ordered by the care team.');
  let start = new Date(req.start);
  if (Number.isNaN(start.getTime())) fail('VALIDATION', 'start must be an ISO date and time.');
  if (start.getTime() < ctx.now.getTime()) fail('VALIDATION', 'That time has already passed.');

  let appointmentId: string;
  let end: Date;
  if (c.service.capacity > 1) {
    if (!req.appointmentId)
      fail('VALIDATION', `${c.service.name} is a group class: give the class (appointmentId) to join.`);
    const [session] = await q.query<{
      id: string;
      starts_at: Date;
      ends_at: Date;
      capacity: number;
      taken: number;
    }>(
      `SELECT a.id, a.starts_at, a.ends_at, a.capacity,
              (SELECT count(*) FROM attendances t WHERE t.appointment_id = a.id AND t.status <> 'cancelled')::int AS taken
         FROM appointments a WHERE a.id = $1 AND a.service_id = $2 AND a.status = 'booked' FOR UPDATE`,
      [req.appointmentId, c.service.id],
    );
    if (!session) fail('NOT_FOUND', 'No such class.');
    if (session.taken >= session.capacity)
      fail('CONFLICT', 'This class is full. Choose another session or join the waitlist.');
    appointmentId = session.id;
    start = session.starts_at;
    end = session.ends_at;
  } else {
    const { slot } = await checkedSlot(q, c, patientId, req.practitionerId, start);
    end = slot.end;
    appointmentId = await refusingDoubleBooking(q, async () => {
      const [row] = await q.query<{ id: string }>(
        `INSERT INTO appointments (service_id, location_id, room_id, practitioner_id, setting, starts_at, ends_at,
                                   series_id, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          c.service.id,
          c.location.id,
          slot.roomId,
          slot.practitionerId,
          c.setting,
          slot.start,
          slot.end,
          seriesId,
          ctx.user.id,
          ctx.now,
        ],
      );
      return row!.id;
    });
  }
  const coverage = await coverageFor(
    q,
    patientId,
    c.service,
    dateInZone(start, c.location.time_zone),
    c.location.time_zone,
  );
  const attendanceId = await refusingDoubleBooking(q, async () => {
    const [row] = await q.query<{ id: string }>(
      `INSERT INTO attendances (appointment_id, patient_id, during, booked_by, booked_at, coverage)
       VALUES ($1, $2, tstzrange($3, $4, '[)'), $5, $6, $7) RETURNING id`,
      [appointmentId, patientId, start, end, ctx.user.id, ctx.now, JSON.stringify(coverage)],
    );
    return row!.id;
  });
  await notifyVisit(q, attendanceId, 'booking_confirmation', ctx.now);
  return attendanceId;
}

interface AttendanceRow {
  id: string;
  appointment_id: string;
  status: string;
  starts_at: Date;
  capacity: number;
  service_id: string;
  location_id: string;
  practitioner_id: string;
  setting: Setting;
  cancel_notice_hours: number;
  duration_minutes: number;
}

async function attendanceOf(q: Queryable, patientId: string, attendanceId: string): Promise<AttendanceRow> {
  const [row] = await q.query<AttendanceRow>(
    `SELECT t.id, t.appointment_id, t.status, a.starts_at, a.capacity, a.service_id, a.location_id, a.practitioner_id,
            a.setting, s.cancel_notice_hours,
            (extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS duration_minutes
       FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
      WHERE t.id = $1 AND t.patient_id = $2 FOR UPDATE OF t, a`,
    [attendanceId, patientId],
  );
  if (!row) fail('NOT_FOUND', 'No such appointment for this patient.');
  if (row.status !== 'booked')
    fail('CONFLICT', `This appointment is ${row.status.replace('_', ' ')}; it cannot be changed.`);
  return row;
}

/** Cancels a patient's visit with a reason; a cancellation inside the notice window is marked late. */
export async function cancelVisit(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  attendanceId: string,
  reason: string,
): Promise<{ late: boolean }> {
  const row = await attendanceOf(q, patientId, attendanceId);
  if (row.starts_at.getTime() <= ctx.now.getTime())
    fail('CONFLICT', 'This visit has already started; it cannot be cancelled now.');
  const late = row.starts_at.getTime() - ctx.now.getTime() < row.cancel_notice_hours * 3_600_000;
  await q.query(
    `UPDATE attendances SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4,
            late_cancellation = $5 WHERE id = $1`,
    [attendanceId, ctx.now, ctx.user.id, reason, late],
  );
  if (row.capacity === 1) {
    await q.query(
      `UPDATE appointments SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4, updated_at = $2
        WHERE id = $1`,
      [row.appointment_id, ctx.now, ctx.user.id, reason],
    );
  }
  await notifyVisit(q, attendanceId, 'cancellation', ctx.now);
  await offerFreedSlot(
    q,
    {
      serviceId: row.service_id,
      locationId: row.location_id,
      practitionerId: row.practitioner_id,
      start: row.starts_at,
      end: new Date(row.starts_at.getTime() + row.duration_minutes * 60_000),
      appointmentId: row.capacity > 1 ? row.appointment_id : null,
    },
    ctx.now,
  );
  return { late };
}

/** Moves an individual visit to another time (and optionally another practitioner), keeping its identity. */
export async function rescheduleVisit(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  attendanceId: string,
  to: { start: string; practitionerId?: string | undefined },
): Promise<void> {
  const row = await attendanceOf(q, patientId, attendanceId);
  if (row.capacity > 1)
    fail('CONFLICT', 'A place in a group class is moved by cancelling it and joining another session.');
  if (row.starts_at.getTime() <= ctx.now.getTime())
    fail('CONFLICT', 'This visit has already started; it cannot be moved.');
  const start = new Date(to.start);
  if (Number.isNaN(start.getTime())) fail('VALIDATION', 'start must be an ISO date and time.');
  if (start.getTime() < ctx.now.getTime()) fail('VALIDATION', 'That time has already passed.');
  const c = await contextFor(q, {
    serviceId: row.service_id,
    locationId: row.location_id,
    setting: row.setting,
    durationMinutes: row.duration_minutes,
  });
  const { slot } = await checkedSlot(q, c, patientId, to.practitionerId ?? row.practitioner_id, start, {
    appointmentId: row.appointment_id,
    attendanceId,
  });
  await refusingDoubleBooking(q, async () => {
    await q.query(
      `UPDATE appointments SET starts_at = $2, ends_at = $3, practitioner_id = $4, room_id = $5, updated_at = $6 WHERE id = $1`,
      [row.appointment_id, slot.start, slot.end, slot.practitionerId, slot.roomId, ctx.now],
    );
    await q.query(`UPDATE attendances SET during = tstzrange($2, $3, '[)') WHERE id = $1`, [
      attendanceId,
      slot.start,
      slot.end,
    ]);
  });
  const coverage = await coverageFor(
    q,
    patientId,
    c.service,
    dateInZone(slot.start, c.location.time_zone),
    c.location.time_zone,
  );
  await q.query('UPDATE attendances SET coverage = $2 WHERE id = $1', [
    attendanceId,
    JSON.stringify(coverage),
  ]);
  await notifyVisit(q, attendanceId, 'reschedule', ctx.now);
  await offerFreedSlot(
    q,
    {
      serviceId: row.service_id,
      locationId: row.location_id,
      practitionerId: row.practitioner_id,
      start: row.starts_at,
      end: new Date(row.starts_at.getTime() + row.duration_minutes * 60_000),
      appointmentId: null,
    },
    ctx.now,
  );
}

export interface SeriesRequest extends BookingRequest {
  visits: number;
  everyDays: number;
}

/** A proposed series: the same practitioner and time each week where free, alternatives where not. */
export async function proposeVisitSeries(
  q: Queryable,
  patientId: string,
  req: SeriesRequest,
  now: Date,
): Promise<SeriesVisit[]> {
  const c = await contextFor(q, req);
  if (c.service.capacity > 1)
    fail('VALIDATION', 'A series is for individual visits; join each class session instead.');
  const start = new Date(req.start);
  if (Number.isNaN(start.getTime())) fail('VALIDATION', 'start must be an ISO date and time.');
  const zone = c.location.time_zone;
  const firstDate = dateInZone(start, zone);
  const lastDate = addDays(firstDate, (req.visits - 1) * req.everyDays + 3);
  const from = new Date(`${addDays(firstDate, -1)}T00:00:00Z`);
  const to = new Date(`${addDays(lastDate, 2)}T00:00:00Z`);
  const people = await eligiblePractitioners(q, c.service, c.location.id);
  if (!people.some((p) => p.id === req.practitionerId))
    fail('CONFLICT', `That practitioner does not deliver ${c.service.name} at ${c.location.name}.`);
  const calendars = await practitionerCalendars(q, c, people, from, to);
  return proposeSeries(
    calendars,
    {
      timeZone: zone,
      durationMinutes: c.durationMinutes,
      notBefore: now,
      patientBusy: await patientBusy(q, patientId, from, to),
      ...(c.setting === 'outpatient'
        ? { rooms: await roomCalendars(q, c.service.id, c.location.id, from, to) }
        : {}),
    },
    { practitionerId: req.practitionerId, date: firstDate, time: timeInZone(start, zone) },
    req.visits,
    req.everyDays,
  );
}

/** Books a whole series in one transaction: every visit or none. `choices` replace proposed times. */
export async function bookSeries(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  req: SeriesRequest & { choices?: { visit: number; start: string; practitionerId: string }[] | undefined },
): Promise<{ seriesId: string; attendanceIds: string[] }> {
  const proposal = await proposeVisitSeries(q, patientId, req, ctx.now);
  const picks = proposal.map((v) => {
    const choice = req.choices?.find((ch) => ch.visit === v.visit);
    if (choice) return { visit: v.visit, start: choice.start, practitionerId: choice.practitionerId };
    if (!v.slot)
      fail(
        'CONFLICT',
        `Visit ${v.visit} (${v.date}) has no free time with this practitioner; choose one of the alternatives.`,
        {
          visit: v.visit,
          alternatives: v.alternatives.map((a) => ({
            start: a.start.toISOString(),
            practitionerId: a.practitionerId,
          })),
        },
      );
    return { visit: v.visit, start: v.slot.start.toISOString(), practitionerId: v.slot.practitionerId };
  });
  const [series] = await q.query<{ id: string }>(
    `INSERT INTO appointment_series (patient_id, service_id, visits, every_days, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [patientId, req.serviceId, req.visits, req.everyDays, ctx.user.id, ctx.now],
  );
  const attendanceIds: string[] = [];
  for (const pick of picks) {
    try {
      attendanceIds.push(
        await bookVisit(
          q,
          ctx,
          patientId,
          { ...req, start: pick.start, practitionerId: pick.practitionerId },
          series!.id,
        ),
      );
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'CONFLICT')
        fail('CONFLICT', `Visit ${pick.visit}: ${error.message}`, { visit: pick.visit });
      throw error;
    }
  }
  return { seriesId: series!.id, attendanceIds };
}
