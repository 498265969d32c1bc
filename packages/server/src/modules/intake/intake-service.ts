import { type Intake, intakeGaps, scoreGad2, scorePeg, scorePhq2 } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import { recordAllergy } from '../regimen/allergies-repo.ts';
import { addReportedItems, recheckRegimen } from '../regimen/regimen-service.ts';
import { draftOf, type IntakeRow, lastSubmitted, saveDraft, submitDraft } from './intake-repo.ts';

/** Scores of the screens the intake holds, for the patient and the clinician. */
export function intakeScreens(answers: Intake) {
  return {
    phq2: answers.emotional.phq2 ? scorePhq2(answers.emotional.phq2) : null,
    gad2: answers.emotional.gad2 ? scoreGad2(answers.emotional.gad2) : null,
    peg: answers.peg ? scorePeg([answers.peg.pain, answers.peg.enjoyment, answers.peg.activity]) : null,
  };
}

function intakeView(row: IntakeRow) {
  return {
    id: row.id,
    status: row.status,
    answers: row.answers,
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    gaps: intakeGaps(row.answers),
    screens: intakeScreens(row.answers),
  };
}

/** The intake to show: the open draft, else the last submitted one; null before the patient starts. */
export async function currentIntake(q: Queryable, patientId: string) {
  const row = (await draftOf(q, patientId)) ?? (await lastSubmitted(q, patientId));
  return { intake: row ? intakeView(row) : null };
}

/** Saves the patient's answers as the draft. */
export async function saveIntake(
  q: Queryable,
  patientId: string,
  answers: Intake,
  userId: string,
  now: Date,
) {
  return { intake: intakeView(await saveDraft(q, patientId, answers, userId, now)) };
}

/**
 * Submits the draft: its medicines, supplements and conditions join the regimen and its allergies the
 * allergy list (as reported by the patient, to be reconciled by a clinician), and the safety check
 * runs on the result. Items already on the regimen are not added twice.
 */
export async function submitIntake(
  q: Queryable,
  patientId: string,
  by: { userId: string; role: string },
  now: Date,
) {
  const draft = await draftOf(q, patientId);
  if (!draft) fail('CONFLICT', 'There is no draft intake to submit. Save your answers first.');
  const gaps = intakeGaps(draft.answers);
  if (gaps.length) fail('VALIDATION', `The intake is not complete: ${gaps.join(' ')}`, { gaps });
  await addReportedItems(
    q,
    patientId,
    [
      ...draft.answers.medicines.map((m) => ({
        category: m.kind,
        text: m.name,
        dose: m.dose,
        frequency: m.frequency,
      })),
      ...draft.answers.conditions.map((c) => ({ category: 'condition' as const, text: c.name })),
    ],
    by,
    now,
  );
  for (const a of draft.answers.allergies) await recordAllergy(q, patientId, a, by, now);
  const submitted = await submitDraft(q, draft.id, by.userId, now);
  await recheckRegimen(q, patientId, now);
  return { intake: intakeView(submitted) };
}
