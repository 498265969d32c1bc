import type { PlanContent } from '@meridian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { consultationKeys } from '../consultation/consultation-queries.ts';
import type { DueReview, ProgressView, ReviewResult } from './progress-types.ts';

export const progressKeys = {
  progress: (patientId: string) => ['progress', patientId] as const,
  reviewsDue: ['reviews-due'] as const,
};

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

/** The review screen of a patient's plan. */
export function reviewPath(patientId: string): string {
  return `/clinician/patients/${encodeURIComponent(patientId)}/review`;
}

export function useProgress(patientId: string) {
  return useQuery({
    queryKey: progressKeys.progress(patientId),
    queryFn: ({ signal }) => api.get<ProgressView>(`${base(patientId)}/progress?days=120`, { signal }),
    enabled: patientId !== '',
  });
}

export function useReviewsDue() {
  return useQuery({
    queryKey: progressKeys.reviewsDue,
    queryFn: async ({ signal }) =>
      (await api.get<{ reviews: DueReview[] }>('/api/reviews/due', { signal })).reviews,
  });
}

export interface ReviewBody {
  outcome: 'confirmed' | 'adjusted';
  note: string;
  basedOn: number;
  content?: PlanContent;
}

export function useSubmitReview(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => api.post<ReviewResult>(`${base(patientId)}/care-plan/reviews`, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: progressKeys.progress(patientId) }),
        queryClient.invalidateQueries({ queryKey: progressKeys.reviewsDue }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.allPlans(patientId) }),
      ]);
    },
  });
}
