import { disciplines } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableList } from '../../access/audited-list.ts';
import { withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Queryable } from '../../db/database.ts';
import { contextOf } from '../../http/authenticate.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import { findLocation, findService } from './scheduling-repo.ts';
import { coverageFor } from './scheduling-service.ts';

const uuid = z.uuid('Give an id (a UUID).');
const date = z.iso.date('Give a date as YYYY-MM-DD.');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM (24-hour).');
const code = z.string().regex(/^[a-z0-9-]{2,60}$/, 'A code is 2–60 lowercase letters, digits and hyphens.');

const serviceFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000),
  durations: z
    .array(z.number().int().min(5).max(480))
    .min(1, 'Give at least one duration in minutes.')
    .max(6),
  disciplines: z.array(z.enum(disciplines)).max(disciplines.length),
  deliveredByVolunteers: z.boolean(),
  requiredCredentials: z.array(code).max(10),
  capacity: z.number().int().min(1).max(200),
  settings: z
    .array(z.enum(['outpatient', 'inpatient', 'telehealth']))
    .min(1)
    .max(3),
  therapy: z.string().max(60).nullable(),
  selfPayCents: z.number().int().min(0).max(10_000_000).nullable(),
  selfBookable: z.boolean(),
  cancelNoticeHours: z.number().int().min(0).max(168),
  active: z.boolean(),
});

function requireRole(ctx: RequestContext, roles: string[], who: string): void {
  if (!roles.includes(ctx.user.role)) fail('FORBIDDEN', `Only ${who} can do this.`);
}

/** Admin changes to the program's configuration are audited like access to records. */
function configAudit(
  ctx: RequestContext,
  action: string,
  resourceType: string,
  resourceId: string,
  detail: object,
) {
  return {
    at: ctx.now,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.role,
    actorEmail: ctx.user.email,
    patientId: null,
    action,
    resourceType,
    resourceId,
    outcome: 'success' as const,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    detail: { ...detail },
  };
}

async function checkServiceFields(q: Queryable, f: Partial<z.infer<typeof serviceFields>>): Promise<void> {
  if (f.therapy && !safetyIndex().therapies.has(f.therapy))
    fail(
      'VALIDATION',
      `"${f.therapy}" is not a therapy in the knowledge base; the safety check would not know it.`,
    );
  if (f.requiredCredentials?.length) {
    const known = await q.query<{ code: string }>(
      'SELECT code FROM credential_kinds WHERE code = ANY ($1::text[])',
      [f.requiredCredentials],
    );
    const missing = f.requiredCredentials.filter((c) => !known.some((k) => k.code === c));
    if (missing.length) fail('VALIDATION', `Unknown credential kinds: ${missing.join(', ')}.`);
  }
}

const columnOf: Record<keyof z.infer<typeof serviceFields>, string> = {
  name: 'name',
  category: 'category',
  description: 'description',
  durations: 'durations',
  disciplines: 'disciplines',
  deliveredByVolunteers: 'delivered_by_volunteers',
  requiredCredentials: 'required_credentials',
  capacity: 'capacity',
  settings: 'settings',
  therapy: 'therapy',
  selfPayCents: 'self_pay_cents',
  selfBookable: 'self_bookable',
  cancelNoticeHours: 'cancel_notice_hours',
  active: 'active',
};

