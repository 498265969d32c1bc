import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { getCsrfToken, setCsrfToken } from '../../api/csrf-token.ts';
import type { Me } from '../../api/types.ts';
import { meQueryKey } from './me-query.ts';
import {
  clearSessionEnded,
  createUnauthorizedHandler,
  signInPathAfterSignOut,
  wasSessionEnded,
} from './session-expiry.ts';

const me: Me = {
  id: 'u1',
  email: 'lee@example.org',
  name: 'Lee Chen',
  role: 'clinician',
  discipline: 'acupuncture',
  patientId: null,
  csrfToken: 'token-1',
};

afterEach(() => clearSessionEnded());

describe('createUnauthorizedHandler', () => {
  it('forgets a signed-in user and says the session ended', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(meQueryKey, me);
    setCsrfToken('token-1');
    createUnauthorizedHandler(queryClient)();
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
    expect(getCsrfToken()).toBeNull();
    expect(wasSessionEnded()).toBe(true);
    expect(signInPathAfterSignOut()).toBe('/sign-in?reason=session-ended');
  });

  it('sends someone who never signed in to a plain sign-in page', () => {
    const queryClient = new QueryClient();
    createUnauthorizedHandler(queryClient)();
    expect(wasSessionEnded()).toBe(false);
    expect(signInPathAfterSignOut()).toBe('/sign-in');
  });
});
