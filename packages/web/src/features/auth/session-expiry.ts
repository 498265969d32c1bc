import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../api/csrf-token.ts';
import type { Me } from '../../api/types.ts';
import { meQueryKey } from './me-query.ts';

export const sessionEndedReason = 'session-ended';

interface Navigator {
  navigate: (to: string, options: { replace: boolean }) => Promise<void>;
  currentPath: () => string;
}

/**
 * What happens when any API call answers 401. Sessions end after 15 idle
 * minutes; someone who was signed in is told so, someone who never was is
 * just shown the sign-in form.
 */
export function createUnauthorizedHandler(queryClient: QueryClient, navigator: Navigator): () => void {
  return () => {
    const wasSignedIn = queryClient.getQueryData<Me | null>(meQueryKey) != null;
    setCsrfToken(null);
    queryClient.setQueryData(meQueryKey, null);
    if (navigator.currentPath() === '/sign-in') return;
    const target = wasSignedIn ? `/sign-in?reason=${sessionEndedReason}` : '/sign-in';
    void navigator.navigate(target, { replace: true }).then(() => {
      // Patient data from the ended session should not linger in memory.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    });
  };
}
