import type { Queryable } from '../../db/database.ts';

export interface DiaryRow {
  id: string;
  entry_date: string;
  pain_now: number | null;
  pain_average: number | null;
  pain_worst: number | null;
  locations: string[];
  triggers: string[];
  sleep_hours: string | null;
  sleep_quality: 'good' | 'fair' | 'poor' | null;
  mood: number | null;
  activity: number | null;
  therapies: string[];
  self_care: string[];
  taken: string[];
  notes: string;
  backdated: boolean;
  recorded_at: Date;
}

export interface DiaryInput {
  painNow?: number | undefined;
  painAverage?: number | undefined;
  painWorst?: number | undefined;
  locations?: string[] | undefined;
  triggers?: string[] | undefined;
  sleepHours?: number | undefined;
  sleepQuality?: 'good' | 'fair' | 'poor' | undefined;
  mood?: number | undefined;
  activity?: number | undefined;
  therapies?: string[] | undefined;
  selfCare?: string[] | undefined;
  taken?: string[] | undefined;
  notes?: string | undefined;
}

const diaryColumns = `id, entry_date::text, pain_now, pain_average, pain_worst, locations, triggers, sleep_hours, sleep_quality,
  mood, activity, therapies, self_care, taken, notes, backdated, recorded_at`;

/** The patient's diary between two dates (inclusive), oldest first. */
export function diaryOf(q: Queryable, patientId: string, from: string, to: string): Promise<DiaryRow[]> {
  return q.query<DiaryRow>(
    `SELECT ${diaryColumns} FROM diary_entries WHERE patient_id = $1 AND entry_date BETWEEN $2 AND $3 ORDER BY entry_date`,
    [patientId, from, to],
  );
}

/** Writes the entry of a day; a second entry for the same day replaces the first. */
export async function upsertDiary(
  q: Queryable,
  patientId: string,
  date: string,
  e: DiaryInput,
  backdated: boolean,
  by: string,
  now: Date,
): Promise<DiaryRow> {
  const [row] = await q.query<DiaryRow>(
    `INSERT INTO diary_entries (patient_id, entry_date, pain_now, pain_average, pain_worst, locations, triggers, sleep_hours,
       sleep_quality, mood, activity, therapies, self_care, taken, notes, backdated, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (patient_id, entry_date) DO UPDATE SET
       pain_now = EXCLUDED.pain_now, pain_average = EXCLUDED.pain_average, pain_worst = EXCLUDED.pain_worst,
       locations = EXCLUDED.locations, triggers = EXCLUDED.triggers, sleep_hours = EXCLUDED.sleep_hours,
       sleep_quality = EXCLUDED.sleep_quality, mood = EXCLUDED.mood, activity = EXCLUDED.activity,
       therapies = EXCLUDED.therapies, self_care = EXCLUDED.self_care, taken = EXCLUDED.taken, notes = EXCLUDED.notes,
       backdated = EXCLUDED.backdated, recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
     RETURNING ${diaryColumns}`,
    [
      patientId,
      date,
      e.painNow ?? null,
      e.painAverage ?? null,
      e.painWorst ?? null,
      e.locations ?? [],
      e.triggers ?? [],
      e.sleepHours ?? null,
      e.sleepQuality ?? null,
      e.mood ?? null,
      e.activity ?? null,
      e.therapies ?? [],
      e.selfCare ?? [],
      e.taken ?? [],
      e.notes ?? '',
      backdated,
      now,
      by,
    ],
  );
  return row!;
}

export interface ResponseRow {
  id: string;
  instrument: string;
  answers: number[];
  score: string;
  band: string | null;
  completed_at: Date;
  source: string;
}

export function responsesOf(q: Queryable, patientId: string, since?: Date): Promise<ResponseRow[]> {
  return q.query<ResponseRow>(
    `SELECT id, instrument, answers, score, band, completed_at, source FROM questionnaire_responses
      WHERE patient_id = $1 AND ($2::timestamptz IS NULL OR completed_at >= $2) ORDER BY completed_at`,
    [patientId, since ?? null],
  );
}

export async function insertResponse(
  q: Queryable,
  r: {
    patientId: string;
    instrument: string;
    answers: number[];
    score: number;
    band: string | null;
    source: 'portal' | 'clinic' | 'intake' | 'fhir';
  },
  by: string | null,
  at: Date,
): Promise<ResponseRow> {
  const [row] = await q.query<ResponseRow>(
    `INSERT INTO questionnaire_responses (patient_id, instrument, answers, score, band, completed_at, source, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, instrument, answers, score, band, completed_at, source`,
    [r.patientId, r.instrument, r.answers, r.score, r.band, at, r.source, by],
  );
  return row!;
}

export interface ReviewRow {
  id: string;
  reviewed_version: number;
  outcome: 'confirmed' | 'adjusted';
  resulting_version: number | null;
  note: string;
  reviewed_by_name: string;
  reviewed_at: Date;
}

export function reviewsOf(q: Queryable, patientId: string): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `SELECT r.id, r.reviewed_version, r.outcome, r.resulting_version, r.note, u.display_name AS reviewed_by_name, r.reviewed_at
       FROM plan_reviews r JOIN users u ON u.id = r.reviewed_by WHERE r.patient_id = $1 ORDER BY r.reviewed_at DESC`,
    [patientId],
  );
}

export async function insertReview(
  q: Queryable,
  r: {
    patientId: string;
    planId: string;
    reviewedVersion: number;
    outcome: 'confirmed' | 'adjusted';
    resultingVersion: number | null;
    note: string;
  },
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO plan_reviews (patient_id, plan_id, reviewed_version, outcome, resulting_version, note, reviewed_by, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.patientId, r.planId, r.reviewedVersion, r.outcome, r.resultingVersion, r.note, by, at],
  );
}

/** Attended sessions (visits) and bedside sessions of the patient, for the chart's time axis. */
export function sessionsOf(q: Queryable, patientId: string, from: Date, to: Date) {
  return q.query<{
    at: Date;
    kind: 'visit' | 'bedside';
    service: string;
    therapy: string | null;
    status: string;
    pain_before: number | null;
    pain_after: number | null;
  }>(
    `SELECT a.starts_at AS at, 'visit' AS kind, s.name AS service, s.therapy, t.status, NULL::smallint AS pain_before,
            NULL::smallint AS pain_after
       FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
      WHERE t.patient_id = $1 AND t.status IN ('booked', 'attended') AND a.starts_at BETWEEN $2 AND $3
     UNION ALL
     SELECT b.delivered_at, 'bedside', s.name, s.therapy, 'attended', b.pain_before, b.pain_after
       FROM bedside_sessions b JOIN services s ON s.id = b.service_id
      WHERE b.patient_id = $1 AND b.delivered_at BETWEEN $2 AND $3
      ORDER BY 1`,
    [patientId, from, to],
  );
}
