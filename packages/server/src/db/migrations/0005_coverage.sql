-- Insurance: payers, their plans and each plan's rule per service; a patient's coverage, and the
-- referrals and prior authorisations on file. A booking records what coverage said (attendances.coverage).

CREATE TABLE payers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200)
);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payer_id uuid NOT NULL REFERENCES payers (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  UNIQUE (payer_id, name)
);

CREATE TABLE plan_service_rules (
  plan_id uuid NOT NULL REFERENCES plans (id),
  service_id uuid NOT NULL REFERENCES services (id),
  covered boolean NOT NULL,
  requires_referral boolean NOT NULL DEFAULT false,
  requires_prior_authorisation boolean NOT NULL DEFAULT false,
  visits_per_year integer CHECK (visits_per_year BETWEEN 1 AND 366),
  copay_cents integer CHECK (copay_cents >= 0),
  PRIMARY KEY (plan_id, service_id)
);

CREATE TABLE patient_coverages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  plan_id uuid NOT NULL REFERENCES plans (id),
  member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 60),
  starts_on date NOT NULL,
  ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX patient_coverages_patient_idx ON patient_coverages (patient_id, starts_on);

-- A referral (from the primary care provider) or a prior authorisation (from the payer) for a service.
CREATE TABLE authorisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  service_id uuid NOT NULL REFERENCES services (id),
  kind text NOT NULL CHECK (kind IN ('referral', 'prior_authorisation')),
  reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 100),
  issued_by text NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 200),
  valid_from date NOT NULL,
  valid_until date NOT NULL CHECK (valid_until >= valid_from),
  visits integer CHECK (visits BETWEEN 1 AND 366),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX authorisations_patient_idx ON authorisations (patient_id, service_id);

-- Bookings waiting on a referral or an authorisation, for the coordinators' queue.
CREATE INDEX attendances_waiting_idx ON attendances ((coverage ->> 'status')) WHERE status = 'booked';
