import type { PlanContent } from '@meridian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import type { RegimenView } from '../../api/types.ts';
import { regimenKeys } from '../regimen/regimen-queries.ts';
import type {
  CarePlanResponse,
  ConsultationSummary,
  EducationArticleSummary,
  Formulation,
  RecommendationSet,
  SendChannel,
  SignResult,
  Workspace,
} from './consultation-types.ts';

export const consultationKeys = {
  list: (patientId: string) => ['consultations', patientId] as const,
  workspace: (patientId: string, consultationId: string) =>
    ['consultation', patientId, consultationId] as const,
  plan: (patientId: string, version: number | null) =>
    ['care-plan', patientId, version ?? 'current'] as const,
  allPlans: (patientId: string) => ['care-plan', patientId] as const,
  summaries: (patientId: string) => ['visit-summaries', patientId] as const,
  education: ['education'] as const,
  recommendations: (patientId: string) => ['recommendations', patientId] as const,
};

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

/** The workspace page of a consultation. */
export function workspacePath(patientId: string, consultationId: string): string {
  return `/clinician/patients/${encodeURIComponent(patientId)}/consultation/${encodeURIComponent(consultationId)}`;
}

/** Where the signed letter and FHIR document of a visit summary are served. */
export function summaryLinks(patientId: string, summaryId: string) {
  const root = `${base(patientId)}/visit-summaries/${encodeURIComponent(summaryId)}`;
  return { pdf: `${root}/letter.pdf`, html: `${root}/letter.html`, fhir: `${root}/document` };
}

export function useConsultations(patientId: string) {
  return useQuery({
    queryKey: consultationKeys.list(patientId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ consultations: ConsultationSummary[] }>(`${base(patientId)}/consultations`, {
          signal,
        })
      ).consultations,
    enabled: patientId !== '',
  });
}

export function useStartConsultation(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Workspace>(`${base(patientId)}/consultations`, {}),
    onSuccess: async (view) => {
      queryClient.setQueryData(consultationKeys.workspace(patientId, view.consultation.id), view);
      await queryClient.invalidateQueries({ queryKey: consultationKeys.list(patientId) });
    },
  });
}

export function useWorkspace(patientId: string, consultationId: string) {
  return useQuery({
    queryKey: consultationKeys.workspace(patientId, consultationId),
    queryFn: ({ signal }) =>
      api.get<Workspace>(`${base(patientId)}/consultations/${encodeURIComponent(consultationId)}`, {
        signal,
      }),
    enabled: patientId !== '' && consultationId !== '',
  });
}

export interface WorkspaceChange {
  formulation?: Formulation;
  notes?: string;
  plan?: PlanContent;
}

export function useSaveWorkspace(patientId: string, consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: WorkspaceChange) =>
      apiRequest<Workspace>(`${base(patientId)}/consultations/${encodeURIComponent(consultationId)}`, {
        method: 'PUT',
        body: change,
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(consultationKeys.workspace(patientId, consultationId), view);
    },
  });
}

/**
 * Reconciliation changes answer with the rechecked regimen. It is shown at once (the safety panel
 * reads the same query); the workspace refetches its recommendations when the regimen changes.
 */
function useRegimenChange<V>(patientId: string, request: (vars: V) => Promise<RegimenView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (view) => {
      queryClient.setQueryData(regimenKeys.detail(patientId), view);
      await queryClient.invalidateQueries({ queryKey: regimenKeys.detail(patientId) });
    },
  });
}

export function useVerifyItem(patientId: string) {
  return useRegimenChange(patientId, (itemId: string) =>
    api.post<RegimenView>(`${base(patientId)}/regimen/${encodeURIComponent(itemId)}/verify`, {}),
  );
}

/** A clinician confirms a reported allergy; the workspace (which lists allergies) is read again. */
export function useVerifyAllergy(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (allergyId: string) =>
      api.post<{ allergies: unknown[] }>(
        `${base(patientId)}/allergies/${encodeURIComponent(allergyId)}/verify`,
        {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultation', patientId] }),
  });
}

export function useRecordCondition(patientId: string) {
  return useRegimenChange(patientId, (text: string) =>
    api.post<RegimenView>(`${base(patientId)}/regimen`, { category: 'condition', text }),
  );
}

export function useSignConsultation(patientId: string, consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sendVia?: SendChannel; reason?: string }) =>
      api.post<SignResult>(
        `${base(patientId)}/consultations/${encodeURIComponent(consultationId)}/sign`,
        body,
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKeys.list(patientId) }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.workspace(patientId, consultationId) }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.allPlans(patientId) }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.summaries(patientId) }),
      ]);
    },
  });
}

export function useCarePlan(patientId: string, version: number | null) {
  return useQuery({
    queryKey: consultationKeys.plan(patientId, version),
    queryFn: ({ signal }) =>
      api.get<CarePlanResponse>(
        version === null
          ? `${base(patientId)}/care-plan`
          : `${base(patientId)}/care-plan/versions/${version}`,
        { signal },
      ),
    enabled: patientId !== '',
  });
}

export function useAdjustPlan(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: PlanContent; reason: string; basedOn: number }) =>
      api.post<CarePlanResponse>(`${base(patientId)}/care-plan/versions`, body),
    onSuccess: async (view) => {
      queryClient.setQueryData(consultationKeys.plan(patientId, null), view);
      await queryClient.invalidateQueries({ queryKey: consultationKeys.allPlans(patientId) });
    },
  });
}

export function useEducationArticles() {
  return useQuery({
    queryKey: consultationKeys.education,
    queryFn: async ({ signal }) =>
      (await api.get<{ articles: EducationArticleSummary[] }>('/api/education', { signal })).articles,
    staleTime: 10 * 60_000,
  });
}

/** Therapies ranked for the patient's conditions now (for adjusting a plan outside a consultation). */
export function useRecommendations(patientId: string, enabled = true) {
  return useQuery({
    queryKey: consultationKeys.recommendations(patientId),
    queryFn: ({ signal }) => api.get<RecommendationSet>(`${base(patientId)}/recommendations`, { signal }),
    enabled: enabled && patientId !== '',
  });
}
