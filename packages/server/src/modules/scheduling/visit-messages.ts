import type { Queryable } from '../../db/database.ts';
import { dropPendingReminders, enqueue } from '../messages/outbox.ts';
import { whenInZone } from '../messages/when.ts';

const reminderHoursBefore = 24;

/**
 * Queues the patient's message about a visit: a confirmation (with a reminder the day before), a
 * cancellation, or a change of time. Written in the same transaction as the change itself.
 */
export async function notifyVisit(
  q: Queryable,
  attendanceId: string,
  kind: 'booking_confirmation' | 'cancellation' | 'reschedule',
  now: Date,
): Promise<void> {
  const [v] = await q.query<{
    patient_id: string;
    starts_at: Date;
    service: string;
    practitioner: string;
    location: string;
    time_zone: string;
    room: string | null;
    setting: string;
  }>(
    `SELECT t.patient_id, a.starts_at, s.name AS service, u.display_name AS practitioner, l.name AS location,
            l.time_zone, r.name AS room, a.setting
       FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
       JOIN users u ON u.id = a.practitioner_id JOIN locations l ON l.id = a.location_id LEFT JOIN rooms r ON r.id = a.room_id
      WHERE t.id = $1`,
    [attendanceId],
  );
  if (!v) return;
  const at = whenInZone(v.starts_at, v.time_zone);
  const place =
    v.setting === 'telehealth'
      ? 'by video (the link comes with your reminder)'
      : `at ${v.location}${v.room ? ` (${v.room})` : ''}`;
  const what = `${v.service} with ${v.practitioner}`;
  if (kind !== 'booking_confirmation') await dropPendingReminders(q, attendanceId);
  const message = {
    booking_confirmation: {
      subject: `Booked: ${v.service} on ${at}`,
      body: `Your ${what} is booked for ${at} ${place}. To change or cancel it, use the patient portal or call the clinic.`,
    },
    reschedule: {
      subject: `Moved: ${v.service} is now on ${at}`,
      body: `Your ${what} has moved to ${at} ${place}. If the new time does not suit you, use the patient portal or call the clinic.`,
    },
    cancellation: {
      subject: `Cancelled: ${v.service} on ${at}`,
      body: `Your ${what} on ${at} is cancelled. To book another time, use the patient portal or call the clinic.`,
    },
  }[kind];
  await enqueue(q, { kind, patientId: v.patient_id, attendanceId, ...message, sendAfter: now }, now);
  const remindAt = new Date(v.starts_at.getTime() - reminderHoursBefore * 3_600_000);
  if (kind !== 'cancellation' && remindAt > now) {
    await enqueue(
      q,
      {
        kind: 'reminder',
        patientId: v.patient_id,
        attendanceId,
        subject: `Reminder: ${v.service} tomorrow, ${at}`,
        body: `A reminder of your ${what} on ${at} ${place}.`,
        sendAfter: remindAt,
      },
      now,
    );
  }
}
