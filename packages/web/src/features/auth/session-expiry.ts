import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../api/csrf-token.ts';
import type { Me } from '../../api/types.ts';
import { meQueryKey } from './me-query.ts';

export const sessionEndedReason = 'session-ended';

// Sessions end after 15 idle minutes. Someone who was signed in should be told
// why they are back at the sign-in form; someone who never signed in should not.
// The flag outlives the unmounted screens, so it is kept here, not in a component.
let sessionEnded = false;

export function wasSessionEnded(): boolean {
  return sessionEnded;
}

export function clearSessionEnded(): void {
  sessionEnded = false;
}

export function signInPathAfterSignOut(): string {
  return sessionEnded ? `/sign-in?reason=${sessionEndedReason}` : '/sign-in';
}

/**
 * What happens when any API call answers 401: forget the user, and let the
 * RequireAuth guard (which watches the "me" query) do the redirect. Redirecting
 * from here as well would race the guard's own redirect.
 */
export function createUnauthorizedHandler(queryClient: QueryClient): () => void {
  return () => {
    if (queryClient.getQueryData<Me | null>(meQueryKey) != null) sessionEnded = true;
    setCsrfToken(null);
    queryClient.setQueryData(meQueryKey, null);
  };
}
