import type { Database, Queryable } from '../../db/database.ts';

export type MessageKind =
  | 'booking_confirmation'
  | 'reminder'
  | 'cancellation'
  | 'reschedule'
  | 'waitlist_offer'
  | 'diary_reminder';

export interface OutboxMessage {
  kind: MessageKind;
  patientId: string;
  attendanceId?: string | null;
  subject: string;
  body: string;
  sendAfter: Date;
}

/** A message as the sender gets it. */
export interface Delivery {
  id: string;
  kind: MessageKind;
  channel: 'email' | 'sms' | 'portal';
  recipient: string | null;
  subject: string;
  body: string;
}

/** Delivers messages: e-mail, SMS or anything else plugs in here. */
export interface MessageSender {
  send(message: Delivery): Promise<void>;
}

/** The default sender: writes each message to the log instead of sending it. */
export function logSender(write: (line: string) => void): MessageSender {
  return {
    async send(m) {
      write(`[outbox] ${m.kind} to ${m.recipient ?? '(no address on file)'} via ${m.channel}: ${m.subject}`);
    },
  };
}

/** Queues a message in the same transaction as the change it tells about (sent only if that commits). */
export async function enqueue(q: Queryable, message: OutboxMessage, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO outbox_messages (kind, patient_id, attendance_id, channel, recipient, subject, body, send_after, created_at)
     SELECT $1, p.id, $3, CASE WHEN p.email IS NOT NULL THEN 'email' WHEN p.phone IS NOT NULL THEN 'sms' ELSE 'portal' END,
            coalesce(p.email, p.phone), $4, $5, $6, $7
       FROM patients p WHERE p.id = $2`,
    [
      message.kind,
      message.patientId,
      message.attendanceId ?? null,
      message.subject,
      message.body,
      message.sendAfter,
      now,
    ],
  );
}

/** Drops queued reminders of a visit that was cancelled or moved (a new one is queued for a new time). */
export async function dropPendingReminders(q: Queryable, attendanceId: string): Promise<void> {
  await q.query(
    "DELETE FROM outbox_messages WHERE attendance_id = $1 AND kind = 'reminder' AND sent_at IS NULL",
    [attendanceId],
  );
}

const maxAttempts = 5;

/**
 * Sends messages that are due, a batch at a time. Rows are claimed with SKIP LOCKED, so several
 * Meridian nodes can run this together without sending a message twice.
 */
export async function deliverDue(
  db: Database,
  sender: MessageSender,
  now: Date,
  batch = 50,
): Promise<number> {
  return db.tx(async (q) => {
    const due = await q.query<Delivery>(
      `SELECT id, kind, channel, recipient, subject, body FROM outbox_messages
        WHERE sent_at IS NULL AND send_after <= $1 AND attempts < $2
        ORDER BY send_after LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [now, maxAttempts, batch],
    );
    for (const m of due) {
      try {
        await sender.send(m);
        await q.query('UPDATE outbox_messages SET sent_at = $2, attempts = attempts + 1 WHERE id = $1', [
          m.id,
          now,
        ]);
      } catch (error) {
        await q.query('UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
          m.id,
          error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
        ]);
      }
    }
    return due.length;
  });
}
