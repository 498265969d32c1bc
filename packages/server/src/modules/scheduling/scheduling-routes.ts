import { addDays, calendarFile, dateInZone, expiringCredentials } from '@meridian/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filterReadable } from '../../access/audited-list.ts';
import { dataRequest, readOnly, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/database.ts';
import { contextOf } from '../../http/authenticate.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import { patientNames } from '../patients/patients-repo.ts';
import { findLocation, findService, listServices } from './scheduling-repo.ts';
import {
  bookSeries,
  bookVisit,
  cancelVisit,
  coverageFor,
  proposeVisitSeries,
  rescheduleVisit,
  searchSlots,
} from './scheduling-service.ts';

const uuid = z.uuid('Give an id (a UUID).');
const date = z.iso.date('Give a date as YYYY-MM-DD.');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM (24-hour).');
const setting = z.enum(['outpatient', 'inpatient', 'telehealth']);
const patientParams = z.strictObject({ id: z.string().min(1).max(100) });
const visitParams = z.strictObject({ id: z.string().min(1).max(100), attendanceId: uuid });
const bookingBody = z.strictObject({
  serviceId: uuid,
  locationId: uuid,
  practitionerId: uuid,
  start: z.iso.datetime({
    offset: true,
    message: 'start must be an ISO date and time, e.g. 2026-12-01T17:00:00Z.',
  }),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  setting: setting.optional(),
  appointmentId: uuid.optional(),
});
const seriesBody = bookingBody.extend({
  visits: z
    .number()
    .int()
    .min(2, 'A series has at least 2 visits.')
    .max(52, 'A series has at most 52 visits.'),
  everyDays: z.number().int().min(1).max(60).default(7),
  choices: z
    .array(
      z.strictObject({
        visit: z.number().int().min(1),
        start: z.iso.datetime({ offset: true }),
        practitionerId: uuid,
      }),
    )
    .max(52)
    .optional(),
});

const scheduling = dataRequest('scheduling');

interface VisitRow {
  id: string;
  status: string;
  late_cancellation: boolean;
  cancel_reason: string | null;
  coverage: Record<string, unknown>;
  series_id: string | null;
  appointment_id: string;
  starts_at: Date;
  ends_at: Date;
  setting: string;
  capacity: number;
  service_id: string;
  service_name: string;
  therapy: string | null;
  location_id: string;
  location_name: string;
  time_zone: string;
  room_name: string | null;
  practitioner_id: string;
  practitioner_name: string;
  patient_id: string;
}

const visitColumns = `t.id, t.status, t.late_cancellation, t.cancel_reason, t.coverage, a.series_id, a.id AS appointment_id,
  a.starts_at, a.ends_at, a.setting, a.capacity, s.id AS service_id, s.name AS service_name, s.therapy,
  l.id AS location_id, l.name AS location_name, l.time_zone, r.name AS room_name,
  u.id AS practitioner_id, u.display_name AS practitioner_name, t.patient_id`;
const visitJoins = `attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
  JOIN locations l ON l.id = a.location_id JOIN users u ON u.id = a.practitioner_id LEFT JOIN rooms r ON r.id = a.room_id`;

function visitView(v: VisitRow) {
  return {
    id: v.id,
    status: v.status,
    lateCancellation: v.late_cancellation,
    cancelReason: v.cancel_reason,
    coverage: v.coverage,
    seriesId: v.series_id,
    appointmentId: v.appointment_id,
    start: v.starts_at.toISOString(),
    end: v.ends_at.toISOString(),
    setting: v.setting,
    groupClass: v.capacity > 1,
    service: { id: v.service_id, name: v.service_name, therapy: v.therapy },
    location: { id: v.location_id, name: v.location_name, timeZone: v.time_zone },
    room: v.room_name,
    practitioner: { id: v.practitioner_id, name: v.practitioner_name },
  };
}

async function visitsOf(q: Queryable, patientId: string) {
  const rows = await q.query<VisitRow>(
    `SELECT ${visitColumns} FROM ${visitJoins} WHERE t.patient_id = $1 ORDER BY a.starts_at`,
    [patientId],
  );
  return rows.map(visitView);
}

async function visitOf(q: Queryable, patientId: string, attendanceId: string) {
  const [row] = await q.query<VisitRow>(
    `SELECT ${visitColumns} FROM ${visitJoins} WHERE t.id = $1 AND t.patient_id = $2`,
    [attendanceId, patientId],
  );
  return row ? visitView(row) : undefined;
}

function requireStaff(ctx: RequestContext, roles: string[], what: string) {
  if (!roles.includes(ctx.user.role)) fail('FORBIDDEN', `Only ${what} can do this.`);
}

/** The service catalog, slot search, booking, series, cancellations, coverage and the desk calendar. */
export function schedulingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/services',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'The service catalog (optionally what one location offers)',
        querystring: z.strictObject({
          locationId: uuid.optional(),
          includeInactive: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const includeInactive = request.query.includeInactive === 'true' && ctx.user.role === 'admin';
      const rows = await listServices(deps.db, {
        ...(request.query.locationId ? { locationId: request.query.locationId } : {}),
        includeInactive,
      });
      return {
        services: rows.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          category: s.category,
          description: s.description,
          durations: s.durations,
          disciplines: s.disciplines,
          deliveredByVolunteers: s.delivered_by_volunteers,
          requiredCredentials: s.required_credentials,
          capacity: s.capacity,
          groupClass: s.capacity > 1,
          settings: s.settings,
          therapy: s.therapy,
          selfPayCents: s.self_pay_cents,
          selfBookable: s.self_bookable,
          cancelNoticeHours: s.cancel_notice_hours,
          active: s.active,
          locationIds: s.location_ids,
        })),
      };
    },
  );

  r.get(
    '/api/slots',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Free slots for a service at a location (group classes: sessions with places left)',
        querystring: z.strictObject({
          serviceId: uuid,
          locationId: uuid,
          practitionerId: uuid.optional(),
          patientId: z.string().min(1).max(100).optional(),
          from: date.optional(),
          to: date.optional(),
          weekdays: z
            .string()
            .regex(
              /^[1-7](,[1-7])*$/,
              'weekdays is a comma-separated list of ISO weekdays, 1 = Monday … 7 = Sunday.',
            )
            .optional(),
          earliest: hhmm.optional(),
          latest: hhmm.optional(),
          durationMinutes: z.coerce.number().int().min(5).max(480).optional(),
          setting: setting.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(20),
          moving: uuid.optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const qs = request.query;
      // A patient's own visits are left out of the slots; staff name the patient to get the same.
      const patientId = ctx.user.role === 'patient' ? ctx.user.patientId! : qs.patientId;
      const query = {
        serviceId: qs.serviceId,
        locationId: qs.locationId,
        practitionerId: qs.practitionerId,
        from: qs.from,
        to: qs.to,
        weekdays: qs.weekdays?.split(',').map(Number),
        earliest: qs.earliest,
        latest: qs.latest,
        durationMinutes: qs.durationMinutes,
        setting: qs.setting,
        limit: qs.limit,
        movingAttendanceId: qs.moving,
      };
      if (!patientId) return deps.db.snapshot((q) => searchSlots(q, query, ctx.now));
      return withPatientAccess(deps.db, ctx, patientId, scheduling('search', 'Slot', 'read'), (q) =>
        searchSlots(q, { ...query, patientId }, ctx.now),
      );
    },
  );

  r.get(
    '/api/patients/:id/appointments',
    {
      schema: {
        tags: ['scheduling'],
        summary: "A patient's visits, past and upcoming",
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('read', 'Appointment', 'read'),
        async (q) => ({
          appointments: await visitsOf(q, request.params.id),
        }),
      );
    },
  );

  r.post(
    '/api/patients/:id/appointments',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Book a visit or a place in a group class',
        params: patientParams,
        body: bookingBody,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const visit = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('book', 'Appointment', 'write'),
        async (q) => {
          const id = await bookVisit(q, ctx, request.params.id, request.body);
          return visitOf(q, request.params.id, id);
        },
      );
      return reply.code(201).send(visit);
    },
  );

  r.get(
    '/api/patients/:id/appointments/:attendanceId/calendar.ics',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'The visit as an iCalendar file, to add to a calendar app',
        params: visitParams,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { id, attendanceId } = request.params;
      const visit = await withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('export', 'Appointment', 'read', attendanceId),
        (q) => visitOf(q, id, attendanceId),
      );
      if (!visit) fail('NOT_FOUND', 'No such appointment for this patient.');
      const [changes] = await deps.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox_messages WHERE attendance_id = $1 AND kind = 'reschedule'",
        [attendanceId],
      );
      const ics = calendarFile({
        uid: `${visit.id}@meridian`,
        start: new Date(visit.start),
        end: new Date(visit.end),
        stamp: ctx.now,
        sequence: changes?.n ?? 0,
        cancelled: visit.status === 'cancelled',
        summary: `${visit.service.name} with ${visit.practitioner.name}`,
        location:
          visit.setting === 'telehealth'
            ? 'Video visit'
            : `${visit.location.name}${visit.room ? `, ${visit.room}` : ''}`,
        description: `Meridian integrative health. To change or cancel this visit, use the patient portal or call the clinic.`,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="meridian-visit-${dateInZone(new Date(visit.start), visit.location.timeZone)}.ics"`,
        )
        .send(ics);
    },
  );

  r.post(
    '/api/patients/:id/appointments/:attendanceId/cancel',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Cancel a visit, with a reason',
        params: visitParams,
        body: z.strictObject({
          reason: z.string().trim().min(3, 'Say why the visit is cancelled.').max(500),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { id, attendanceId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('cancel', 'Appointment', 'write', attendanceId),
        async (q) => {
          const { late } = await cancelVisit(q, ctx, id, attendanceId, request.body.reason);
          return { ...(await visitOf(q, id, attendanceId)), late };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/appointments/:attendanceId/reschedule',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Move a visit to another time (or practitioner)',
        params: visitParams,
        body: z.strictObject({ start: bookingBody.shape.start, practitionerId: uuid.optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { id, attendanceId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('reschedule', 'Appointment', 'write', attendanceId),
        async (q) => {
          await rescheduleVisit(q, ctx, id, attendanceId, request.body);
          return visitOf(q, id, attendanceId);
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/series/proposal',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Propose a series of visits (same practitioner and time where possible)',
        params: patientParams,
        body: seriesBody,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('propose', 'AppointmentSeries', 'read'),
        async (q) => {
          const visits = await proposeVisitSeries(q, request.params.id, request.body, ctx.now);
          const names = new Map(
            (
              await q.query<{ id: string; display_name: string }>(
                'SELECT id, display_name FROM users WHERE id = ANY ($1::uuid[])',
                [
                  visits.flatMap((v) =>
                    [v.slot, ...v.alternatives].filter((s) => s !== null).map((s) => s.practitionerId),
                  ),
                ],
              )
            ).map((u) => [u.id, u.display_name]),
          );
          const slot = (s: { practitionerId: string; start: Date; end: Date; roomId: string | null }) => ({
            practitioner: { id: s.practitionerId, name: names.get(s.practitionerId) ?? '' },
            roomId: s.roomId,
            start: s.start.toISOString(),
            end: s.end.toISOString(),
          });
          return {
            visits: visits.map((v) => ({
              visit: v.visit,
              date: v.date,
              slot: v.slot ? slot(v.slot) : null,
              alternatives: v.alternatives.map(slot),
            })),
          };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/series',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Book a whole series (every visit or none)',
        params: patientParams,
        body: seriesBody,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('book', 'AppointmentSeries', 'write'),
        async (q) => {
          const { seriesId, attendanceIds } = await bookSeries(q, ctx, request.params.id, request.body);
          const visits = [];
          for (const id of attendanceIds) visits.push(await visitOf(q, request.params.id, id));
          return { seriesId, appointments: visits };
        },
      );
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/api/patients/:id/coverage',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'What coverage says about one visit of a service on a date, before booking',
        params: patientParams,
        querystring: z.strictObject({ serviceId: uuid, locationId: uuid, date }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('read', 'Coverage', 'read'),
        async (q) => {
          const service = await findService(q, request.query.serviceId);
          if (!service) fail('NOT_FOUND', 'No such service.');
          const location = await findLocation(q, request.query.locationId);
          if (!location) fail('NOT_FOUND', 'No such location.');
          return coverageFor(q, request.params.id, service, request.query.date, location.time_zone);
        },
      );
    },
  );

  r.get(
    '/api/calendar',
    {
      schema: {
        tags: ['scheduling'],
        summary: "A location's appointments by day or week (front desk and clinicians)",
        querystring: z.strictObject({
          locationId: uuid,
          from: date.optional(),
          to: date.optional(),
          practitionerId: uuid.optional(),
          roomId: uuid.optional(),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireStaff(ctx, ['coordinator', 'clinician', 'admin'], 'staff');
      const qs = request.query;
      // Only reads: no transaction (see readableList), and a database that refuses writes.
      const q = readOnly(deps.db);
      const location = await findLocation(q, qs.locationId);
      if (!location) fail('NOT_FOUND', 'No such location.');
      const from = qs.from ?? dateInZone(ctx.now, location.time_zone);
      const to = qs.to ?? addDays(from, 6);
      if (to < from || addDays(from, 31) < to)
        fail('VALIDATION', 'Show at most 31 days, with "to" on or after "from".');
      const rows = await q.query<VisitRow>(
        `SELECT ${visitColumns} FROM ${visitJoins}
          WHERE a.location_id = $1 AND a.starts_at < $3 AND a.ends_at > $2 AND t.status <> 'cancelled'
            AND ($4::uuid IS NULL OR a.practitioner_id = $4::uuid) AND ($5::uuid IS NULL OR a.room_id = $5::uuid)
          ORDER BY a.starts_at, u.display_name`,
        [
          qs.locationId,
          new Date(`${addDays(from, -1)}T00:00:00Z`),
          new Date(`${addDays(to, 2)}T00:00:00Z`),
          qs.practitionerId ?? null,
          qs.roomId ?? null,
        ],
      );
      // Clinicians and the desk see the people; the policy decides row by row and audits each one shown.
      const inRange = rows.filter((v) => {
        const d = dateInZone(v.starts_at, location.time_zone);
        return d >= from && d <= to;
      });
      // The policy decides per patient, so every row of a named patient is readable.
      const readable = await filterReadable(
        deps.db,
        ctx,
        inRange,
        (v) => v.patient_id,
        'scheduling',
        'Appointment',
      );
      const patients = await patientNames(
        q,
        readable.map((v) => v.patient_id),
      );
      return {
        location: { id: location.id, name: location.name, timeZone: location.time_zone },
        from,
        to,
        appointments: inRange.map((v) => {
          return {
            ...visitView(v),
            patient: patients.get(v.patient_id) ?? { id: null, name: 'Booked (not on your list)', mrn: null },
          };
        }),
      };
    },
  );

  r.get(
    '/api/practitioners',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Practitioners at a location, with disciplines and credential status',
        querystring: z.strictObject({ locationId: uuid.optional(), serviceId: uuid.optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return deps.db.snapshot(async (q) => {
        const service = request.query.serviceId ? await findService(q, request.query.serviceId) : undefined;
        if (request.query.serviceId && !service) fail('NOT_FOUND', 'No such service.');
        const people = await q.query<{
          id: string;
          display_name: string;
          role: string;
          discipline: string | null;
          location_ids: string[];
        }>(
          `SELECT u.id, u.display_name, u.role, u.discipline, array_agg(DISTINCT w.location_id) AS location_ids
             FROM users u JOIN working_hours w ON w.user_id = u.id
            WHERE u.active AND ($1::uuid IS NULL OR w.location_id = $1::uuid)
              AND ($2::text[] IS NULL OR (u.role = 'clinician' AND u.discipline = ANY ($2::text[]))
                   OR (u.role = 'volunteer' AND $3::boolean))
            GROUP BY u.id ORDER BY u.display_name`,
          [
            request.query.locationId ?? null,
            service?.disciplines ?? null,
            service?.delivered_by_volunteers ?? false,
          ],
        );
        const staff = ctx.user.role !== 'patient';
        const credentials = staff
          ? await q.query<{
              user_id: string;
              kind: string;
              name: string;
              number: string;
              issuer: string;
              expires_on: string | null;
            }>(
              `SELECT c.user_id, c.kind, k.name, c.number, c.issuer, c.expires_on
                 FROM credentials c JOIN credential_kinds k ON k.code = c.kind WHERE c.user_id = ANY ($1::uuid[])
                ORDER BY k.name`,
              [people.map((p) => p.id)],
            )
          : [];
        return {
          practitioners: people.map((p) => ({
            id: p.id,
            name: p.display_name,
            role: p.role,
            discipline: p.discipline,
            locationIds: p.location_ids,
            ...(staff
              ? {
                  credentials: credentials
                    .filter((c) => c.user_id === p.id)
                    .map((c) => ({
                      kind: c.kind,
                      name: c.name,
                      number: c.number,
                      issuer: c.issuer,
                      expiresOn: c.expires_on,
                    })),
                }
              : {}),
          })),
        };
      });
    },
  );

  r.get(
    '/api/admin/credentials/expiring',
    {
      schema: {
        tags: ['admin'],
        summary: 'Credentials that expire within N days (default 60) or have expired',
        querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(60) }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireStaff(ctx, ['admin', 'coordinator'], 'admins and coordinators');
      const rows = await deps.db.query<{
        id: string;
        user_id: string;
        display_name: string;
        kind: string;
        name: string;
        number: string;
        issuer: string;
        expires_on: string | null;
      }>(
        `SELECT c.id, c.user_id, u.display_name, c.kind, k.name, c.number, c.issuer, c.expires_on
           FROM credentials c JOIN users u ON u.id = c.user_id JOIN credential_kinds k ON k.code = c.kind
          WHERE u.active AND c.expires_on IS NOT NULL`,
      );
      const today = ctx.now.toISOString().slice(0, 10);
      const soon = expiringCredentials(
        rows.map((r) => ({ ...r, expiresOn: r.expires_on })),
        today,
        request.query.days,
      );
      return {
        days: request.query.days,
        today,
        credentials: soon.map((c) => ({
          id: c.id,
          practitioner: { id: c.user_id, name: c.display_name },
          kind: c.kind,
          name: c.name,
          number: c.number,
          issuer: c.issuer,
          expiresOn: c.expiresOn,
          expired: c.expiresOn! < today,
        })),
      };
    },
  );
}
