-- Intake, consultation, the versioned well-being plan, and the visit summary sent to the primary care
-- provider (issue 5).

-- How to reach the primary care provider with the visit summary.
ALTER TABLE patients
  ADD COLUMN pcp_fax text CHECK (length(pcp_fax) <= 40),
  ADD COLUMN pcp_email text CHECK (length(pcp_email) <= 200),
  ADD COLUMN pcp_address text CHECK (length(pcp_address) <= 500);

-- Medicines and supplements the patient or an import reported stay unverified until a clinician
-- reconciles them at the consultation.
ALTER TABLE regimen_items
  ADD COLUMN verified_by uuid REFERENCES users (id),
  ADD COLUMN verified_at timestamptz,
  ADD CONSTRAINT verifications_are_complete CHECK ((verified_by IS NULL) = (verified_at IS NULL));
UPDATE regimen_items SET verified_by = added_by, verified_at = added_at
 WHERE entered_by_role IN ('clinician', 'coordinator') AND added_by IS NOT NULL;

-- The patient's pre-visit intake: answers in one document validated by the domain's intake schema.
-- At most one draft per patient; submitted intakes are kept.
CREATE TABLE intakes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  answers jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  submitted_at timestamptz,
  CONSTRAINT submitted_intakes_have_a_time CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE UNIQUE INDEX intakes_one_draft_per_patient ON intakes (patient_id) WHERE status = 'draft';
CREATE INDEX intakes_patient_idx ON intakes (patient_id, updated_at DESC);

CREATE TABLE allergies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  substance text NOT NULL CHECK (length(btrim(substance)) BETWEEN 1 AND 200),
  reaction text CHECK (length(reaction) <= 300),
  severity text CHECK (severity IN ('mild', 'moderate', 'severe')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'entered-in-error')),
  entered_by_role text NOT NULL CHECK (entered_by_role IN ('patient', 'clinician', 'coordinator', 'import')),
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  verified_by uuid REFERENCES users (id),
  verified_at timestamptz
);
CREATE INDEX allergies_patient_idx ON allergies (patient_id, status);

-- A consultation: one clinician with one patient, open until signed. The formulation holds the
-- root-cause notes by domain (biological, psychological, social, environmental, behavioural).
CREATE TABLE consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  clinician_id uuid NOT NULL REFERENCES users (id),
  appointment_id uuid REFERENCES appointments (id),
  intake_id uuid REFERENCES intakes (id),
  status text NOT NULL CHECK (status IN ('open', 'signed')),
  formulation jsonb NOT NULL DEFAULT '{}',
  -- The plan being written during the consultation; it becomes a plan version when signed.
  plan_draft jsonb NOT NULL DEFAULT '{}',
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  started_at timestamptz NOT NULL,
  signed_at timestamptz,
  CONSTRAINT signed_consultations_have_a_time CHECK ((status = 'signed') = (signed_at IS NOT NULL))
);
CREATE INDEX consultations_patient_idx ON consultations (patient_id, started_at DESC);
CREATE UNIQUE INDEX consultations_one_open_per_patient ON consultations (patient_id) WHERE status = 'open';

-- The well-being plan and its versions ("plans" are insurance plans, see 0005). A version is never changed: an adjustment adds a version with a reason.
CREATE TABLE care_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL UNIQUE REFERENCES patients (id),
  created_at timestamptz NOT NULL
);

CREATE TABLE care_plan_versions (
  plan_id uuid NOT NULL REFERENCES care_plans (id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 3 AND 2000),
  changes jsonb NOT NULL DEFAULT '[]',
  consultation_id uuid REFERENCES consultations (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, version)
);

CREATE FUNCTION care_plan_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'plan versions are never changed: % is not allowed; add a new version instead', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER care_plan_versions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON care_plan_versions
  FOR EACH ROW EXECUTE FUNCTION care_plan_versions_are_immutable();

-- The visit summary made when a consultation is signed: the letter and the FHIR document, as sent.
CREATE TABLE visit_summaries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL UNIQUE REFERENCES consultations (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  plan_id uuid NOT NULL,
  plan_version integer NOT NULL,
  -- What the summary says (domain VisitSummaryData); the PDF is made from it on request.
  data jsonb NOT NULL,
  letter_html text NOT NULL,
  patient_summary jsonb NOT NULL,
  fhir_document jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (plan_id, plan_version) REFERENCES care_plan_versions (plan_id, version)
);
CREATE INDEX visit_summaries_patient_idx ON visit_summaries (patient_id, created_at DESC);

-- Each sending of a summary: to whom, how, when, by whom.
CREATE TABLE summary_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  summary_id uuid NOT NULL REFERENCES visit_summaries (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  recipient_name text NOT NULL CHECK (length(btrim(recipient_name)) BETWEEN 1 AND 200),
  recipient_organization text CHECK (length(recipient_organization) <= 200),
  channel text NOT NULL CHECK (channel IN ('fax', 'secure-email', 'mail', 'portal', 'hand')),
  address text CHECK (length(address) <= 500),
  sent_by uuid NOT NULL REFERENCES users (id),
  sent_at timestamptz NOT NULL
);
CREATE INDEX summary_deliveries_summary_idx ON summary_deliveries (summary_id, sent_at);
