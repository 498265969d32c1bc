import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ProgressView } from '../../api/types.ts';

export const progressKeys = {
  /** The prefix every progress view of a patient shares (a diary save or an answer refreshes them). */
  patient: (patientId: string) => ['progress', patientId] as const,
  view: (patientId: string, days: number) => ['progress', patientId, days] as const,
};

/** Diary, questionnaires, sessions, plan versions and goals over the last `days` days. */
export function useProgress(patientId: string, days = 90) {
  return useQuery({
    queryKey: progressKeys.view(patientId, days),
    queryFn: ({ signal }) =>
      api.get<ProgressView>(`/api/patients/${encodeURIComponent(patientId)}/progress?days=${days}`, {
        signal,
      }),
    enabled: patientId !== '',
  });
}
