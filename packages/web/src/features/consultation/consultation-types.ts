import type { PlanContent, PlanGoal, PlanIntervention, Recommendation } from '@meridian/domain';
import type {
  EducationArticleSummary,
  IntakeScreenResult,
  IntakeView,
  RegimenItem,
  RegimenView,
} from '../../api/types.ts';

export type { EducationArticleSummary, IntakeScreenResult, IntakeView };

// The consultation, plan and visit-summary API (packages/server/src/modules/{consultations,plans,
// summaries,intake,education}). Plan content and recommendations are the domain's own types.

export type FormulationDomain = 'biological' | 'psychological' | 'social' | 'environmental' | 'behavioural';
export type Formulation = Partial<Record<FormulationDomain, string>>;

export interface ConsultationSummary {
  id: string;
  status: 'open' | 'signed';
  clinician: { id: string; name: string };
  appointmentId?: string | null;
  startedAt: string;
  signedAt: string | null;
  summaryId: string | null;
  formulation: Formulation;
  notes: string;
  planDraft: Partial<PlanContent> | null;
}

export interface Allergy {
  id: string;
  substance: string;
  reaction: string | null;
  severity: string | null;
  verified: boolean;
}

/** A regimen item as the reconciliation needs it: whether a clinician has confirmed it. */
export interface ReconciledItem extends RegimenItem {
  verified?: boolean;
}

export interface WorkspaceRegimen extends Omit<RegimenView, 'items'> {
  items: ReconciledItem[];
}

export interface PatientConditionView {
  id: string;
  name: string;
  ancestors: string[];
}

export interface RecommendationSet {
  conditions: PatientConditionView[];
  recommendations: Recommendation[];
  against: Recommendation[];
  unranked: Recommendation[];
}

export interface Workspace {
  consultation: ConsultationSummary;
  intake: IntakeView | null;
  regimen: WorkspaceRegimen;
  allergies: Allergy[];
  recommendations: RecommendationSet;
  plan: {
    latestVersion: number | null;
    gaps: string[];
    /** The safety check of supplements the saved plan would start. */
    supplementsToStart: {
      findings: {
        supplement: string;
        severity: string;
        summary: string;
        management: string;
        sources: string[];
      }[];
      notAssessed: { name: string; suggestions: string[] }[];
    };
  };
}

export type SendChannel = 'fax' | 'secure-email' | 'mail' | 'portal' | 'hand';

export interface SignResult {
  consultationId: string;
  planVersion: number;
  summaryId: string;
}

export interface PlanVersionMeta {
  version: number;
  reason: string;
  changes: string[];
  createdAt: string;
  createdBy: string | null;
}

export interface PlanVersionView extends PlanVersionMeta {
  content: PlanContent;
  conditions: { id: string; name: string }[];
  /** `target` is the short form here, e.g. "PEG ≤ 4 by 12 weeks". */
  goals: (Omit<PlanGoal, 'target'> & { target: string; dueDate: string })[];
  interventions: (PlanIntervention & { therapyName: string; practitionerName: string | null })[];
  education: { id: string; title: string; summary: string | null }[];
  lead: { id: string; name: string | null } | null;
}

export interface CarePlan {
  id: string;
  latestVersion: number;
  startedOn: string;
  shown: PlanVersionView;
  versions: PlanVersionMeta[];
}

export interface CarePlanResponse {
  plan: CarePlan | null;
}
