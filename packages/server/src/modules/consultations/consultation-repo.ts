import type { PlanContent } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

export type Formulation = Partial<
  Record<'biological' | 'psychological' | 'social' | 'environmental' | 'behavioural', string>
>;

export interface ConsultationRow {
  id: string;
  patient_id: string;
  clinician_id: string;
  clinician_name: string;
  appointment_id: string | null;
  intake_id: string | null;
  status: 'open' | 'signed';
  formulation: Formulation;
  plan_draft: Partial<PlanContent>;
  notes: string;
  started_at: Date;
  signed_at: Date | null;
  summary_id: string | null;
}

const select = `SELECT c.id, c.patient_id, c.clinician_id, u.display_name AS clinician_name, c.appointment_id, c.intake_id,
       c.status, c.formulation, c.plan_draft, c.notes, c.started_at, c.signed_at, s.id AS summary_id
  FROM consultations c JOIN users u ON u.id = c.clinician_id
  LEFT JOIN visit_summaries s ON s.consultation_id = c.id`;

/** The patient's consultations, newest first. */
export function consultationsOf(q: Queryable, patientId: string): Promise<ConsultationRow[]> {
  return q.query<ConsultationRow>(`${select} WHERE c.patient_id = $1 ORDER BY c.started_at DESC`, [
    patientId,
  ]);
}

/** One consultation of the patient, locked for update when `lock` is set. */
export async function consultationOf(
  q: Queryable,
  patientId: string,
  id: string,
  lock = false,
): Promise<ConsultationRow | undefined> {
  if (lock) await q.query('SELECT 1 FROM consultations WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<ConsultationRow>(`${select} WHERE c.patient_id = $1 AND c.id = $2`, [
    patientId,
    id,
  ]);
  return row;
}

/** Opens a consultation; undefined when the patient already has an open one. */
export async function insertConsultation(
  q: Queryable,
  c: {
    patientId: string;
    clinicianId: string;
    appointmentId: string | null;
    intakeId: string | null;
    planDraft: Partial<PlanContent>;
  },
  now: Date,
): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO consultations (patient_id, clinician_id, appointment_id, intake_id, status, plan_draft, started_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6)
     ON CONFLICT (patient_id) WHERE status = 'open' DO NOTHING RETURNING id`,
    [c.patientId, c.clinicianId, c.appointmentId, c.intakeId, JSON.stringify(c.planDraft), now],
  );
  return row?.id;
}

/** Saves the working notes of an open consultation. */
export async function updateConsultation(
  q: Queryable,
  id: string,
  change: {
    formulation?: Formulation | undefined;
    notes?: string | undefined;
    planDraft?: Partial<PlanContent> | undefined;
  },
): Promise<void> {
  await q.query(
    `UPDATE consultations SET formulation = COALESCE($2, formulation), notes = COALESCE($3, notes),
            plan_draft = COALESCE($4, plan_draft)
      WHERE id = $1 AND status = 'open'`,
    [
      id,
      change.formulation ? JSON.stringify(change.formulation) : null,
      change.notes ?? null,
      change.planDraft ? JSON.stringify(change.planDraft) : null,
    ],
  );
}

export async function markSigned(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE consultations SET status = 'signed', signed_at = $2 WHERE id = $1`, [id, now]);
}
