-- Scheduling: the service catalog, rooms, practitioners' credentials and hours, appointments and the
-- patients who attend them. The database itself refuses a double booking of a practitioner, a room
-- or a patient (exclusion constraints), so no interleaving of requests on any number of nodes can
-- create one.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Movement teachers join the disciplines (yoga, tai chi and qigong, mindful movement).
ALTER TABLE users DROP CONSTRAINT users_discipline_check;
ALTER TABLE users ADD CONSTRAINT users_discipline_check CHECK (discipline IN (
  'physician', 'nurse_practitioner', 'nurse', 'acupuncturist', 'massage_therapist', 'nutritionist_dietitian',
  'psychologist', 'physical_therapist', 'chiropractor', 'health_wellness_coach', 'music_therapist',
  'reiki_practitioner', 'yoga_instructor', 'movement_instructor'));

-- Licences, certifications and program trainings a service can require.
CREATE TABLE credential_kinds (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category text NOT NULL CHECK (category IN ('licence', 'certification', 'training', 'registration'))
);

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category text NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '',
  -- Allowed lengths in minutes; the first is the default.
  durations integer[] NOT NULL CHECK (cardinality(durations) >= 1 AND 5 <= ALL (durations) AND 480 >= ALL (durations)),
  -- Disciplines of the clinicians who may deliver it (empty when only volunteers deliver it).
  disciplines text[] NOT NULL DEFAULT '{}',
  delivered_by_volunteers boolean NOT NULL DEFAULT false,
  -- Every one of these credentials must be held, unexpired on the day of the visit.
  required_credentials text[] NOT NULL DEFAULT '{}',
  -- 1 for an individual service; more for a group class.
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 200),
  settings text[] NOT NULL CHECK (cardinality(settings) >= 1 AND settings <@ ARRAY['outpatient', 'inpatient', 'telehealth']),
  -- The knowledge base's therapy, for the safety check (e.g. 'acupuncture'); null for consultations.
  therapy text,
  self_pay_cents integer CHECK (self_pay_cents >= 0),
  self_bookable boolean NOT NULL DEFAULT false,
  -- How late a patient may cancel without it counting as a late cancellation.
  cancel_notice_hours integer NOT NULL DEFAULT 24 CHECK (cancel_notice_hours BETWEEN 0 AND 168),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT services_have_someone_to_deliver CHECK (cardinality(disciplines) >= 1 OR delivered_by_volunteers)
);

CREATE TABLE location_services (
  location_id uuid NOT NULL REFERENCES locations (id),
  service_id uuid NOT NULL REFERENCES services (id),
  PRIMARY KEY (location_id, service_id)
);

CREATE TABLE rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL REFERENCES locations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 200),
  active boolean NOT NULL DEFAULT true,
  UNIQUE (location_id, name)
);

-- The services a room suits (an acupuncture room, a group studio).
CREATE TABLE room_services (
  room_id uuid NOT NULL REFERENCES rooms (id),
  service_id uuid NOT NULL REFERENCES services (id),
  PRIMARY KEY (room_id, service_id)
);

CREATE TABLE credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL REFERENCES credential_kinds (code),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
  issued_on date,
  expires_on date,
  verified_at timestamptz,
  verified_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on > issued_on)
);
CREATE INDEX credentials_user_idx ON credentials (user_id, kind);
CREATE INDEX credentials_expiry_idx ON credentials (expires_on);

-- Weekly working hours of a practitioner (or volunteer) at a location, in the location's wall-clock
-- time, with an optional break. ISO weekday: 1 = Monday … 7 = Sunday.
CREATE TABLE working_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts time NOT NULL,
  ends time NOT NULL CHECK (ends > starts),
  break_starts time,
  break_ends time,
  CHECK ((break_starts IS NULL) = (break_ends IS NULL)),
  CHECK (break_starts IS NULL OR (break_starts >= starts AND break_ends > break_starts AND break_ends <= ends))
);
CREATE INDEX working_hours_user_idx ON working_hours (user_id, location_id, weekday);

CREATE TABLE time_off (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  reason text NOT NULL DEFAULT ''
);
CREATE INDEX time_off_user_idx ON time_off (user_id, starts_at);

-- A series: several visits of one service for one patient, e.g. six weekly acupuncture visits.
CREATE TABLE appointment_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  service_id uuid NOT NULL REFERENCES services (id),
  visits integer NOT NULL CHECK (visits BETWEEN 2 AND 52),
  every_days integer NOT NULL CHECK (every_days BETWEEN 1 AND 60),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);

-- The time a practitioner (and a room) is taken: an individual visit, or a group class with places.
CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  room_id uuid REFERENCES rooms (id),
  practitioner_id uuid NOT NULL REFERENCES users (id),
  setting text NOT NULL CHECK (setting IN ('outpatient', 'inpatient', 'telehealth')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 200),
  series_id uuid REFERENCES appointment_series (id),
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'completed', 'cancelled')),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES users (id),
  cancel_reason text,
  CONSTRAINT appointments_cancellation_complete CHECK (
    (status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
  CONSTRAINT appointments_no_practitioner_double_booking
    EXCLUDE USING gist (practitioner_id WITH =, during WITH &&) WHERE (status <> 'cancelled'),
  CONSTRAINT appointments_no_room_double_booking
    EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (status <> 'cancelled' AND room_id IS NOT NULL)
);
CREATE INDEX appointments_location_time_idx ON appointments (location_id, starts_at);
CREATE INDEX appointments_practitioner_time_idx ON appointments (practitioner_id, starts_at);

-- A patient's place in an appointment. `during` repeats the appointment's time so that the database
-- can refuse a patient two places at once.
CREATE TABLE attendances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  during tstzrange NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'attended', 'no_show', 'cancelled')),
  booked_by uuid NOT NULL REFERENCES users (id),
  booked_at timestamptz NOT NULL,
  -- What coverage said when it was booked: covered or self-pay, what was missing, visits counted.
  coverage jsonb NOT NULL DEFAULT '{}',
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES users (id),
  cancel_reason text,
  late_cancellation boolean NOT NULL DEFAULT false,
  CONSTRAINT attendances_cancellation_complete CHECK (
    (status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
  CONSTRAINT attendances_no_patient_double_booking
    EXCLUDE USING gist (patient_id WITH =, during WITH &&) WHERE (status IN ('booked', 'attended'))
);
CREATE UNIQUE INDEX attendances_one_place_per_patient ON attendances (appointment_id, patient_id)
  WHERE status <> 'cancelled';
CREATE INDEX attendances_patient_idx ON attendances (patient_id, during);
