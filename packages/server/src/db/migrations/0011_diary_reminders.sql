-- An optional daily reminder to fill in the pain diary, at a time of the patient's choosing (in their
-- location's zone), sent through the outbox only on days without an entry yet.
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
  CHECK (kind IN ('booking_confirmation', 'reminder', 'cancellation', 'reschedule', 'waitlist_offer', 'diary_reminder'));

CREATE TABLE diary_reminders (
  patient_id uuid PRIMARY KEY REFERENCES patients (id),
  enabled boolean NOT NULL,
  remind_at time NOT NULL,
  -- The patient's local day of the last reminder queued: at most one a day.
  last_queued_on date,
  updated_at timestamptz NOT NULL
);
