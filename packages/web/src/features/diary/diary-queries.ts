import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import type { DiaryEntry, DiaryInput, DiaryResponse } from '../../api/types.ts';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const diaryKeys = {
  list: (patientId: string) => ['diary', patientId] as const,
  /** Every progress view of the patient (whatever its range), refreshed after a diary save. */
  progress: (patientId: string) => ['progress', patientId] as const,
};

/** The last 90 days of entries, with today in the patient's zone. */
export function useDiary(patientId: string) {
  return useQuery({
    queryKey: diaryKeys.list(patientId),
    queryFn: ({ signal }) => api.get<DiaryResponse>(`${base(patientId)}/diary`, { signal }),
    enabled: patientId !== '',
  });
}

/** Replaces the entry of one day with the answers given; the list shows the saved entry at once. */
export function useSaveDiary(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, input }: { date: string; input: DiaryInput }) =>
      apiRequest<{ entry: DiaryEntry }>(`${base(patientId)}/diary/${encodeURIComponent(date)}`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: ({ entry }) => {
      queryClient.setQueryData<DiaryResponse>(diaryKeys.list(patientId), (current) =>
        current
          ? {
              ...current,
              entries: [...current.entries.filter((e) => e.date !== entry.date), entry].sort((a, b) =>
                a.date.localeCompare(b.date),
              ),
            }
          : current,
      );
      void queryClient.invalidateQueries({ queryKey: diaryKeys.progress(patientId) });
    },
  });
}

export interface DiaryReminder {
  enabled: boolean;
  /** HH:MM in the patient's location's zone. */
  time: string;
}

/** The daily reminder to fill in the diary (off until the patient turns it on). */
export function useDiaryReminder(patientId: string) {
  return useQuery({
    queryKey: ['diary-reminder', patientId] as const,
    queryFn: ({ signal }) =>
      api.get<{ reminder: DiaryReminder }>(`${base(patientId)}/diary/reminder`, { signal }),
    enabled: patientId !== '',
  });
}

export function useSaveDiaryReminder(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reminder: DiaryReminder) =>
      apiRequest<{ reminder: DiaryReminder }>(`${base(patientId)}/diary/reminder`, {
        method: 'PUT',
        body: reminder,
      }),
    onSuccess: (data) => queryClient.setQueryData(['diary-reminder', patientId], data),
  });
}
