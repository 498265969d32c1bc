// Shapes of the de-identified program outcome reports (GET /api/outcomes/report and /api/outcomes/bedside).
// Kept by hand in step with packages/server/src/modules/outcomes/outcomes-service.ts.

export type OutcomeGroupBy = 'therapy' | 'condition' | 'location' | 'discipline';
export type OutcomeMeasure = 'pain' | 'peg';

export interface Period {
  /** YYYY-MM-DD, first day included. */
  from: string;
  /** YYYY-MM-DD, last day included. */
  to: string;
}

export interface OutcomeDefinition {
  term: string;
  meaning: string;
}

/** One group of the report; every number is null when the group is suppressed (fewer than 11 patients). */
export interface OutcomeReportRow {
  group: { kind: OutcomeGroupBy; id: string; name: string };
  n: number | null;
  baselineMean: number | null;
  followUpMean: number | null;
  /** Follow-up minus baseline: negative is a fall. */
  meanChange: number | null;
  ci95: [number, number] | null;
  /** 0–1: the share of counted patients with a clinically important improvement. */
  improvedShare: number | null;
  suppressed: boolean;
}

export interface OutcomeReport {
  period: Period;
  groupBy: OutcomeGroupBy;
  measure: OutcomeMeasure;
  filters: {
    therapy: { id: string; name: string } | null;
    condition: { id: string; name: string } | null;
  };
  minimumCellSize: number;
  definitions: OutcomeDefinition[];
  method: string;
  rows: OutcomeReportRow[];
}

/** Pain or anxiety before and after the bedside sessions of one service. */
export interface BedsideScore {
  pairedSessions: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  ci95: [number, number] | null;
  /** 0–1: the share of paired sessions whose score fell by 2 points or more. */
  fellBy2Share: number | null;
}

export interface BedsideServiceRow {
  service: { id: string; code: string; name: string };
  suppressed: boolean;
  sessions: number | null;
  patients: number | null;
  pain: BedsideScore;
  anxiety: BedsideScore;
}

export interface BedsideReport {
  period: Period;
  minimumCellSize: number;
  definitions: OutcomeDefinition[];
  method: string;
  services: BedsideServiceRow[];
}