/** The program's configuration (catalog, rooms, credentials, hours) and the coverage desk. */
export function configurationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/admin/services',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a service to the catalog',
        body: serviceFields.extend({ code }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      const b = request.body;
      const id = await deps.db.tx(async (q) => {
        await checkServiceFields(q, b);
        const exists = await q.query('SELECT 1 FROM services WHERE code = $1', [b.code]);
        if (exists.length) fail('CONFLICT', `A service with code "${b.code}" already exists.`);
        const keys = Object.keys(columnOf) as (keyof typeof columnOf)[];
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO services (code, ${keys.map((k) => columnOf[k]).join(', ')})
           VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
          [b.code, ...keys.map((k) => b[k])],
        );
        await recordAudit(q, configAudit(ctx, 'create', 'Service', row!.id, { code: b.code }));
        return row!.id;
      });
      return reply.code(201).send({ id });
    },
  );

  r.patch(
    '/api/admin/services/:serviceId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a service (durations, who delivers it, price, self-booking, active …)',
        params: z.strictObject({ serviceId: uuid }),
        body: serviceFields.partial(),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      const changes = Object.entries(request.body).filter(([, v]) => v !== undefined) as [
        keyof typeof columnOf,
        unknown,
      ][];
      if (!changes.length) fail('VALIDATION', 'Say what to change.');
      return deps.db.tx(async (q) => {
        const before = await findService(q, request.params.serviceId);
        if (!before) fail('NOT_FOUND', 'No such service.');
        await checkServiceFields(q, request.body);
        const after = { ...before, ...Object.fromEntries(changes.map(([k, v]) => [columnOf[k], v])) };
        if (after.disciplines.length === 0 && !after.delivered_by_volunteers)
          fail(
            'VALIDATION',
            'Someone must deliver the service: give at least one discipline, or volunteers.',
          );
        await q.query(
          `UPDATE services SET ${changes.map(([k], i) => `${columnOf[k]} = $${i + 2}`).join(', ')}, updated_at = now()
            WHERE id = $1`,
          [request.params.serviceId, ...changes.map(([, v]) => v)],
        );
        await recordAudit(
          q,
          configAudit(ctx, 'update', 'Service', request.params.serviceId, {
            changed: changes.map(([k]) => k),
          }),
        );
        return { id: request.params.serviceId, changed: changes.map(([k]) => k) };
      });
    },
  );

  r.put(
    '/api/admin/locations/:locationId/services',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set which services a location offers',
        params: z.strictObject({ locationId: uuid }),
        body: z.strictObject({ serviceIds: z.array(uuid).max(500) }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      return deps.db.tx(async (q) => {
        if (!(await findLocation(q, request.params.locationId))) fail('NOT_FOUND', 'No such location.');
        const ids = [...new Set(request.body.serviceIds)];
        const known = await q.query<{ id: string }>('SELECT id FROM services WHERE id = ANY ($1::uuid[])', [
          ids,
        ]);
        if (known.length !== ids.length) fail('VALIDATION', 'Some service ids are not in the catalog.');
        await q.query('DELETE FROM location_services WHERE location_id = $1', [request.params.locationId]);
        await q.query(
          'INSERT INTO location_services (location_id, service_id) SELECT $1, unnest($2::uuid[])',
          [request.params.locationId, ids],
        );
        await recordAudit(
          q,
          configAudit(ctx, 'update', 'LocationServices', request.params.locationId, { services: ids.length }),
        );
        return { locationId: request.params.locationId, serviceIds: ids };
      });
    },
  );

  r.get(
    '/api/locations/:locationId/rooms',
    {
      schema: {
        tags: ['scheduling'],
        summary: "A location's rooms and the services each suits",
        params: z.strictObject({ locationId: uuid }),
      },
    },
    async (request) => {
      contextOf(request);
      const rooms = await deps.db.query<{
        id: string;
        name: string;
        capacity: number;
        active: boolean;
        service_ids: string[];
      }>(
        `SELECT r.id, r.name, r.capacity, r.active,
                coalesce(array_agg(rs.service_id) FILTER (WHERE rs.service_id IS NOT NULL), '{}') AS service_ids
           FROM rooms r LEFT JOIN room_services rs ON rs.room_id = r.id WHERE r.location_id = $1 GROUP BY r.id ORDER BY r.name`,
        [request.params.locationId],
      );
      return {
        rooms: rooms.map((x) => ({
          id: x.id,
          name: x.name,
          capacity: x.capacity,
          active: x.active,
          serviceIds: x.service_ids,
        })),
      };
    },
  );

  r.post(
    '/api/admin/locations/:locationId/rooms',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a room and the services it suits',
        params: z.strictObject({ locationId: uuid }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          capacity: z.number().int().min(1).max(200).default(1),
          serviceIds: z.array(uuid).max(200),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      const b = request.body;
      const id = await deps.db.tx(async (q) => {
        if (!(await findLocation(q, request.params.locationId))) fail('NOT_FOUND', 'No such location.');
        const taken = await q.query('SELECT 1 FROM rooms WHERE location_id = $1 AND name = $2', [
          request.params.locationId,
          b.name,
        ]);
        if (taken.length) fail('CONFLICT', `There is already a room called "${b.name}" here.`);
        const known = await q.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1::uuid[])', [
          b.serviceIds,
        ]);
        const unknown = b.serviceIds.filter((s) => !known.some((k) => k.id === s.toLowerCase()));
        if (unknown.length) fail('VALIDATION', `No service has the id ${unknown.join(', ')}.`);
        const [row] = await q.query<{ id: string }>(
          'INSERT INTO rooms (location_id, name, capacity) VALUES ($1, $2, $3) RETURNING id',
          [request.params.locationId, b.name, b.capacity],
        );
        await q.query('INSERT INTO room_services (room_id, service_id) SELECT $1, unnest($2::uuid[])', [
          row!.id,
          b.serviceIds,
        ]);
        await recordAudit(q, configAudit(ctx, 'create', 'Room', row!.id, { name: b.name }));
        return row!.id;
      });
      return reply.code(201).send({ id });
    },
  );

  r.get(
    '/api/admin/credential-kinds',
    { schema: { tags: ['admin'], summary: 'Licences, certifications and trainings a service can require' } },
    async (request) => {
      contextOf(request);
      return {
        kinds: await deps.db.query('SELECT code, name, category FROM credential_kinds ORDER BY name'),
      };
    },
  );

  r.post(
    '/api/admin/users/:userId/credentials',
    {
      schema: {
        tags: ['admin'],
        summary: "Record a practitioner's licence, certification or training (checked by the admin)",
        params: z.strictObject({ userId: uuid }),
        body: z.strictObject({
          kind: code,
          number: z.string().trim().min(1).max(100),
          issuer: z.string().trim().min(1).max(200),
          issuedOn: date.optional(),
          expiresOn: date.optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      const b = request.body;
      if (b.issuedOn && b.expiresOn && b.expiresOn <= b.issuedOn)
        fail('VALIDATION', 'expiresOn must be after issuedOn.');
      const id = await deps.db.tx(async (q) => {
        const kind = await q.query('SELECT 1 FROM credential_kinds WHERE code = $1', [b.kind]);
        if (!kind.length) fail('VALIDATION', `Unknown credential kind "${b.kind}".`);
        const user = await q.query(
          "SELECT 1 FROM users WHERE id = $1 AND role IN ('clinician', 'volunteer')",
          [request.params.userId],
        );
        if (!user.length) fail('NOT_FOUND', 'No practitioner or volunteer with this id.');
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO credentials (user_id, kind, number, issuer, issued_on, expires_on, verified_at, verified_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            request.params.userId,
            b.kind,
            b.number,
            b.issuer,
            b.issuedOn ?? null,
            b.expiresOn ?? null,
            ctx.now,
            ctx.user.id,
          ],
        );
        await recordAudit(
          q,
          configAudit(ctx, 'create', 'Credential', row!.id, { user: request.params.userId, kind: b.kind }),
        );
        return row!.id;
      });
      return reply.code(201).send({ id });
    },
  );

  r.put(
    '/api/admin/users/:userId/working-hours',
    {
      schema: {
        tags: ['admin'],
        summary: "Replace a practitioner's weekly hours at one location (wall-clock times of that location)",
        params: z.strictObject({ userId: uuid }),
        body: z.strictObject({
          locationId: uuid,
          hours: z
            .array(
              z.strictObject({
                weekday: z.number().int().min(1).max(7),
                starts: hhmm,
                ends: hhmm,
                breakStarts: hhmm.optional(),
                breakEnds: hhmm.optional(),
              }),
            )
            .max(21),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin'], 'admins');
      const { locationId, hours } = request.body;
      for (const h of hours) {
        if (h.ends <= h.starts)
          fail('VALIDATION', `On weekday ${h.weekday} the hours end before they start.`);
        if ((h.breakStarts === undefined) !== (h.breakEnds === undefined))
          fail('VALIDATION', 'Give both the start and the end of a break.');
        if (
          h.breakStarts &&
          h.breakEnds &&
          !(h.starts <= h.breakStarts && h.breakStarts < h.breakEnds && h.breakEnds <= h.ends)
        )
          fail('VALIDATION', `On weekday ${h.weekday} the break must fall within the working hours.`);
      }
      return deps.db.tx(async (q) => {
        if (!(await findLocation(q, locationId))) fail('NOT_FOUND', 'No such location.');
        await q.query('DELETE FROM working_hours WHERE user_id = $1 AND location_id = $2', [
          request.params.userId,
          locationId,
        ]);
        for (const h of hours) {
          await q.query(
            `INSERT INTO working_hours (user_id, location_id, weekday, starts, ends, break_starts, break_ends)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              request.params.userId,
              locationId,
              h.weekday,
              h.starts,
              h.ends,
              h.breakStarts ?? null,
              h.breakEnds ?? null,
            ],
          );
        }
        await recordAudit(
          q,
          configAudit(ctx, 'update', 'WorkingHours', request.params.userId, {
            locationId,
            rows: hours.length,
          }),
        );
        return { userId: request.params.userId, locationId, hours };
      });
    },
  );

  r.get(
    '/api/admin/users/:userId/working-hours',
    {
      schema: {
        tags: ['admin'],
        summary: "A practitioner's weekly hours at every location, and time off to come",
        params: z.strictObject({ userId: uuid }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['admin', 'coordinator'], 'admins and coordinators');
      const hours = await deps.db.query<{
        location_id: string;
        weekday: number;
        starts: string;
        ends: string;
        break_starts: string | null;
        break_ends: string | null;
      }>(
        `SELECT location_id, weekday, starts::text, ends::text, break_starts::text, break_ends::text
           FROM working_hours WHERE user_id = $1 ORDER BY location_id, weekday, starts`,
        [request.params.userId],
      );
      const off = await deps.db.query<{ id: string; starts_at: Date; ends_at: Date; reason: string }>(
        'SELECT id, starts_at, ends_at, reason FROM time_off WHERE user_id = $1 AND ends_at > $2 ORDER BY starts_at',
        [request.params.userId, ctx.now],
      );
      return {
        hours: hours.map((h) => ({
          locationId: h.location_id,
          weekday: h.weekday,
          starts: h.starts.slice(0, 5),
          ends: h.ends.slice(0, 5),
          breakStarts: h.break_starts?.slice(0, 5) ?? null,
          breakEnds: h.break_ends?.slice(0, 5) ?? null,
        })),
        timeOff: off.map((o) => ({
          id: o.id,
          startsAt: o.starts_at.toISOString(),
          endsAt: o.ends_at.toISOString(),
          reason: o.reason,
        })),
      };
    },
  );

  r.post(
    '/api/patients/:id/volunteer-visits',
    {
      schema: {
        tags: ['volunteer'],
        summary: "Put a bedside visit on a volunteer's rounds (hand massage, therapy animal)",
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: z.strictObject({
          volunteerUserId: uuid,
          locationId: uuid,
          serviceId: uuid,
          unit: z.string().trim().min(1).max(100),
          room: z.string().trim().min(1).max(40),
          startsAt: z.iso.datetime({ offset: true }),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['coordinator', 'clinician'], 'the volunteer coordinator or the care team');
      const b = request.body;
      const result = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        { category: 'scheduling', mode: 'write', action: 'assign', resourceType: 'BedsideVisit' },
        async (q) => {
          const service = await findService(q, b.serviceId);
          if (!service?.delivered_by_volunteers || !service.settings.includes('inpatient'))
            fail('VALIDATION', 'Only bedside services that volunteers give go on their rounds.');
          const location = await findLocation(q, b.locationId);
          if (!location) fail('NOT_FOUND', 'No such location.');
          const [volunteer] = await q.query<{ display_name: string }>(
            "SELECT display_name FROM users WHERE id = $1 AND role = 'volunteer' AND active",
            [b.volunteerUserId],
          );
          if (!volunteer) fail('NOT_FOUND', 'No active volunteer with this id.');
          const start = new Date(b.startsAt);
          const end = new Date(start.getTime() + service.durations[0]! * 60_000);
          const day = new Intl.DateTimeFormat('en-CA', { timeZone: location.time_zone }).format(start);
          const held = await q.query<{ kind: string; issued_on: string | null; expires_on: string | null }>(
            'SELECT kind, issued_on, expires_on FROM credentials WHERE user_id = $1',
            [b.volunteerUserId],
          );
          const missing = service.required_credentials.filter(
            (k) =>
              !held.some(
                (c) =>
                  c.kind === k &&
                  (!c.issued_on || c.issued_on <= day) &&
                  (!c.expires_on || c.expires_on >= day),
              ),
          );
          if (missing.length)
            fail(
              'CONFLICT',
              `${volunteer.display_name} has not completed the training this visit needs (${missing.join(', ')}).`,
            );
          const clash = await q.query(
            `SELECT 1 FROM bedside_assignments WHERE volunteer_user_id = $1 AND status = 'scheduled' AND starts_at < $3 AND ends_at > $2`,
            [b.volunteerUserId, start, end],
          );
          if (clash.length)
            fail('CONFLICT', `${volunteer.display_name} already has a bedside visit at that time.`);
          const [row] = await q.query<{ id: string }>(
            `INSERT INTO bedside_assignments (volunteer_user_id, patient_id, location_id, service, unit, room, starts_at, ends_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [b.volunteerUserId, request.params.id, b.locationId, service.name, b.unit, b.room, start, end],
          );
          return { id: row!.id, startsAt: start.toISOString(), endsAt: end.toISOString() };
        },
      );
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/api/users/:userId/time-off',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Time off for a practitioner (themselves, or by an admin or coordinator)',
        params: z.strictObject({ userId: uuid }),
        body: z.strictObject({
          startsAt: z.iso.datetime({ offset: true }),
          endsAt: z.iso.datetime({ offset: true }),
          reason: z.string().trim().max(200).default(''),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.id !== request.params.userId)
        requireRole(ctx, ['admin', 'coordinator'], 'the practitioner, admins and coordinators');
      const b = request.body;
      if (new Date(b.endsAt) <= new Date(b.startsAt))
        fail('VALIDATION', 'Time off must end after it starts.');
      const result = await deps.db.tx(async (q) => {
        const clashes = await q.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM appointments
            WHERE practitioner_id = $1 AND status = 'booked' AND starts_at < $3 AND ends_at > $2`,
          [request.params.userId, b.startsAt, b.endsAt],
        );
        const [row] = await q.query<{ id: string }>(
          'INSERT INTO time_off (user_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4) RETURNING id',
          [request.params.userId, b.startsAt, b.endsAt, b.reason],
        );
        await recordAudit(q, configAudit(ctx, 'create', 'TimeOff', row!.id, { user: request.params.userId }));
        return { id: row!.id, bookedVisitsToMove: clashes[0]!.n };
      });
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/api/plans',
    { schema: { tags: ['scheduling'], summary: 'Insurance plans and their rules per service' } },
    async (request) => {
      contextOf(request);
      const plans = await deps.db.query<{ id: string; payer: string; name: string }>(
        'SELECT pl.id, py.name AS payer, pl.name FROM plans pl JOIN payers py ON py.id = pl.payer_id ORDER BY py.name, pl.name',
      );
      const rules = await deps.db.query<{
        plan_id: string;
        service_id: string;
        covered: boolean;
        requires_referral: boolean;
        requires_prior_authorisation: boolean;
        visits_per_year: number | null;
        copay_cents: number | null;
      }>('SELECT * FROM plan_service_rules');
      return {
        plans: plans.map((p) => ({
          ...p,
          rules: rules
            .filter((x) => x.plan_id === p.id)
            .map((x) => ({
              serviceId: x.service_id,
              covered: x.covered,
              requiresReferral: x.requires_referral,
              requiresPriorAuthorisation: x.requires_prior_authorisation,
              visitsPerYear: x.visits_per_year,
              copayCents: x.copay_cents,
            })),
        })),
      };
    },
  );

  r.post(
    '/api/patients/:id/authorisations',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Record a referral or prior authorisation; bookings waiting on it are checked again',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: z.strictObject({
          serviceId: uuid,
          kind: z.enum(['referral', 'prior_authorisation']),
          reference: z.string().trim().max(100).default(''),
          issuedBy: z.string().trim().min(1, 'Who issued it (the referring provider or the payer)?').max(200),
          validFrom: date,
          validUntil: date,
          visits: z.number().int().min(1).max(366).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!['coordinator', 'clinician'].includes(ctx.user.role))
        fail('FORBIDDEN', 'The front desk or the care team records referrals.');
      const b = request.body;
      if (b.validUntil < b.validFrom) fail('VALIDATION', 'validUntil must be on or after validFrom.');
      const result = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        { category: 'scheduling', mode: 'write', action: 'create', resourceType: 'Authorisation' },
        async (q) => {
          const service = await findService(q, b.serviceId);
          if (!service) fail('NOT_FOUND', 'No such service.');
          await q.query(
            `INSERT INTO authorisations (patient_id, service_id, kind, reference, issued_by, valid_from, valid_until, visits,
                                         recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              request.params.id,
              b.serviceId,
              b.kind,
              b.reference,
              b.issuedBy,
              b.validFrom,
              b.validUntil,
              b.visits ?? null,
              ctx.user.id,
              ctx.now,
            ],
          );
          // Bookings of this service that were waiting: what does coverage say now?
          const waiting = await q.query<{ id: string; starts_at: Date; time_zone: string }>(
            `SELECT t.id, a.starts_at, l.time_zone FROM attendances t JOIN appointments a ON a.id = t.appointment_id
               JOIN locations l ON l.id = a.location_id
              WHERE t.patient_id = $1 AND a.service_id = $2 AND t.status = 'booked' AND t.coverage ->> 'status' = 'waiting'
              ORDER BY a.starts_at`,
            [request.params.id, b.serviceId],
          );
          let confirmed = 0;
          for (const w of waiting) {
            const day = new Intl.DateTimeFormat('en-CA', { timeZone: w.time_zone }).format(w.starts_at);
            const answer = await coverageFor(q, request.params.id, service, day, w.time_zone);
            await q.query('UPDATE attendances SET coverage = $2 WHERE id = $1', [
              w.id,
              JSON.stringify(answer),
            ]);
            if (answer.status !== 'waiting') confirmed++;
          }
          return { rechecked: waiting.length, noLongerWaiting: confirmed };
        },
      );
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/api/coverage/queue',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Bookings waiting on a referral or prior authorisation (front desk)',
        querystring: z.strictObject({ locationId: uuid.optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireRole(ctx, ['coordinator'], 'the front desk');
      const readable = await readableList(
        deps.db,
        ctx,
        (q) =>
          q.query<{
            id: string;
            patient_id: string;
            given_name: string;
            family_name: string;
            mrn: string;
            service: string;
            service_id: string;
            starts_at: Date;
            location: string;
            time_zone: string;
            coverage: { missing: string[]; explanation: string[] };
          }>(
            `SELECT t.id, t.patient_id, p.given_name, p.family_name, p.mrn, s.name AS service, s.id AS service_id, a.starts_at,
                  l.name AS location, l.time_zone, t.coverage
             FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
             JOIN locations l ON l.id = a.location_id JOIN patients p ON p.id = t.patient_id
            WHERE t.status = 'booked' AND t.coverage ->> 'status' = 'waiting' AND a.starts_at > $1
              AND ($2::uuid IS NULL OR a.location_id = $2::uuid)
            ORDER BY a.starts_at LIMIT 500`,
            [ctx.now, request.query.locationId ?? null],
          ),
        (x) => x.patient_id,
        'scheduling',
        'Appointment',
      );
      return {
        bookings: readable.map((x) => ({
          id: x.id,
          patient: { id: x.patient_id, name: `${x.given_name} ${x.family_name}`, mrn: x.mrn },
          service: x.service,
          serviceId: x.service_id,
          start: x.starts_at.toISOString(),
          location: { name: x.location, timeZone: x.time_zone },
          missing: x.coverage.missing,
          explanation: x.coverage.explanation,
        })),
      };
    },
  );
}
