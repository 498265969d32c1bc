import type { Intake } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

export interface IntakeRow {
  id: string;
  patient_id: string;
  status: 'draft' | 'submitted';
  answers: Intake;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

const columns = 'id, patient_id, status, answers, created_at, updated_at, submitted_at';

/** The open draft, if any. */
export async function draftOf(q: Queryable, patientId: string): Promise<IntakeRow | undefined> {
  const [row] = await q.query<IntakeRow>(
    `SELECT ${columns} FROM intakes WHERE patient_id = $1 AND status = 'draft'`,
    [patientId],
  );
  return row;
}

/** The most recently submitted intake, if any. */
export async function lastSubmitted(q: Queryable, patientId: string): Promise<IntakeRow | undefined> {
  const [row] = await q.query<IntakeRow>(
    `SELECT ${columns} FROM intakes WHERE patient_id = $1 AND status = 'submitted'
      ORDER BY submitted_at DESC LIMIT 1`,
    [patientId],
  );
  return row;
}

/** Saves the draft (creating it when there is none). */
export async function saveDraft(
  q: Queryable,
  patientId: string,
  answers: Intake,
  userId: string,
  now: Date,
): Promise<IntakeRow> {
  const [row] = await q.query<IntakeRow>(
    `INSERT INTO intakes (patient_id, status, answers, created_at, updated_at, updated_by)
     VALUES ($1, 'draft', $2, $3, $3, $4)
     ON CONFLICT (patient_id) WHERE status = 'draft'
     DO UPDATE SET answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING ${columns}`,
    [patientId, JSON.stringify(answers), now, userId],
  );
  return row!;
}

/** Marks the draft submitted. */
export async function submitDraft(q: Queryable, id: string, userId: string, now: Date): Promise<IntakeRow> {
  const [row] = await q.query<IntakeRow>(
    `UPDATE intakes SET status = 'submitted', submitted_at = $2, updated_at = $2, updated_by = $3
      WHERE id = $1 AND status = 'draft' RETURNING ${columns}`,
    [id, now, userId],
  );
  return row!;
}
