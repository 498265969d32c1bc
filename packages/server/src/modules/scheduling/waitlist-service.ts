import { offerExpiry, rankWaitlist, type WaitlistPriority } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { fail } from '../../http/errors.ts';
import { enqueue } from '../messages/outbox.ts';
import { whenInZone } from '../messages/when.ts';
import { patientBusy } from './scheduling-repo.ts';
import { bookVisit } from './scheduling-service.ts';

export interface WaitlistRequest {
  serviceId: string;
  locationId: string;
  practitionerId?: string | undefined;
  priority: WaitlistPriority;
  reason: string;
}

/** Puts a patient on the waitlist. How urgent is a clinical judgement: others may only add routine. */
export async function addToWaitlist(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  req: WaitlistRequest,
): Promise<string> {
  if (req.priority !== 'routine' && ctx.user.role !== 'clinician')
    fail(
      'FORBIDDEN',
      'Only a clinician can set an urgent or soon priority; add the patient as routine and ask the care team.',
    );
  const offered = await q.query(
    'SELECT 1 FROM location_services WHERE location_id = $1 AND service_id = $2',
    [req.locationId, req.serviceId],
  );
  if (!offered.length) fail('CONFLICT', 'That location does not offer this service.');
  const existing = await q.query(
    "SELECT 1 FROM waitlist_entries WHERE patient_id = $1 AND service_id = $2 AND location_id = $3 AND status IN ('waiting', 'offered')",
    [patientId, req.serviceId, req.locationId],
  );
  if (existing.length)
    fail(
      'CONFLICT',
      'The patient is already on the waitlist for this service here; change its priority instead.',
    );
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO waitlist_entries (patient_id, service_id, location_id, practitioner_id, priority, reason, set_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [
      patientId,
      req.serviceId,
      req.locationId,
      req.practitionerId ?? null,
      req.priority,
      req.reason,
      ctx.user.id,
      ctx.now,
    ],
  );
  return row!.id;
}

export async function setWaitlistPriority(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  entryId: string,
  change: { priority: WaitlistPriority; reason: string },
): Promise<void> {
  if (ctx.user.role !== 'clinician')
    fail('FORBIDDEN', 'Only a clinician sets the priority of a waitlist entry.');
  const rows = await q.query(
    `UPDATE waitlist_entries SET priority = $3, reason = $4, set_by = $5, updated_at = $6
      WHERE id = $1 AND patient_id = $2 AND status IN ('waiting', 'offered') RETURNING id`,
    [entryId, patientId, change.priority, change.reason, ctx.user.id, ctx.now],
  );
  if (!rows.length) fail('NOT_FOUND', 'No open waitlist entry with this id for this patient.');
}

export async function withdrawFromWaitlist(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  entryId: string,
): Promise<void> {
  const rows = await q.query(
    `UPDATE waitlist_entries SET status = 'withdrawn', updated_at = $3
      WHERE id = $1 AND patient_id = $2 AND status IN ('waiting', 'offered') RETURNING id`,
    [entryId, patientId, ctx.now],
  );
  if (!rows.length) fail('NOT_FOUND', 'No open waitlist entry with this id for this patient.');
  await q.query(
    "UPDATE waitlist_offers SET status = 'withdrawn', closed_at = $2 WHERE entry_id = $1 AND status = 'open'",
    [entryId, ctx.now],
  );
}

export interface FreedSlot {
  serviceId: string;
  locationId: string;
  practitionerId: string;
  start: Date;
  end: Date;
  /** For a place in a group class. */
  appointmentId: string | null;
}

/**
 * Offers a slot that has just become free to the highest-priority, longest-waiting patient who can
 * take it (free at that time, not already offered or refused this very slot). Returns the offer id.
 */
