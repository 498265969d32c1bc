// GET /api/patients/:id/progress, GET /api/reviews/due and POST /api/patients/:id/care-plan/reviews
// (packages/server/src/modules/progress). Dates are YYYY-MM-DD in the patient's zone.

export type {
  DiaryEntry as ProgressDiaryEntry,
  GoalProgressView,
  GoalStatus,
  PainResponse,
  ProgressSession,
  ProgressView,
  QuestionnaireId as ProgressInstrument,
  ReviewHistoryEntry,
  ScorePoint,
  WeekSummary,
} from '../../api/types.ts';

export interface DueReview {
  patient: { id: string; name: string };
  reviewDate: string | null;
  version: number;
  /** Today in the patient's zone. */
  today: string;
  timeZone: string;
  due: boolean;
}

export interface ReviewResult {
  outcome: 'confirmed' | 'adjusted';
  reviewedVersion: number;
  resultingVersion: number | null;
}
