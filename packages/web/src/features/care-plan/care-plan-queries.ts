import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CarePlanResponse, EducationArticle, VisitSummaryListItem } from '../../api/types.ts';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const carePlanKeys = {
  plan: (patientId: string) => ['care-plan', patientId] as const,
  summaries: (patientId: string) => ['visit-summaries', patientId] as const,
  article: (articleId: string) => ['education', articleId] as const,
};

export function useCarePlan(patientId: string) {
  return useQuery({
    queryKey: carePlanKeys.plan(patientId),
    queryFn: ({ signal }) => api.get<CarePlanResponse>(`${base(patientId)}/care-plan`, { signal }),
    enabled: patientId !== '',
  });
}

export function useVisitSummaries(patientId: string) {
  return useQuery({
    queryKey: carePlanKeys.summaries(patientId),
    queryFn: ({ signal }) =>
      api.get<{ summaries: VisitSummaryListItem[] }>(`${base(patientId)}/visit-summaries`, { signal }),
    enabled: patientId !== '',
  });
}

/** One education article in full; articles change only with a release, so they stay fresh long. */
export function useEducationArticle(articleId: string) {
  return useQuery({
    queryKey: carePlanKeys.article(articleId),
    queryFn: ({ signal }) =>
      api.get<{ article: EducationArticle }>(`/api/education/${encodeURIComponent(articleId)}`, { signal }),
    enabled: articleId !== '',
    staleTime: 30 * 60_000,
  });
}
