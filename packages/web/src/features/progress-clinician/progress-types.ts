import type { Severity } from '../../api/types.ts';

// GET /api/patients/:id/progress, GET /api/reviews/due and POST /api/patients/:id/care-plan/reviews
// (packages/server/src/modules/progress). Dates are YYYY-MM-DD in the patient's zone.

export type ProgressInstrument = 'peg' | 'phq-9' | 'gad-7' | 'pain-nrs';

export interface ProgressDiaryEntry {
  id: string;
  date: string;
  painNow: number | null;
  painAverage: number | null;
  painWorst: number | null;
  locations: string[];
  triggers: string[];
  sleepHours: number | null;
  sleepQuality: 'good' | 'fair' | 'poor' | null;
  mood: number | null;
  activity: number | null;
  therapies: string[];
  selfCare: string[];
  taken: string[];
  notes: string;
  backdated: boolean;
  recordedAt: string;
}

export interface ScorePoint {
  date: string;
  score: number;
  band: string | null;
}

export interface ProgressSession {
  date: string;
  at: string;
  kind: 'visit' | 'bedside';
  service: string;
  therapy: string | null;
  status: 'booked' | 'attended';
  painBefore: number | null;
  painAfter: number | null;
}

export type GoalStatus = 'met' | 'on-track' | 'off-track' | 'no-data';

export interface GoalProgressView {
  goalId: string;
  what: string;
  /** "PEG ≤ 4 by 12 weeks". */
  target: string;
  status: GoalStatus;
  baseline: number | null;
  latest: { date: string; value: number } | null;
  expected: number | null;
  dueDate: string;
}

export interface WeekSummary {
  days: number;
  painAverage: number | null;
  sleepHours: number | null;
}

export interface PainResponse {
  baselinePain: number | null;
  recentPain: number | null;
  change: number | null;
  percent: number | null;
  important: boolean;
  rule: string;
  source: string;
}

export interface ReviewHistoryEntry {
  version: number;
  outcome: 'confirmed' | 'adjusted';
  resultingVersion: number | null;
  note: string;
  by: string | null;
  at: string;
}

export interface ProgressView {
  timeZone: string;
  today: string;
  from: string;
  diary: ProgressDiaryEntry[];
  questionnaires: Partial<Record<ProgressInstrument, ScorePoint[]>>;
  sessions: ProgressSession[];
  /** Oldest first. */
  planVersions: { version: number; date: string; reason: string }[];
  goals: GoalProgressView[];
  weekly: { thisWeek: WeekSummary; lastWeek: WeekSummary };
  response: PainResponse;
  sinceLastReview: {
    reviewedOn: string | null;
    change?: number;
    percent?: number | null;
    important?: boolean;
  };
  adherence: { sessionsAttended: number; sessionsPlanned: number; diaryDaysLast28: number };
  findingsSinceLastReview: { id: string; severity: Severity; summary: string; firstFoundAt: string }[];
  review: null | {
    due: boolean;
    reviewDate: string | null;
    version: number;
    history: ReviewHistoryEntry[];
  };
}

export interface DueReview {
  patient: { id: string; name: string };
  reviewDate: string | null;
  version: number;
  due: boolean;
}

export interface ReviewResult {
  outcome: 'confirmed' | 'adjusted';
  reviewedVersion: number;
  resultingVersion: number | null;
}
