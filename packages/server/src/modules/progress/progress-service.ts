import {
  addDays,
  clinicallyImportantPainChange,
  dateInZone,
  goalProgress,
  goalTarget,
  type InstrumentId,
  instruments,
  type Measurement,
  mean,
  type PlanContent,
  questionnairesDue,
  reviewDue,
  scoreQuestionnaire,
} from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import { planVersions } from '../plans/plan-repo.ts';
import { adjustPlan } from '../plans/plan-service.ts';
import {
  type DiaryInput,
  type DiaryRow,
  diaryOf,
  insertResponse,
  insertReview,
  responsesOf,
  reviewsOf,
  sessionsOf,
  upsertDiary,
} from './progress-repo.ts';

/** The patient's time zone (their home location's) and today there. */
export async function patientToday(q: Queryable, patientId: string, now: Date) {
  const [row] = await q.query<{ time_zone: string | null }>(
    'SELECT l.time_zone FROM patients p LEFT JOIN locations l ON l.id = p.home_location_id WHERE p.id = $1',
    [patientId],
  );
  const timeZone = row?.time_zone ?? 'UTC';
  return { timeZone, today: dateInZone(now, timeZone) };
}

const maxBackdateDays = 30;

function diaryView(r: DiaryRow) {
  return {
    id: r.id,
    date: r.entry_date,
    painNow: r.pain_now,
    painAverage: r.pain_average,
    painWorst: r.pain_worst,
    locations: r.locations,
    triggers: r.triggers,
    sleepHours: r.sleep_hours === null ? null : Number(r.sleep_hours),
    sleepQuality: r.sleep_quality,
    mood: r.mood,
    activity: r.activity,
    therapies: r.therapies,
    selfCare: r.self_care,
    taken: r.taken,
    notes: r.notes,
    backdated: r.backdated,
    recordedAt: r.recorded_at.toISOString(),
  };
}

/** Records the diary entry of a day (today, or up to 30 days back, marked as backdated). */
export async function recordDiary(
  q: Queryable,
  patientId: string,
  date: string,
  entry: DiaryInput,
  by: string,
  now: Date,
) {
  const { today } = await patientToday(q, patientId, now);
  if (date > today)
    fail('VALIDATION', `${date} is in the future; a diary entry is about today (${today}) or a past day.`);
  if (date < addDays(today, -maxBackdateDays))
    fail('VALIDATION', `Entries can be added up to ${maxBackdateDays} days back; ${date} is earlier.`);
  const answered = Object.values(entry).some(
    (v) => v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '',
  );
  if (!answered) fail('VALIDATION', 'Answer at least one question (for example, your pain now).');
  if (entry.painAverage !== undefined && entry.painWorst !== undefined && entry.painAverage > entry.painWorst)
    fail('VALIDATION', 'Your average pain cannot be higher than your worst pain.');
  return { entry: diaryView(await upsertDiary(q, patientId, date, entry, date < today, by, now)) };
}

export async function diaryView90(q: Queryable, patientId: string, now: Date, from?: string, to?: string) {
  const { today, timeZone } = await patientToday(q, patientId, now);
  const rows = await diaryOf(q, patientId, from ?? addDays(today, -90), to ?? today);
  return { timeZone, today, entries: rows.map(diaryView) };
}

/** Scores and stores a completed questionnaire. */
export async function recordResponse(
  q: Queryable,
  patientId: string,
  input: { instrument: InstrumentId; answers: number[] },
  source: 'portal' | 'clinic' | 'fhir',
  by: string | null,
  now: Date,
) {
  let scored: ReturnType<typeof scoreQuestionnaire>;
  try {
    scored = scoreQuestionnaire(input.instrument, input.answers);
  } catch (e) {
    fail('VALIDATION', (e as Error).message);
  }
  const row = await insertResponse(
    q,
    {
      patientId,
      instrument: input.instrument,
      answers: input.answers,
      score: scored.score,
      band: scored.band,
      source,
    },
    by,
    now,
  );
  return {
    response: {
      id: row.id,
      instrument: row.instrument,
      score: Number(row.score),
      band: row.band,
      completedAt: row.completed_at.toISOString(),
      selfHarmItemPositive: scored.selfHarmItemPositive ?? false,
    },
  };
}

const lastDateOf = (rows: { completed_at: Date }[], zone: string) =>
  rows.length ? dateInZone(rows.at(-1)!.completed_at, zone) : undefined;

/** Questionnaires the patient has answered and those the plan asks for now. */
export async function questionnairesView(q: Queryable, patientId: string, now: Date) {
  const { today, timeZone } = await patientToday(q, patientId, now);
  const responses = await responsesOf(q, patientId);
  const versions = await planVersions(q, patientId);
  const last: Partial<Record<InstrumentId, string>> = {};
  for (const id of Object.keys(instruments) as InstrumentId[])
    last[id] = lastDateOf(
      responses.filter((r) => r.instrument === id),
      timeZone,
    );
  const plan = versions[0];
  const start = versions.at(-1) ? dateInZone(versions.at(-1)!.created_at, timeZone) : today;
  return {
    due: plan ? questionnairesDue(plan.content, start, last, today) : [],
    responses: responses.map((r) => ({
      id: r.id,
      instrument: r.instrument,
      score: Number(r.score),
      band: r.band,
      completedAt: r.completed_at.toISOString(),
      source: r.source,
    })),
  };
}

