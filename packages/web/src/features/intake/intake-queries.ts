import { useDebouncedValue } from '@mantine/hooks';
import type { Intake } from '@meridian/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client.ts';
import type { IntakeResponse, KnowledgeNameKind, KnownName } from '../../api/types.ts';

export const intakeKeys = {
  detail: (patientId: string) => ['intake', patientId] as const,
  names: (kinds: readonly KnowledgeNameKind[], typed: string) =>
    ['knowledge-names', kinds.join(','), typed] as const,
};

const intakePath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/intake`;

export function useIntake(patientId: string) {
  return useQuery({
    queryKey: intakeKeys.detail(patientId),
    queryFn: ({ signal }) => api.get<IntakeResponse>(intakePath(patientId), { signal }),
    enabled: patientId !== '',
  });
}

/** Saving and submitting answer with the intake as stored; it replaces the cached one at once. */
function useIntakeMutation<V>(patientId: string, request: (vars: V) => Promise<IntakeResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (response) => {
      queryClient.setQueryData(intakeKeys.detail(patientId), response);
    },
  });
}

/** PUT: saves the answers as the draft (creating one after a submission). */
export function useSaveIntake(patientId: string) {
  return useIntakeMutation(patientId, (answers: Intake) =>
    apiRequest<IntakeResponse>(intakePath(patientId), { method: 'PUT', body: answers }),
  );
}

/** Saves the answers, then submits the draft to the care team. */
export function useSubmitIntake(patientId: string) {
  const queryClient = useQueryClient();
  return useIntakeMutation(patientId, async (answers: Intake) => {
    const saved = await apiRequest<IntakeResponse>(intakePath(patientId), { method: 'PUT', body: answers });
    queryClient.setQueryData(intakeKeys.detail(patientId), saved);
    const submitted = await api.post<IntakeResponse>(`${intakePath(patientId)}/submit`);
    // The submission adds the medicines to the record and reruns the safety check.
    void queryClient.invalidateQueries({ queryKey: ['regimen', patientId] });
    return submitted;
  });
}

export const suggestionDelayMs = 250;

/**
 * Typing suggestions from the knowledge base for what is typed, ~250 ms after typing stops; none
 * below two letters. While a new answer loads, the last one stays shown.
 */
export function useNameSuggestions(typed: string, kinds: readonly KnowledgeNameKind[]) {
  const [debounced] = useDebouncedValue(typed.trim(), suggestionDelayMs);
  const query = useQuery({
    queryKey: intakeKeys.names(kinds, debounced.toLowerCase()),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ q: debounced });
      for (const kind of kinds) params.append('kind', kind);
      return api.get<{ names: KnownName[] }>(`/api/knowledge/names?${params}`, { signal });
    },
    enabled: debounced.length >= 2,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
  const settled =
    debounced === typed.trim() && debounced.length >= 2 && query.isSuccess && !query.isPlaceholderData;
  return {
    suggestions: debounced.length >= 2 ? (query.data?.names ?? []) : [],
    /** True once the suggestions are for exactly what is typed now. */
    settled,
    error: query.isError ? query.error : null,
  };
}
