-- A patient's regimen (medicines, herbs and supplements, planned therapies, conditions) and the
-- safety findings the engine raised on it, kept with the patient and acknowledged by clinicians.

CREATE TABLE regimen_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  category text NOT NULL CHECK (category IN ('medicine', 'supplement', 'therapy', 'condition')),
  -- What the person wrote, kept as typed; resolution against the knowledge base is redone on each check.
  entered_text text NOT NULL CHECK (length(btrim(entered_text)) BETWEEN 1 AND 200),
  resolved_id text,
  resolved_kind text,
  resolved_name text,
  dose text CHECK (length(dose) <= 100),
  frequency text CHECK (length(frequency) <= 100),
  started_on date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  entered_by_role text NOT NULL CHECK (entered_by_role IN ('patient', 'clinician', 'coordinator', 'import')),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL,
  stopped_at timestamptz,
  CONSTRAINT stopped_items_have_a_time CHECK ((status = 'stopped') = (stopped_at IS NOT NULL))
);
CREATE INDEX regimen_items_patient_idx ON regimen_items (patient_id, status);

CREATE TABLE safety_findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  -- The knowledge row and the items involved: the same problem found again is the same finding.
  fingerprint text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('contraindicated', 'major', 'moderate', 'minor')),
  kind text NOT NULL,
  items jsonb NOT NULL,
  item_names jsonb NOT NULL,
  summary text NOT NULL,
  mechanism text NOT NULL,
  management text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('documented', 'inferred')),
  evidence text NOT NULL,
  sources jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'resolved')),
  first_found_at timestamptz NOT NULL,
  last_found_at timestamptz NOT NULL,
  resolved_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  acknowledgement_note text CHECK (length(acknowledgement_note) <= 2000),
  UNIQUE (patient_id, fingerprint),
  CONSTRAINT acknowledgements_are_complete CHECK (
    (acknowledged_by IS NULL) = (acknowledged_at IS NULL) AND (acknowledged_at IS NULL) = (acknowledgement_note IS NULL))
);
CREATE INDEX safety_findings_patient_idx ON safety_findings (patient_id, status);
