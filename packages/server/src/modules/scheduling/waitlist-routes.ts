import { waitlistPriorities } from '@meridian/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keepReadable } from '../../access/audited-list.ts';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/database.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import {
  acceptOffer,
  addToWaitlist,
  declineOffer,
  expireOffers,
  setWaitlistPriority,
  withdrawFromWaitlist,
} from './waitlist-service.ts';

const uuid = z.uuid('Give an id (a UUID).');
const patientParams = z.strictObject({ id: z.string().min(1).max(100) });
const entryParams = z.strictObject({ id: z.string().min(1).max(100), entryId: uuid });
const offerParams = z.strictObject({ id: z.string().min(1).max(100), offerId: uuid });
const priority = z.enum(waitlistPriorities, { message: 'priority is urgent, soon or routine.' });
const reason = z.string().trim().min(3, 'Give the clinical reason for the priority.').max(1000);

const scheduling = dataRequest('scheduling');

interface EntryRow {
  id: string;
  patient_id: string;
  priority: (typeof waitlistPriorities)[number];
  reason: string;
  status: string;
  created_at: Date;
  service_id: string;
  service_name: string;
  location_id: string;
  location_name: string;
  time_zone: string;
  practitioner_name: string | null;
  set_by_name: string;
  offer_id: string | null;
  offer_start: Date | null;
  offer_end: Date | null;
  offer_expires: Date | null;
  offer_practitioner: string | null;
}

const entrySelect = `SELECT e.id, e.patient_id, e.priority, e.reason, e.status, e.created_at, s.id AS service_id, s.name AS service_name,
       l.id AS location_id, l.name AS location_name, l.time_zone, pu.display_name AS practitioner_name, su.display_name AS set_by_name,
       o.id AS offer_id, o.starts_at AS offer_start, o.ends_at AS offer_end, o.expires_at AS offer_expires,
       ou.display_name AS offer_practitioner
  FROM waitlist_entries e JOIN services s ON s.id = e.service_id JOIN locations l ON l.id = e.location_id
  LEFT JOIN users pu ON pu.id = e.practitioner_id JOIN users su ON su.id = e.set_by
  LEFT JOIN waitlist_offers o ON o.entry_id = e.id AND o.status = 'open' LEFT JOIN users ou ON ou.id = o.practitioner_id`;

const rank = { urgent: 0, soon: 1, routine: 2 } as const;

function entryView(e: EntryRow) {
  return {
    id: e.id,
    priority: e.priority,
    reason: e.reason,
    status: e.status,
    waitingSince: e.created_at.toISOString(),
    service: { id: e.service_id, name: e.service_name },
    location: { id: e.location_id, name: e.location_name, timeZone: e.time_zone },
    practitioner: e.practitioner_name,
    setBy: e.set_by_name,
    offer: e.offer_id
      ? {
          id: e.offer_id,
          start: e.offer_start!.toISOString(),
          end: e.offer_end!.toISOString(),
          expiresAt: e.offer_expires!.toISOString(),
          practitioner: e.offer_practitioner,
        }
      : null,
  };
}

async function entriesOf(q: Queryable, patientId: string) {
  const rows = await q.query<EntryRow>(
    `${entrySelect} WHERE e.patient_id = $1 AND e.status IN ('waiting', 'offered') ORDER BY e.created_at`,
    [patientId],
  );
  return rows.map(entryView);
}

