import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { setCsrfToken } from '../../api/csrf-token.ts';
import { meQueryKey } from './me-query.ts';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOnUnauthorized: false }),
    // Even when the server call fails (session already gone, network down) the
    // person asked to leave, so the local session is dropped either way.
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.setQueryData(meQueryKey, null);
      await navigate('/sign-in', { replace: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