function goalMeasurements(
  goal: PlanContent['goals'][number],
  diary: ReturnType<typeof diaryView>[],
  series: Record<string, { date: string; score: number }[]>,
): Measurement[] {
  switch (goal.measure) {
    case 'pain-average':
      return diary
        .filter((d) => d.painAverage !== null)
        .map((d) => ({ date: d.date, value: d.painAverage! }));
    case 'sleep-hours':
      return diary.filter((d) => d.sleepHours !== null).map((d) => ({ date: d.date, value: d.sleepHours! }));
    case 'peg':
    case 'phq-9':
    case 'gad-7':
      return (series[goal.measure] ?? []).map((s) => ({ date: s.date, value: s.score }));
    default:
      return [];
  }
}

const avg = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round(mean(v) * 10) / 10 : null;
};

/** Everything the progress charts and the review screen show, over the last `days` days. */
export async function progressView(q: Queryable, patientId: string, now: Date, days = 120) {
  const { today, timeZone } = await patientToday(q, patientId, now);
  const from = addDays(today, -days);
  // Together: a read runs outside a transaction, so on PostgreSQL each goes to a connection of its own
  // (inside a transaction, or on PGlite, they simply queue).
  const [diaryRows, responses, versions, reviews, sessions] = await Promise.all([
    diaryOf(q, patientId, from, today),
    responsesOf(q, patientId),
    planVersions(q, patientId),
    reviewsOf(q, patientId),
    sessionsOf(q, patientId, new Date(`${from}T00:00:00Z`), new Date(now.getTime() + 60 * 86_400_000)),
  ]);
  const diary = diaryRows.map(diaryView);
  const series: Record<string, { date: string; score: number; band: string | null }[]> = {};
  for (const r of responses) {
    series[r.instrument] ??= [];
    series[r.instrument]!.push({
      date: dateInZone(r.completed_at, timeZone),
      score: Number(r.score),
      band: r.band,
    });
  }
  const current = versions[0];
  const planStart = versions.at(-1) ? dateInZone(versions.at(-1)!.created_at, timeZone) : null;
  const lastReview = reviews[0] ?? null;
  const lastReviewOn = lastReview ? dateInZone(lastReview.reviewed_at, timeZone) : null;
  // Bounds are worked out once, not once per diary day (addDays per row was a tenth of this view's CPU).
  const week = (endOffset: number) => {
    const after = addDays(today, endOffset - 7);
    const until = addDays(today, endOffset);
    const rows = diary.filter((d) => d.date > after && d.date <= until);
    return {
      days: rows.length,
      painAverage: avg(rows.map((d) => d.painAverage)),
      sleepHours: avg(rows.map((d) => d.sleepHours)),
    };
  };
  const painBy = (pred: (d: string) => boolean) =>
    avg(diary.filter((d) => pred(d.date)).map((d) => d.painAverage ?? d.painNow));
  const baselineFrom = planStart ? addDays(planStart, -14) : null;
  const baselinePain = planStart && baselineFrom ? painBy((d) => d <= planStart && d > baselineFrom) : null;
  const recentFrom = addDays(today, -7);
  const recentPain = painBy((d) => d > recentFrom);
  const reviewFrom = lastReviewOn ? addDays(lastReviewOn, -7) : null;
  const reviewPain = lastReviewOn && reviewFrom ? painBy((d) => d <= lastReviewOn && d > reviewFrom) : null;
  const last28From = addDays(today, -28);
  const attended = sessions.filter((s) => s.status === 'attended' && s.at <= now).length;
  const planned = current ? current.content.interventions.reduce((n, i) => n + i.sessions, 0) : 0;
  const findingsSince = await q.query<{
    id: string;
    severity: string;
    summary: string;
    first_found_at: Date;
  }>(
    `SELECT id, severity, summary, first_found_at FROM safety_findings
      WHERE patient_id = $1 AND status = 'active' AND ($2::timestamptz IS NULL OR first_found_at > $2)
      ORDER BY first_found_at DESC`,
    [patientId, lastReview?.reviewed_at ?? versions.at(-1)?.created_at ?? null],
  );
  return {
    timeZone,
    today,
    from,
    diary,
    questionnaires: series,
    sessions: sessions.map((s) => ({
      date: dateInZone(s.at, timeZone),
      at: s.at.toISOString(),
      kind: s.kind,
      service: s.service,
      therapy: s.therapy,
      status: s.status,
      painBefore: s.pain_before,
      painAfter: s.pain_after,
    })),
    planVersions: versions
      .map((v) => ({ version: v.version, date: dateInZone(v.created_at, timeZone), reason: v.reason }))
      .reverse(),
    goals:
      current && planStart
        ? current.content.goals.map((g) => ({
            ...goalProgress(g, goalMeasurements(g, diary, series), planStart, today),
            what: g.what,
            target: goalTarget(g),
          }))
        : [],
    weekly: { thisWeek: week(0), lastWeek: week(-7) },
    response: {
      baselinePain,
      recentPain,
      ...(baselinePain !== null && recentPain !== null
        ? clinicallyImportantPainChange(baselinePain, recentPain)
        : { change: null, percent: null, important: false }),
      rule: 'A fall of 2 points or 30% in pain intensity (0–10) is clinically important (Farrar et al. 2001).',
      source: 'https://pubmed.ncbi.nlm.nih.gov/11690728/',
    },
    sinceLastReview: {
      reviewedOn: lastReviewOn,
      ...(reviewPain !== null && recentPain !== null
        ? clinicallyImportantPainChange(reviewPain, recentPain)
        : {}),
    },
    adherence: {
      sessionsAttended: attended,
      sessionsPlanned: planned,
      diaryDaysLast28: diary.filter((d) => d.date > last28From).length,
    },
    findingsSinceLastReview: findingsSince.map((f) => ({
      id: f.id,
      severity: f.severity,
      summary: f.summary,
      firstFoundAt: f.first_found_at.toISOString(),
    })),
    review: current
      ? {
          due: reviewDue(
            current.content.reviewDate,
            lastReview?.reviewed_version ?? null,
            current.version,
            today,
          ),
          reviewDate: current.content.reviewDate ?? null,
          version: current.version,
          history: reviews.map((r) => ({
            version: r.reviewed_version,
            outcome: r.outcome,
            resultingVersion: r.resulting_version,
            note: r.note,
            by: r.reviewed_by_name,
            at: r.reviewed_at.toISOString(),
          })),
        }
      : null,
  };
}

