import {
  bedsidePrecautions,
  credentialProblems,
  dateInZone,
  type Finding,
  isBedsidePrecaution,
  precautionConditions,
  safetyCheck,
} from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filterReadable } from '../../access/audited-list.ts';
import { readOnly, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/database.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import { patientNames } from '../patients/patients-repo.ts';

const uuid = z.uuid('Give an id (a UUID).');
const score = z.number().int().min(0, 'Scores run from 0 to 10.').max(10, 'Scores run from 0 to 10.');
const precautionCodes = Object.keys(bedsidePrecautions) as [string, ...string[]];

const orderBody = z.strictObject({
  serviceId: uuid,
  locationId: uuid,
  unit: z.string().trim().min(1, 'Give the unit, e.g. "Cardiac surgery, 4 West".').max(100),
  room: z.string().trim().min(1, 'Give the room.').max(40),
  bed: z.string().trim().max(20).default(''),
  precautions: z
    .array(z.enum(precautionCodes, { message: `Precautions are: ${precautionCodes.join(', ')}.` }))
    .max(20)
    .default([]),
  notes: z.string().trim().max(2000).default(''),
});
const sessionBody = z.strictObject({
  painBefore: score.nullable(),
  painAfter: score.nullable(),
  anxietyBefore: score.nullable(),
  anxietyAfter: score.nullable(),
  minutes: z.number().int().min(1).max(240),
  notes: z.string().trim().max(2000).default(''),
  /** Whether this visit completes the order (default), or more visits are to follow. */
  complete: z.boolean().default(true),
});

interface OrderRow {
  id: string;
  patient_id: string;
  location_id: string;
  location_name: string;
  time_zone: string;
  service_id: string;
  service_name: string;
  therapy: string | null;
  unit: string;
  room: string;
  bed: string;
  precautions: string[];
  notes: string;
  ordered_by_name: string;
  ordered_at: Date;
  status: string;
  accepted_by: string | null;
  accepted_by_name: string | null;
}

const orderSelect = `SELECT o.id, o.patient_id, o.location_id, l.name AS location_name, l.time_zone, o.service_id, s.name AS service_name,
       s.therapy, o.unit, o.room, o.bed, o.precautions, o.notes, ob.display_name AS ordered_by_name, o.ordered_at, o.status,
       o.accepted_by, ab.display_name AS accepted_by_name
  FROM bedside_orders o JOIN locations l ON l.id = o.location_id JOIN services s ON s.id = o.service_id
  JOIN users ob ON ob.id = o.ordered_by LEFT JOIN users ab ON ab.id = o.accepted_by`;

/** Safety findings about this therapy for this patient: the order's precautions and the active regimen. */
async function therapyFindings(q: Queryable, order: OrderRow): Promise<Finding[]> {
  if (!order.therapy) return [];
  const regimen = await q.query<{ category: string; entered_text: string }>(
    "SELECT category, entered_text FROM regimen_items WHERE patient_id = $1 AND status = 'active'",
    [order.patient_id],
  );
  const conditions = precautionConditions(order.precautions.filter(isBedsidePrecaution));
  const items = [
    `therapy:${order.therapy}`,
    ...conditions.map((c) => `condition:${c}`),
    ...regimen.map((r) => (r.category === 'condition' ? `condition:${r.entered_text}` : r.entered_text)),
  ];
  const therapyId = order.therapy;
  return safetyCheck(safetyIndex(), items).findings.filter((f) => f.items.includes(therapyId));
}

function orderView(o: OrderRow, findings: Finding[] | null) {
  return {
    id: o.id,
    status: o.status,
    service: { id: o.service_id, name: o.service_name },
    location: { id: o.location_id, name: o.location_name, timeZone: o.time_zone },
    unit: o.unit,
    room: o.room,
    bed: o.bed,
    precautions: o.precautions.map((code) => ({
      code,
      label: isBedsidePrecaution(code) ? bedsidePrecautions[code].label : code,
    })),
    notes: o.notes,
    orderedBy: o.ordered_by_name,
    orderedAt: o.ordered_at.toISOString(),
    acceptedBy: o.accepted_by_name,
    findings,
  };
}

async function orderById(q: Queryable, orderId: string): Promise<OrderRow> {
  const [order] = await q.query<OrderRow>(`${orderSelect} WHERE o.id = $1`, [orderId]);
  if (!order) fail('NOT_FOUND', 'No such bedside order.');
  return order;
}

/** Bedside orders for hospitalised patients, the therapists' worklist, and before/after scores. */
export function bedsideRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/bedside/precautions',
    { schema: { tags: ['bedside'], summary: 'What a bedside order can flag (IV line, chest drain, …)' } },
    async () => ({
      precautions: Object.entries(bedsidePrecautions).map(([code, p]) => ({
        code,
        label: p.label,
        condition: p.condition,
      })),
    }),
  );

  r.post(
    '/api/patients/:id/bedside-orders',
    {
      schema: {
        tags: ['bedside'],
        summary: 'Order a bedside service for a hospitalised patient (care team)',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: orderBody,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician')
        fail('FORBIDDEN', 'Bedside services are ordered by a clinician of the care team.');
      const b = request.body;
      const view = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        { category: 'clinical', mode: 'write', action: 'order', resourceType: 'BedsideOrder' },
        async (q) => {
          const [service] = await q.query<{ settings: string[]; name: string; disciplines: string[] }>(
            `SELECT s.settings, s.name, s.disciplines FROM services s JOIN location_services ls ON ls.service_id = s.id
              WHERE s.id = $1 AND ls.location_id = $2 AND s.active`,
            [b.serviceId, b.locationId],
          );
          if (!service) fail('CONFLICT', 'That location does not offer this service.');
          if (!service.settings.includes('inpatient'))
            fail('VALIDATION', `${service.name} is not a bedside service.`);
          if (service.disciplines.length === 0)
            fail(
              'VALIDATION',
              `${service.name} is given by volunteers on their rounds, which the volunteer coordinator arranges; it is not ordered here.`,
            );
          const [row] = await q.query<{ id: string }>(
            `INSERT INTO bedside_orders (patient_id, location_id, service_id, unit, room, bed, precautions, notes, ordered_by, ordered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              request.params.id,
              b.locationId,
              b.serviceId,
              b.unit,
              b.room,
              b.bed,
              b.precautions,
              b.notes,
              ctx.user.id,
              ctx.now,
            ],
          );
          const order = await orderById(q, row!.id);
          return orderView(order, await therapyFindings(q, order));
        },
      );
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/patients/:id/bedside-orders',
    {
      schema: {
        tags: ['bedside'],
        summary: "A patient's bedside orders and the sessions given",
        params: z.strictObject({ id: z.string().min(1).max(100) }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        { category: 'clinical', mode: 'read', action: 'read', resourceType: 'BedsideOrder' },
        async (q) => {
          const orders = await q.query<OrderRow>(
            `${orderSelect} WHERE o.patient_id = $1 ORDER BY o.ordered_at DESC`,
            [request.params.id],
          );
          const sessions = await q.query<{
            id: string;
            order_id: string | null;
            service_name: string;
            delivered_by_name: string;
            delivered_at: Date;
            minutes: number;
            pain_before: number | null;
            pain_after: number | null;
            anxiety_before: number | null;
            anxiety_after: number | null;
            notes: string;
          }>(
            `SELECT b.id, b.order_id, s.name AS service_name, u.display_name AS delivered_by_name, b.delivered_at, b.minutes,
                    b.pain_before, b.pain_after, b.anxiety_before, b.anxiety_after, b.notes
               FROM bedside_sessions b JOIN services s ON s.id = b.service_id JOIN users u ON u.id = b.delivered_by
              WHERE b.patient_id = $1 ORDER BY b.delivered_at DESC`,
            [request.params.id],
          );
          const views = [];
          for (const o of orders) {
            const open = o.status === 'open' || o.status === 'accepted';
            views.push(orderView(o, open ? await therapyFindings(q, o) : null));
          }
          return {
            orders: views,
            sessions: sessions.map((s) => ({
              id: s.id,
              orderId: s.order_id,
              service: s.service_name,
              deliveredBy: s.delivered_by_name,
              deliveredAt: s.delivered_at.toISOString(),
              minutes: s.minutes,
              painBefore: s.pain_before,
              painAfter: s.pain_after,
              anxietyBefore: s.anxiety_before,
              anxietyAfter: s.anxiety_after,
              notes: s.notes,
            })),
          };
        },
      );
    },
  );

  r.get(
    '/api/bedside/worklist',
    {
      schema: {
        tags: ['bedside'],
        summary: 'Open bedside orders this practitioner can take, with precautions',
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician')
        fail('FORBIDDEN', 'The bedside worklist is for clinicians; volunteers see their rounds.');
      // Only reads: no transaction (see readableList), and a database that refuses writes.
      const q = readOnly(deps.db);
      const credentials = await q.query<{
        kind: string;
        issued_on: string | null;
        expires_on: string | null;
      }>('SELECT kind, issued_on, expires_on FROM credentials WHERE user_id = $1', [ctx.user.id]);
      const candidates = await q.query<OrderRow & { required_credentials: string[] }>(
        `SELECT x.*, s.required_credentials FROM (${orderSelect}
           WHERE o.status IN ('open', 'accepted') AND (o.accepted_by IS NULL OR o.accepted_by = $1)
             AND o.location_id IN (SELECT location_id FROM working_hours WHERE user_id = $1)) x
           JOIN services s ON s.id = x.service_id
          WHERE $2 = ANY (s.disciplines) ORDER BY x.ordered_at`,
        [ctx.user.id, ctx.user.discipline],
      );
      const mine = candidates.filter(
        (o) =>
          credentialProblems(
            o.required_credentials,
            credentials.map((c) => ({ kind: c.kind, issuedOn: c.issued_on, expiresOn: c.expires_on })),
            dateInZone(ctx.now, o.time_zone),
          ).length === 0,
      );
      // Patients whose care team this practitioner is on are shown by name; others by room until accepted.
      // The policy decides per patient, so every row of a named patient is readable.
      const readable = await filterReadable(
        deps.db,
        ctx,
        mine,
        (o) => o.patient_id,
        'clinical',
        'BedsideOrder',
      );
      const names = await patientNames(
        q,
        readable.map((o) => o.patient_id),
      );
      const orders = [];
      for (const o of mine) {
        const p = names.get(o.patient_id);
        orders.push({ ...orderView(o, p ? await therapyFindings(q, o) : null), patient: p ?? null });
      }
      return { orders };
    },
  );

  r.post(
    '/api/bedside-orders/:orderId/accept',
    {
      schema: {
        tags: ['bedside'],
        summary: 'Take a bedside order (joins the care team for this patient)',
        params: z.strictObject({ orderId: uuid }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Only clinicians take bedside orders.');
      return deps.db.tx(async (q) => {
        const [order] = await q.query<{
          id: string;
          patient_id: string;
          status: string;
          disciplines: string[];
          service: string;
        }>(
          `SELECT o.id, o.patient_id, o.status, s.disciplines, s.name AS service FROM bedside_orders o
             JOIN services s ON s.id = o.service_id WHERE o.id = $1 FOR UPDATE OF o`,
          [request.params.orderId],
        );
        if (!order) fail('NOT_FOUND', 'No such bedside order.');
        if (order.status !== 'open')
          fail('CONFLICT', `This order is ${order.status}; someone has already taken it.`);
        if (!ctx.user.discipline || !order.disciplines.includes(ctx.user.discipline))
          fail('FORBIDDEN', `${order.service} is delivered by another discipline.`);
        await q.query(
          "UPDATE bedside_orders SET status = 'accepted', accepted_by = $2, accepted_at = $3 WHERE id = $1",
          [order.id, ctx.user.id, ctx.now],
        );
        await q.query(
          `INSERT INTO care_team_members (patient_id, user_id, team_role, added_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (patient_id, user_id) DO NOTHING`,
          [order.patient_id, ctx.user.id, `${order.service} (bedside)`, ctx.now],
        );
        return orderView(await orderById(q, order.id), null);
      });
    },
  );

  r.post(
    '/api/bedside-orders/:orderId/sessions',
    {
      schema: {
        tags: ['bedside'],
        summary: 'Record a bedside visit with pain and anxiety before and after (0–10)',
        params: z.strictObject({ orderId: uuid }),
        body: sessionBody,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const [head] = await deps.db.query<{ patient_id: string }>(
        'SELECT patient_id FROM bedside_orders WHERE id = $1',
        [request.params.orderId],
      );
      if (!head) fail('NOT_FOUND', 'No such bedside order.');
      const b = request.body;
      const result = await withPatientAccess(
        deps.db,
        ctx,
        head.patient_id,
        {
          category: 'clinical',
          mode: 'write',
          action: 'record',
          resourceType: 'BedsideSession',
          resourceId: request.params.orderId,
        },
        async (q) => {
          const order = await orderById(q, request.params.orderId);
          if (order.status === 'completed' || order.status === 'cancelled')
            fail('CONFLICT', `This order is ${order.status}; record the visit on a new order.`);
          const [row] = await q.query<{ id: string }>(
            `INSERT INTO bedside_sessions (order_id, patient_id, service_id, delivered_by, delivered_at, minutes, pain_before,
                                           pain_after, anxiety_before, anxiety_after, notes, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $5) RETURNING id`,
            [
              order.id,
              order.patient_id,
              order.service_id,
              ctx.user.id,
              ctx.now,
              b.minutes,
              b.painBefore,
              b.painAfter,
              b.anxietyBefore,
              b.anxietyAfter,
              b.notes,
            ],
          );
          await q.query(
            `UPDATE bedside_orders SET status = CASE WHEN $2 THEN 'completed' ELSE 'accepted' END,
                    accepted_by = coalesce(accepted_by, $3), accepted_at = coalesce(accepted_at, $4),
                    closed_at = CASE WHEN $2 THEN $4 ELSE NULL END WHERE id = $1`,
            [order.id, b.complete, ctx.user.id, ctx.now],
          );
          return { id: row!.id, orderId: order.id, status: b.complete ? 'completed' : 'accepted' };
        },
      );
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/api/volunteer/visits/:assignmentId/session',
    {
      schema: {
        tags: ['volunteer'],
        summary: 'Record a volunteer hand massage with comfort scores before and after (0–10)',
        params: z.strictObject({ assignmentId: uuid }),
        body: sessionBody.omit({ complete: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'volunteer') fail('FORBIDDEN', 'Only volunteers record their rounds here.');
      const [a] = await deps.db.query<{ patient_id: string; location_id: string }>(
        "SELECT patient_id, location_id FROM bedside_assignments WHERE id = $1 AND volunteer_user_id = $2 AND status = 'scheduled'",
        [request.params.assignmentId, ctx.user.id],
      );
      if (!a) fail('NOT_FOUND', 'No such visit on your rounds.');
      const b = request.body;
      const result = await withPatientAccess(
        deps.db,
        ctx,
        a.patient_id,
        {
          category: 'scheduling',
          mode: 'write',
          action: 'record',
          resourceType: 'BedsideSession',
          resourceId: request.params.assignmentId,
        },
        async (q) => {
          const [service] = await q.query<{ id: string }>(
            "SELECT id FROM services WHERE code = 'volunteer-hand-massage'",
          );
          const [row] = await q.query<{ id: string }>(
            `INSERT INTO bedside_sessions (assignment_id, patient_id, service_id, delivered_by, delivered_at, minutes, pain_before,
                                           pain_after, anxiety_before, anxiety_after, notes, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $5) RETURNING id`,
            [
              request.params.assignmentId,
              a.patient_id,
              service!.id,
              ctx.user.id,
              ctx.now,
              b.minutes,
              b.painBefore,
              b.painAfter,
              b.anxietyBefore,
              b.anxietyAfter,
              b.notes,
            ],
          );
          await q.query("UPDATE bedside_assignments SET status = 'completed' WHERE id = $1", [
            request.params.assignmentId,
          ]);
          return { id: row!.id };
        },
      );
      return reply.code(201).send(result);
    },
  );
}
