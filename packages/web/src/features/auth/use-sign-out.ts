import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { setCsrfToken } from '../../api/csrf-token.ts';
import { meQueryKey } from './me-query.ts';
import { clearSessionEnded } from './session-expiry.ts';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOnUnauthorized: false }),
    // Even when the server call fails (session already gone, network down) the
    // person asked to leave, so the local session is dropped either way. With no
    // user, the RequireAuth guard redirects to sign-in and clears cached data.
    onSettled: () => {
      setCsrfToken(null);
      clearSessionEnded();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