/** The waitlist ordered by medical need: entries, priorities, offers of freed slots. */
export function waitlistRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/waitlist',
    {
      schema: {
        tags: ['waitlist'],
        summary: 'The waitlist in the order slots are offered (urgent, soon, routine; then longest wait)',
        querystring: z.strictObject({ locationId: uuid.optional(), serviceId: uuid.optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!['coordinator', 'clinician'].includes(ctx.user.role))
        fail('FORBIDDEN', 'Only the front desk and clinicians see the waitlist.');
      return deps.db.tx(async (q) => {
        await expireOffers(q, ctx.now);
        const rows = await q.query<EntryRow & { given_name: string; family_name: string; mrn: string }>(
          `SELECT x.*, p.given_name, p.family_name, p.mrn FROM (${entrySelect}
             WHERE e.status IN ('waiting', 'offered') AND ($1::uuid IS NULL OR e.location_id = $1::uuid)
               AND ($2::uuid IS NULL OR e.service_id = $2::uuid)) x JOIN patients p ON p.id = x.patient_id`,
          [request.query.locationId ?? null, request.query.serviceId ?? null],
        );
        rows.sort(
          (a, b) => rank[a.priority] - rank[b.priority] || a.created_at.getTime() - b.created_at.getTime(),
        );
        const readable = await keepReadable(q, ctx, rows, (e) => e.patient_id, 'scheduling', 'WaitlistEntry');
        return {
          entries: readable.map((e) => ({
            ...entryView(e),
            patient: { id: e.patient_id, name: `${e.given_name} ${e.family_name}`, mrn: e.mrn },
          })),
        };
      });
    },
  );

  r.get(
    '/api/patients/:id/waitlist',
    {
      schema: {
        tags: ['waitlist'],
        summary: "A patient's waitlist entries and open offers",
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('read', 'WaitlistEntry', 'read'),
        async (q) => {
          // Offers past their time pass on first (a write of its own, as the scheduler's is), so the
          // entries read show what is open now.
          await deps.db.tx((w) => expireOffers(w, ctx.now));
          return { entries: await entriesOf(q, request.params.id) };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/waitlist',
    {
      schema: {
        tags: ['waitlist'],
        summary: 'Put a patient on the waitlist for a service (clinicians set the priority)',
        params: patientParams,
        body: z.strictObject({
          serviceId: uuid,
          locationId: uuid,
          practitionerId: uuid.optional(),
          priority,
          reason,
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const entries = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        scheduling('add', 'WaitlistEntry', 'write'),
        async (q) => {
          await addToWaitlist(q, ctx, request.params.id, request.body);
          return entriesOf(q, request.params.id);
        },
      );
      return reply.code(201).send({ entries });
    },
  );

  r.post(
    '/api/patients/:id/waitlist/:entryId/priority',
    {
      schema: {
        tags: ['waitlist'],
        summary: 'Change the priority of a waitlist entry, with the reason',
        params: entryParams,
        body: z.strictObject({ priority, reason }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { id, entryId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('prioritise', 'WaitlistEntry', 'write', entryId),
        async (q) => {
          await setWaitlistPriority(q, ctx, id, entryId, request.body);
          return { entries: await entriesOf(q, id) };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/waitlist/:entryId/withdraw',
    { schema: { tags: ['waitlist'], summary: 'Take a patient off the waitlist', params: entryParams } },
    async (request) => {
      const ctx = contextOf(request);
      const { id, entryId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('withdraw', 'WaitlistEntry', 'write', entryId),
        async (q) => {
          await withdrawFromWaitlist(q, ctx, id, entryId);
          return { entries: await entriesOf(q, id) };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/waitlist/offers/:offerId/accept',
    { schema: { tags: ['waitlist'], summary: 'Accept an offered slot (books it)', params: offerParams } },
    async (request) => {
      const ctx = contextOf(request);
      const { id, offerId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('accept', 'WaitlistOffer', 'write', offerId),
        async (q) => {
          const attendanceId = await acceptOffer(q, ctx, id, offerId);
          return { attendanceId, entries: await entriesOf(q, id) };
        },
      );
    },
  );

  r.post(
    '/api/patients/:id/waitlist/offers/:offerId/decline',
    {
      schema: {
        tags: ['waitlist'],
        summary: 'Decline an offered slot (it goes to the next patient)',
        params: offerParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { id, offerId } = request.params;
      return withPatientAccess(
        deps.db,
        ctx,
        id,
        scheduling('decline', 'WaitlistOffer', 'write', offerId),
        async (q) => {
          await declineOffer(q, ctx, id, offerId);
          return { entries: await entriesOf(q, id) };
        },
      );
    },
  );
}
