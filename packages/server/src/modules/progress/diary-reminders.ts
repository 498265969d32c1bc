import type { Database, Queryable } from '../../db/database.ts';
import { enqueue } from '../messages/outbox.ts';

export interface DiaryReminder {
  enabled: boolean;
  /** HH:MM in the patient's location's zone. */
  time: string;
}

export async function reminderOf(q: Queryable, patientId: string): Promise<DiaryReminder> {
  const [row] = await q.query<{ enabled: boolean; remind_at: string }>(
    'SELECT enabled, remind_at::text FROM diary_reminders WHERE patient_id = $1',
    [patientId],
  );
  return row ? { enabled: row.enabled, time: row.remind_at.slice(0, 5) } : { enabled: false, time: '20:00' };
}

export async function setReminder(
  q: Queryable,
  patientId: string,
  r: DiaryReminder,
  now: Date,
): Promise<DiaryReminder> {
  await q.query(
    `INSERT INTO diary_reminders (patient_id, enabled, remind_at, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (patient_id) DO UPDATE SET enabled = EXCLUDED.enabled, remind_at = EXCLUDED.remind_at,
                                            updated_at = EXCLUDED.updated_at`,
    [patientId, r.enabled, r.time, now],
  );
  return reminderOf(q, patientId);
}

/**
 * Queues today's diary reminders that are due: the patient's local time has passed their reminder time,
 * none was queued today, and today's entry is not written yet. Safe on several nodes at once (rows are
 * claimed with SKIP LOCKED). Returns how many were queued.
 */
export async function queueDiaryReminders(db: Database, now: Date): Promise<number> {
  return db.tx(async (q) => {
    const due = await q.query<{ patient_id: string; local_day: string }>(
      `SELECT r.patient_id, (($1::timestamptz) AT TIME ZONE coalesce(l.time_zone, 'UTC'))::date::text AS local_day
         FROM diary_reminders r
         JOIN patients p ON p.id = r.patient_id
         LEFT JOIN locations l ON l.id = p.home_location_id
        WHERE r.enabled
          AND (($1::timestamptz) AT TIME ZONE coalesce(l.time_zone, 'UTC'))::time >= r.remind_at
          AND (r.last_queued_on IS NULL
               OR r.last_queued_on < (($1::timestamptz) AT TIME ZONE coalesce(l.time_zone, 'UTC'))::date)
          AND NOT EXISTS (SELECT 1 FROM diary_entries d WHERE d.patient_id = r.patient_id
                           AND d.entry_date = (($1::timestamptz) AT TIME ZONE coalesce(l.time_zone, 'UTC'))::date)
        FOR UPDATE OF r SKIP LOCKED`,
      [now],
    );
    for (const r of due) {
      await enqueue(
        q,
        {
          kind: 'diary_reminder',
          patientId: r.patient_id,
          subject: 'A minute for your pain diary?',
          body: 'How was today? Your pain, sleep and what you did take a few seconds to note in Meridian, and help your care team see what works.',
          sendAfter: now,
        },
        now,
      );
      await q.query('UPDATE diary_reminders SET last_queued_on = $2 WHERE patient_id = $1', [
        r.patient_id,
        r.local_day,
      ]);
    }
    return due.length;
  });
}