/**
 * A clinician reviews the plan: confirms it as it is, or adjusts it (a new version whose reason is the
 * review note). `basedOn` is the version reviewed; a newer version since is a conflict.
 */
export async function reviewPlan(
  q: Queryable,
  patientId: string,
  input: {
    outcome: 'confirmed' | 'adjusted';
    note: string;
    basedOn: number;
    content?: PlanContent | undefined;
  },
  by: string,
  now: Date,
) {
  const versions = await planVersions(q, patientId);
  const current = versions[0];
  if (!current) fail('CONFLICT', 'This patient has no plan to review yet.');
  if (input.basedOn !== current.version)
    fail(
      'CONFLICT',
      `You reviewed version ${input.basedOn}, but version ${current.version} is now the latest. Reload and review again.`,
      {
        latestVersion: current.version,
      },
    );
  let resulting: number | null = null;
  if (input.outcome === 'adjusted') {
    if (!input.content) fail('VALIDATION', 'An adjusting review needs the adjusted plan.');
    const view = await adjustPlan(
      q,
      patientId,
      { content: input.content, reason: `Review: ${input.note}`, basedOn: input.basedOn },
      by,
      now,
    );
    resulting = view.plan!.latestVersion;
  }
  await insertReview(
    q,
    {
      patientId,
      planId: current.plan_id,
      reviewedVersion: current.version,
      outcome: input.outcome,
      resultingVersion: resulting,
      note: input.note,
    },
    by,
    now,
  );
  return { outcome: input.outcome, reviewedVersion: current.version, resultingVersion: resulting };
}

/** The clinician's worklist: patients on their care team whose plan review is due. */
export async function reviewsDueFor(q: Queryable, clinicianId: string, now: Date) {
  const rows = await q.query<{
    patient_id: string;
    given_name: string;
    family_name: string;
    time_zone: string | null;
    content: PlanContent;
    version: number;
    version_at: Date;
    last_reviewed: number | null;
  }>(
    `SELECT p.id AS patient_id, p.given_name, p.family_name, l.time_zone, v.content, v.version, v.created_at AS version_at,
            (SELECT r.reviewed_version FROM plan_reviews r WHERE r.patient_id = p.id
              ORDER BY r.reviewed_at DESC LIMIT 1) AS last_reviewed
       FROM care_team_members m
       JOIN patients p ON p.id = m.patient_id
       LEFT JOIN locations l ON l.id = p.home_location_id
       JOIN care_plans cp ON cp.patient_id = p.id
       JOIN LATERAL (SELECT * FROM care_plan_versions WHERE plan_id = cp.id ORDER BY version DESC LIMIT 1) v ON true
      WHERE m.user_id = $1`,
    [clinicianId],
  );
  return rows
    .map((r) => {
      const zone = r.time_zone ?? 'UTC';
      const today = dateInZone(now, zone);
      return {
        patient: { id: r.patient_id, name: `${r.given_name} ${r.family_name}` },
        reviewDate: r.content.reviewDate ?? null,
        version: r.version,
        /** Today in the patient's zone, for "in N days". */
        today,
        timeZone: zone,
        due: reviewDue(r.content.reviewDate, r.last_reviewed, r.version, today),
      };
    })
    .filter((r) => r.due)
    .sort((a, b) => (a.reviewDate ?? '').localeCompare(b.reviewDate ?? ''));
}