export async function offerFreedSlot(q: Queryable, slot: FreedSlot, now: Date): Promise<string | null> {
  const expires = offerExpiry(now, slot.start);
  if (!expires) return null;
  const waiting = await q.query<{
    id: string;
    patient_id: string;
    priority: WaitlistPriority;
    created_at: Date;
  }>(
    `SELECT e.id, e.patient_id, e.priority, e.created_at FROM waitlist_entries e
      WHERE e.service_id = $1 AND e.location_id = $2 AND e.status = 'waiting'
        AND (e.practitioner_id IS NULL OR e.practitioner_id = $3)
        AND NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.entry_id = e.id AND o.starts_at = $4
                         AND o.practitioner_id = $3 AND o.status IN ('declined', 'expired'))
      FOR UPDATE OF e`,
    [slot.serviceId, slot.locationId, slot.practitionerId, slot.start],
  );
  const ranked = rankWaitlist(waiting.map((w) => ({ ...w, createdAt: w.created_at })));
  for (const entry of ranked) {
    if ((await patientBusy(q, entry.patient_id, slot.start, slot.end)).length) continue;
    const [offer] = await q.query<{ id: string }>(
      `INSERT INTO waitlist_offers (entry_id, practitioner_id, starts_at, ends_at, offered_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [entry.id, slot.practitionerId, slot.start, slot.end, now, expires],
    );
    await q.query("UPDATE waitlist_entries SET status = 'offered', updated_at = $2 WHERE id = $1", [
      entry.id,
      now,
    ]);
    const [info] = await q.query<{ service: string; location: string; time_zone: string }>(
      `SELECT s.name AS service, l.name AS location, l.time_zone FROM services s, locations l WHERE s.id = $1 AND l.id = $2`,
      [slot.serviceId, slot.locationId],
    );
    await enqueue(
      q,
      {
        kind: 'waitlist_offer',
        patientId: entry.patient_id,
        subject: `A time for ${info!.service} is free: ${whenInZone(slot.start, info!.time_zone, { year: false })}`,
        body: `A ${info!.service} visit at ${info!.location} on ${whenInZone(slot.start, info!.time_zone, { year: false })} has become free and is offered to you first. Accept it in the patient portal before ${whenInZone(expires, info!.time_zone, { year: false })}, or it will be offered to the next person.`,
        sendAfter: now,
      },
      now,
    );
    return offer!.id;
  }
  return null;
}

/** Whether the practitioner is still free for the slot (nobody booked it in the meantime). */
async function stillFree(q: Queryable, practitionerId: string, start: Date, end: Date): Promise<boolean> {
  const rows = await q.query(
    "SELECT 1 FROM appointments WHERE practitioner_id = $1 AND status <> 'cancelled' AND starts_at < $3 AND ends_at > $2",
    [practitionerId, start, end],
  );
  return rows.length === 0;
}

interface OfferRow {
  id: string;
  entry_id: string;
  status: string;
  practitioner_id: string;
  starts_at: Date;
  ends_at: Date;
  expires_at: Date;
  service_id: string;
  location_id: string;
}

/** Closes an offer and passes the slot on to the next patient, if it is still free. */
async function passOn(
  q: Queryable,
  offer: OfferRow,
  status: 'declined' | 'expired',
  now: Date,
): Promise<void> {
  await q.query('UPDATE waitlist_offers SET status = $2, closed_at = $3 WHERE id = $1', [
    offer.id,
    status,
    now,
  ]);
  await q.query(
    "UPDATE waitlist_entries SET status = 'waiting', updated_at = $2 WHERE id = $1 AND status = 'offered'",
    [offer.entry_id, now],
  );
  if (await stillFree(q, offer.practitioner_id, offer.starts_at, offer.ends_at)) {
    await offerFreedSlot(
      q,
      {
        serviceId: offer.service_id,
        locationId: offer.location_id,
        practitionerId: offer.practitioner_id,
        start: offer.starts_at,
        end: offer.ends_at,
        appointmentId: null,
      },
      now,
    );
  }
}

const offerColumns = `o.id, o.entry_id, o.status, o.practitioner_id, o.starts_at, o.ends_at, o.expires_at, e.service_id, e.location_id`;

/** Expires open offers whose time is up and offers those slots to the next patients. Safe on every node. */
export async function expireOffers(q: Queryable, now: Date): Promise<number> {
  const due = await q.query<OfferRow>(
    `SELECT ${offerColumns} FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id
      WHERE o.status = 'open' AND o.expires_at <= $1 ORDER BY o.expires_at LIMIT 100 FOR UPDATE OF o SKIP LOCKED`,
    [now],
  );
  for (const offer of due) await passOn(q, offer, 'expired', now);
  return due.length;
}

async function openOffer(q: Queryable, patientId: string, offerId: string): Promise<OfferRow> {
  const [offer] = await q.query<OfferRow>(
    `SELECT ${offerColumns} FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id
      WHERE o.id = $1 AND e.patient_id = $2 FOR UPDATE OF o, e`,
    [offerId, patientId],
  );
  if (!offer) fail('NOT_FOUND', 'No such offer for this patient.');
  if (offer.status !== 'open')
    fail('CONFLICT', `This offer is ${offer.status}; it can no longer be accepted.`);
  return offer;
}

/** Accepts an offer: books the visit and takes the patient off the waitlist. */
export async function acceptOffer(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  offerId: string,
): Promise<string> {
  const offer = await openOffer(q, patientId, offerId);
  if (offer.expires_at <= ctx.now) {
    await passOn(q, offer, 'expired', ctx.now);
    fail(
      'CONFLICT',
      'This offer has expired and went to the next person on the waitlist; you are still on the waitlist.',
    );
  }
  const [klass] = await q.query<{ id: string }>(
    `SELECT id FROM appointments WHERE service_id = $1 AND location_id = $2 AND practitioner_id = $3 AND starts_at = $4
        AND status = 'booked' AND capacity > 1`,
    [offer.service_id, offer.location_id, offer.practitioner_id, offer.starts_at],
  );
  const attendanceId = await bookVisit(
    q,
    ctx,
    patientId,
    {
      serviceId: offer.service_id,
      locationId: offer.location_id,
      practitionerId: offer.practitioner_id,
      start: offer.starts_at.toISOString(),
      durationMinutes: Math.round((offer.ends_at.getTime() - offer.starts_at.getTime()) / 60_000),
      appointmentId: klass?.id,
    },
    null,
    { offered: true },
  );
  await q.query(
    "UPDATE waitlist_offers SET status = 'accepted', closed_at = $2, attendance_id = $3 WHERE id = $1",
    [offer.id, ctx.now, attendanceId],
  );
  await q.query("UPDATE waitlist_entries SET status = 'booked', updated_at = $2 WHERE id = $1", [
    offer.entry_id,
    ctx.now,
  ]);
  return attendanceId;
}

export async function declineOffer(
  q: Queryable,
  ctx: RequestContext,
  patientId: string,
  offerId: string,
): Promise<void> {
  await passOn(q, await openOffer(q, patientId, offerId), 'declined', ctx.now);
}
