import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { setCsrfToken } from '../../api/csrf-token.ts';
import type { Me } from '../../api/types.ts';

export const meQueryKey = ['me'] as const;

// "Signed out" is an ordinary answer here, not an error: null means no session.
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me', { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
