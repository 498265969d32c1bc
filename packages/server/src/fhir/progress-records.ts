import {
  type FhirResource,
  type InstrumentWording,
  observationCodings,
  type PendingObservation,
  pendingDiaryObservations,
  pendingScoreObservation,
  questionnaireResponseResource,
  type ResponseRecord,
} from '@meridian/fhir';
import { instrumentTexts } from '@meridian/knowledge';
import type { Queryable } from '../db/database.ts';

type Found = { patientId: string; resource: FhirResource };

export interface ProgressFilter {
  patientIds?: string[] | undefined;
  /** A diary entry id or a questionnaire response id (an Observation id starts with it). */
  id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const wording = (): Map<string, InstrumentWording> => new Map(instrumentTexts().map((w) => [w.id, w]));

async function responses(q: Queryable, f: ProgressFilter): Promise<ResponseRecord[]> {
  const rows = await q.query<{
    id: string;
    patient_id: string;
    instrument: ResponseRecord['instrument'];
    answers: number[];
    score: string;
    band: string | null;
    completed_at: Date;
  }>(
    `SELECT id, patient_id, instrument, answers, score, band, completed_at FROM questionnaire_responses
      WHERE ($1::uuid[] IS NULL OR patient_id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR id = $2::uuid)
        AND ($3::date IS NULL OR completed_at >= $3::date) AND ($4::date IS NULL OR completed_at < $4::date + 1)
      ORDER BY completed_at, id LIMIT 5000`,
    [f.patientIds ?? null, f.id ?? null, f.from ?? null, f.to ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    instrument: r.instrument,
    answers: r.answers,
    score: Number(r.score),
    band: r.band,
    completedAt: r.completed_at,
  }));
}

/**
 * The diary's WHERE clause for the filters given (each parameter keeps its number; one patient is a
 * single id). Written out per combination rather than as "($1 IS NULL OR …)" over an array, which
 * PostgreSQL planned afresh on every search of this million-row table; each combination is a prepared
 * statement that settles on one plan.
 */
function diaryFilter(f: ProgressFilter): string {
  const where = [
    f.patientIds?.length === 1
      ? 'patient_id = $1::uuid'
      : f.patientIds
        ? 'patient_id = ANY ($1::uuid[])'
        : '$1::uuid[] IS NULL',
    f.id ? 'id = $2::uuid' : '$2::uuid IS NULL',
    f.from ? 'entry_date >= $3::date' : '$3::date IS NULL',
    f.to ? 'entry_date <= $4::date' : '$4::date IS NULL',
  ];
  return where.join(' AND ');
}

/**
 * Diary values and questionnaire scores as Observations, oldest first, each built only when asked for:
 * a search filters them by code and builds the page it answers (20 of a patient's ~300).
 */
export async function pendingObservations(
  q: Queryable,
  f: ProgressFilter,
): Promise<{ patientId: string; observation: PendingObservation }[]> {
  const diary = await q.query<{
    id: string;
    patient_id: string;
    entry_date: string;
    pain_now: number | null;
    pain_average: number | null;
    pain_worst: number | null;
    sleep_hours: string | null;
    recorded_at: Date;
  }>(
    `SELECT id, patient_id, entry_date::text, pain_now, pain_average, pain_worst, sleep_hours, recorded_at FROM diary_entries
      WHERE ${diaryFilter(f)} ORDER BY entry_date, id LIMIT 5000`,
    [
      f.patientIds?.length === 1 ? f.patientIds[0] : (f.patientIds ?? null),
      f.id ?? null,
      f.from ?? null,
      f.to ?? null,
    ],
  );
  const fromDiary = diary.flatMap((d) =>
    pendingDiaryObservations({
      id: d.id,
      patientId: d.patient_id,
      date: d.entry_date,
      painNow: d.pain_now,
      painAverage: d.pain_average,
      painWorst: d.pain_worst,
      sleepHours: d.sleep_hours === null ? null : Number(d.sleep_hours),
      recordedAt: d.recorded_at,
    }).map((observation) => ({ patientId: d.patient_id, observation })),
  );
  const fromScores = (await responses(q, f)).flatMap((r) => {
    const observation = pendingScoreObservation(r);
    return observation ? [{ patientId: r.patientId, observation }] : [];
  });
  return [...fromDiary, ...fromScores];
}

/** Diary values and questionnaire scores as Observations, oldest first. */
export async function observationResources(q: Queryable, f: ProgressFilter): Promise<Found[]> {
  return (await pendingObservations(q, f)).map((o) => ({
    patientId: o.patientId,
    resource: o.observation.build(),
  }));
}

/** Completed questionnaires as QuestionnaireResponses. */
export async function questionnaireResponseResources(q: Queryable, f: ProgressFilter): Promise<Found[]> {
  const words = wording();
  return (await responses(q, f)).map((r) => ({
    patientId: r.patientId,
    resource: questionnaireResponseResource(r, words.get(r.instrument)),
  }));
}

/** Does an Observation's coding match a `code` search value (system|code, code, or |code)? */
export function matchesCode(coding: { system: string; code: string }, token: string): boolean {
  const [system, code] = token.includes('|') ? token.split('|') : [undefined, token];
  return coding.code === code && (!system || coding.system === system);
}

export const knownObservationCodes = Object.values(observationCodings);
