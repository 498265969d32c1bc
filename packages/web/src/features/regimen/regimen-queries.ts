import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { NewRegimenItem, RegimenView, SafetyCheckResult } from '../../api/types.ts';

export const regimenKeys = {
  all: ['regimen'] as const,
  detail: (patientId: string) => ['regimen', patientId] as const,
  check: (inputs: readonly string[]) => ['safety-check', ...inputs] as const,
};

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export function useRegimen(patientId: string) {
  return useQuery({
    queryKey: regimenKeys.detail(patientId),
    queryFn: ({ signal }) => api.get<RegimenView>(`${base(patientId)}/regimen`, { signal }),
    enabled: patientId !== '',
  });
}

/**
 * Every change answers with the rechecked regimen: it is shown at once, and the
 * query is invalidated as well so the list and the safety panel never drift apart.
 */
function useRegimenMutation<V>(patientId: string, request: (vars: V) => Promise<RegimenView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (view) => {
      queryClient.setQueryData(regimenKeys.detail(patientId), view);
      await queryClient.invalidateQueries({ queryKey: regimenKeys.detail(patientId) });
    },
  });
}

export function useAddRegimenItem(patientId: string) {
  return useRegimenMutation(patientId, (item: NewRegimenItem) =>
    api.post<RegimenView>(`${base(patientId)}/regimen`, item),
  );
}

export function useStopRegimenItem(patientId: string) {
  return useRegimenMutation(patientId, (itemId: string) =>
    api.post<RegimenView>(`${base(patientId)}/regimen/${encodeURIComponent(itemId)}/stop`),
  );
}

export function useAcknowledgeFinding(patientId: string) {
  return useRegimenMutation(patientId, ({ findingId, note }: { findingId: string; note: string }) =>
    api.post<RegimenView>(`${base(patientId)}/safety-findings/${encodeURIComponent(findingId)}/acknowledge`, {
      note,
    }),
  );
}

export const previewDelayMs = 300;

/**
 * A live safety check of the current list plus a draft, run ~300 ms after typing
 * stops. `inputs` is null when there is nothing worth checking yet. The inputs are
 * debounced as one string so a new array with the same content does not restart the wait.
 */
export function useSafetyPreview(inputs: readonly string[] | null) {
  const key = inputs === null ? '' : JSON.stringify(inputs);
  const [debouncedKey] = useDebouncedValue(key, previewDelayMs);
  const debounced = debouncedKey === '' ? null : (JSON.parse(debouncedKey) as string[]);
  const query = useQuery({
    queryKey: regimenKeys.check(debounced ?? []),
    queryFn: ({ signal }) =>
      api.post<SafetyCheckResult>('/api/safety/check', { items: debounced }, { signal }),
    enabled: debounced !== null && debounced.length > 0,
    staleTime: 5 * 60_000,
  });
  return {
    /** The answer for what is typed now; undefined while typing or checking. */
    result: key !== '' && key === debouncedKey ? query.data : undefined,
    checking: key !== '' && (key !== debouncedKey || query.isFetching),
    error: key !== '' && key === debouncedKey && query.isError ? query.error : null,
  };
}
