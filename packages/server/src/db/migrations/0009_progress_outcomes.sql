-- Progress and outcomes (issue 6): the pain diary, questionnaire responses, plan reviews, and a
-- researcher role that sees only de-identified program reports.

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('patient', 'clinician', 'coordinator', 'volunteer', 'admin', 'researcher'));

-- One diary entry per patient per day (the day it is about, in the patient's location's zone); a
-- second entry the same day replaces the first. Backdated entries (written on a later day) are marked.
CREATE TABLE diary_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  entry_date date NOT NULL,
  pain_now smallint CHECK (pain_now BETWEEN 0 AND 10),
  pain_average smallint CHECK (pain_average BETWEEN 0 AND 10),
  pain_worst smallint CHECK (pain_worst BETWEEN 0 AND 10),
  locations text[] NOT NULL DEFAULT '{}' CHECK (cardinality(locations) <= 20),
  triggers text[] NOT NULL DEFAULT '{}' CHECK (cardinality(triggers) <= 20),
  sleep_hours numeric(3, 1) CHECK (sleep_hours BETWEEN 0 AND 24),
  sleep_quality text CHECK (sleep_quality IN ('good', 'fair', 'poor')),
  mood smallint CHECK (mood BETWEEN 0 AND 10),
  activity smallint CHECK (activity BETWEEN 0 AND 10),
  -- Therapy ids (knowledge base) and self-care practices done that day.
  therapies text[] NOT NULL DEFAULT '{}' CHECK (cardinality(therapies) <= 20),
  self_care text[] NOT NULL DEFAULT '{}' CHECK (cardinality(self_care) <= 20),
  -- Regimen items taken that day.
  taken uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(taken) <= 100),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  backdated boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  UNIQUE (patient_id, entry_date),
  CONSTRAINT pain_order CHECK (pain_average IS NULL OR pain_worst IS NULL OR pain_average <= pain_worst)
);

-- Completed questionnaires, scored when saved (domain instruments), with the answers kept.
CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  instrument text NOT NULL CHECK (instrument IN ('phq-9', 'gad-7', 'peg', 'pain-nrs', 'phq-2', 'gad-2')),
  answers smallint[] NOT NULL,
  score numeric(4, 1) NOT NULL,
  band text,
  completed_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('portal', 'clinic', 'intake', 'fhir')),
  recorded_by uuid REFERENCES users (id)
);
CREATE INDEX questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, instrument, completed_at);

-- A review of the plan: confirmed as it is, or adjusted (then the new version's number).
CREATE TABLE plan_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  plan_id uuid NOT NULL REFERENCES care_plans (id),
  reviewed_version integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('confirmed', 'adjusted')),
  resulting_version integer,
  note text NOT NULL CHECK (length(btrim(note)) BETWEEN 3 AND 4000),
  reviewed_by uuid NOT NULL REFERENCES users (id),
  reviewed_at timestamptz NOT NULL,
  CONSTRAINT adjusted_reviews_name_their_version CHECK ((outcome = 'adjusted') = (resulting_version IS NOT NULL)),
  FOREIGN KEY (plan_id, reviewed_version) REFERENCES care_plan_versions (plan_id, version)
);
CREATE INDEX plan_reviews_patient_idx ON plan_reviews (patient_id, reviewed_at DESC);

-- Outcome reports read sessions by therapy and time, and conditions by knowledge-base id.
CREATE INDEX services_therapy_idx ON services (therapy) WHERE therapy IS NOT NULL;
CREATE INDEX regimen_items_condition_idx ON regimen_items (resolved_id, patient_id)
  WHERE category = 'condition' AND status = 'active';
