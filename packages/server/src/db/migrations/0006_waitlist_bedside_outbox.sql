-- The waitlist ordered by medical need, bedside orders for hospitalised patients with their
-- before/after scores, and the outbox of messages to patients (confirmations and reminders).

CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  service_id uuid NOT NULL REFERENCES services (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  practitioner_id uuid REFERENCES users (id),
  priority text NOT NULL CHECK (priority IN ('urgent', 'soon', 'routine')),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 3 AND 1000),
  set_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX waitlist_one_entry_per_service ON waitlist_entries (patient_id, service_id, location_id)
  WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_queue_idx ON waitlist_entries (service_id, location_id, status, created_at);

-- A freed slot offered to one waiting patient until it expires.
CREATE TABLE waitlist_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES waitlist_entries (id),
  practitioner_id uuid NOT NULL REFERENCES users (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  offered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > offered_at),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
  attendance_id uuid REFERENCES attendances (id),
  closed_at timestamptz
);
CREATE UNIQUE INDEX waitlist_one_open_offer_per_entry ON waitlist_offers (entry_id) WHERE status = 'open';
CREATE INDEX waitlist_offers_open_idx ON waitlist_offers (expires_at) WHERE status = 'open';

-- An order by the care team for a bedside service (massage, acupuncture, volunteer hand massage).
CREATE TABLE bedside_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  service_id uuid NOT NULL REFERENCES services (id),
  unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 100),
  room text NOT NULL CHECK (length(btrim(room)) BETWEEN 1 AND 40),
  bed text NOT NULL DEFAULT '' CHECK (length(bed) <= 20),
  precautions text[] NOT NULL DEFAULT '{}',
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  ordered_by uuid NOT NULL REFERENCES users (id),
  ordered_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'completed', 'cancelled')),
  accepted_by uuid REFERENCES users (id),
  accepted_at timestamptz,
  closed_at timestamptz,
  cancel_reason text
);
CREATE INDEX bedside_orders_location_idx ON bedside_orders (location_id, status, ordered_at);
CREATE INDEX bedside_orders_patient_idx ON bedside_orders (patient_id, ordered_at DESC);

-- What happened at the bedside: before and after pain and anxiety (0–10), for outcome reports.
CREATE TABLE bedside_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid REFERENCES bedside_orders (id),
  assignment_id uuid REFERENCES bedside_assignments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  service_id uuid NOT NULL REFERENCES services (id),
  delivered_by uuid NOT NULL REFERENCES users (id),
  delivered_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 240),
  pain_before smallint CHECK (pain_before BETWEEN 0 AND 10),
  pain_after smallint CHECK (pain_after BETWEEN 0 AND 10),
  anxiety_before smallint CHECK (anxiety_before BETWEEN 0 AND 10),
  anxiety_after smallint CHECK (anxiety_after BETWEEN 0 AND 10),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  recorded_at timestamptz NOT NULL,
  CHECK (order_id IS NOT NULL OR assignment_id IS NOT NULL)
);
CREATE INDEX bedside_sessions_patient_idx ON bedside_sessions (patient_id, delivered_at);

-- Messages waiting to be sent (or sent) by the pluggable sender; claimed with SKIP LOCKED by any node.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('booking_confirmation', 'reminder', 'cancellation', 'reschedule', 'waitlist_offer')),
  patient_id uuid REFERENCES patients (id),
  attendance_id uuid REFERENCES attendances (id),
  channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms', 'portal')),
  recipient text,
  subject text NOT NULL,
  body text NOT NULL,
  send_after timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_due_idx ON outbox_messages (send_after) WHERE sent_at IS NULL;
CREATE INDEX outbox_attendance_idx ON outbox_messages (attendance_id);
