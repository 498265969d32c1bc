import type { Queryable } from '../../db/database.ts';

export interface AllergyRow {
  id: string;
  patient_id: string;
  substance: string;
  reaction: string | null;
  severity: 'mild' | 'moderate' | 'severe' | null;
  status: 'active' | 'inactive' | 'entered-in-error';
  entered_by_role: string;
  recorded_at: Date;
  verified_at: Date | null;
}

/** The patient's allergies, active first. */
export function allergiesOf(q: Queryable, patientId: string, includeInactive = false): Promise<AllergyRow[]> {
  return q.query<AllergyRow>(
    `SELECT id, patient_id, substance, reaction, severity, status, entered_by_role, recorded_at, verified_at
       FROM allergies WHERE patient_id = $1 ${includeInactive ? '' : "AND status = 'active'"}
      ORDER BY status, recorded_at, substance`,
    [patientId],
  );
}

/** Records an allergy unless the same substance is already active (then its details are updated). */
export async function recordAllergy(
  q: Queryable,
  patientId: string,
  a: { substance: string; reaction?: string | undefined; severity?: AllergyRow['severity'] | undefined },
  by: { userId: string; role: string },
  now: Date,
): Promise<string> {
  const verified = by.role === 'clinician';
  const [existing] = await q.query<{ id: string }>(
    `UPDATE allergies SET reaction = COALESCE($3, reaction), severity = COALESCE($4, severity)
      WHERE patient_id = $1 AND status = 'active' AND lower(substance) = lower($2) RETURNING id`,
    [patientId, a.substance.trim(), a.reaction ?? null, a.severity ?? null],
  );
  if (existing) return existing.id;
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO allergies (patient_id, substance, reaction, severity, entered_by_role, recorded_by, recorded_at,
                            verified_by, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      patientId,
      a.substance.trim(),
      a.reaction ?? null,
      a.severity ?? null,
      by.role,
      by.userId,
      now,
      verified ? by.userId : null,
      verified ? now : null,
    ],
  );
  return row!.id;
}

/** A clinician confirms a reported allergy at reconciliation; false when the patient has no such active allergy. */
export async function verifyAllergy(
  q: Queryable,
  patientId: string,
  allergyId: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE allergies SET verified_by = $3, verified_at = $4
      WHERE id = $1 AND patient_id = $2 AND status = 'active' RETURNING id`,
    [allergyId, patientId, by, now],
  );
  return rows.length === 1;
}
