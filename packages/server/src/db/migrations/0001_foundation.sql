-- Foundation: locations, patients, users and sessions, sign-in throttling, care teams,
-- break-the-glass grants, bedside visit assignments for volunteers, and the append-only audit trail.

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  city text NOT NULL,
  state text NOT NULL,
  time_zone text NOT NULL CHECK (time_zone ~ '^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mrn text NOT NULL UNIQUE CHECK (length(mrn) BETWEEN 1 AND 40),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
  birth_date date NOT NULL,
  -- FHIR administrative gender
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone text,
  email text,
  address_line text,
  address_city text,
  address_state text,
  address_postal_code text,
  home_location_id uuid REFERENCES locations (id),
  pcp_name text,
  pcp_organization text,
  pcp_phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_family_name_idx ON patients (lower(family_name), lower(given_name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('patient', 'clinician', 'coordinator', 'volunteer', 'admin')),
  discipline text CHECK (discipline IN (
    'physician', 'nurse_practitioner', 'nurse', 'acupuncturist', 'massage_therapist', 'nutritionist_dietitian',
    'psychologist', 'physical_therapist', 'chiropractor', 'health_wellness_coach', 'music_therapist',
    'reiki_practitioner')),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  patient_id uuid UNIQUE REFERENCES patients (id),
  location_id uuid REFERENCES locations (id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT clinicians_have_a_discipline CHECK ((role = 'clinician') = (discipline IS NOT NULL)),
  CONSTRAINT patients_have_a_record CHECK ((role = 'patient') = (patient_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A session is stored by the SHA-256 of its token: a leaked table does not leak live tokens.
CREATE TABLE sessions (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  ip text,
  user_agent text,
  CONSTRAINT cookie_sessions_have_csrf CHECK ((kind = 'cookie') = (csrf_token IS NOT NULL))
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins per account ('account:<email>') and per address ('address:<ip>'), shared by every node.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  window_started_at timestamptz NOT NULL,
  last_failure_at timestamptz,
  locked_until timestamptz
);

CREATE TABLE care_team_members (
  patient_id uuid NOT NULL REFERENCES patients (id),
  user_id uuid NOT NULL REFERENCES users (id),
  team_role text NOT NULL CHECK (length(team_role) BETWEEN 1 AND 100),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (patient_id, user_id)
);
CREATE INDEX care_team_members_user_idx ON care_team_members (user_id);

CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 1000),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > granted_at)
);
CREATE INDEX break_glass_grants_lookup_idx ON break_glass_grants (user_id, patient_id, expires_at DESC);

-- Bedside visits a volunteer is assigned to (e.g. a 15-minute hand massage). Scheduling will feed it.
CREATE TABLE bedside_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volunteer_user_id uuid NOT NULL REFERENCES users (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  service text NOT NULL,
  unit text NOT NULL,
  room text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'cancelled'))
);
CREATE INDEX bedside_assignments_volunteer_idx ON bedside_assignments (volunteer_user_id, starts_at);

-- The audit trail. No foreign keys: an attempt on an id that does not exist is recorded too.
CREATE TABLE audit_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role text,
  actor_email text,
  patient_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  break_glass boolean NOT NULL DEFAULT false,
  reason text,
  ip text,
  user_agent text,
  request_id text,
  detail jsonb
);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, at DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC);

CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
