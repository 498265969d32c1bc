import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { BreakGlassGrant, PatientRecord, PatientSummary } from '../../api/types.ts';

export const patientKeys = {
  all: ['patients'] as const,
  list: (q: string) => ['patients', 'list', q] as const,
  detail: (id: string) => ['patients', 'detail', id] as const,
};

export function usePatientList(q: string) {
  return useQuery({
    queryKey: patientKeys.list(q),
    queryFn: async ({ signal }) => {
      const query = q === '' ? '' : `?${new URLSearchParams({ q })}`;
      const body = await api.get<{ patients: PatientSummary[] }>(`/api/patients${query}`, { signal });
      return body.patients;
    },
    // Keeps the previous results on screen while the next search loads.
    placeholderData: keepPreviousData,
  });
}

export function usePatientRecord(id: string | null) {
  return useQuery({
    queryKey: patientKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<PatientRecord>(`/api/patients/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null && id !== '',
  });
}

export function useBreakGlass(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ grant: BreakGlassGrant }>(`/api/patients/${encodeURIComponent(patientId)}/break-glass`, {
        reason,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKeys.detail(patientId) }),
  });
}
