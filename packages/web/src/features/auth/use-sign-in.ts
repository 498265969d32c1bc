import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { setCsrfToken } from '../../api/csrf-token.ts';
import type { LoginResponse } from '../../api/types.ts';
import { meQueryKey } from './me-query.ts';
import { roleHomePath } from './roles.ts';
import { clearSessionEnded } from './session-expiry.ts';

export interface Credentials {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    // A 401 here means wrong credentials, not an ended session: no redirect.
    mutationFn: (credentials: Credentials) =>
      api.post<LoginResponse>(
        '/api/auth/login',
        { ...credentials, session: 'cookie' },
        { redirectOnUnauthorized: false },
      ),
    onSuccess: async ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      clearSessionEnded();
      // Whatever a previous user left in the cache must not leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, { ...user, csrfToken });
      await navigate(roleHomePath(user.role), { replace: true });
    },
  });
}
