import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { api, onUnauthorized } from './client.ts';
import { setCsrfToken } from './csrf-token.ts';

function stubFetch(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof stubFetch>): Headers {
  return new Headers(fetchMock.mock.calls[0]?.[1]?.headers);
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onUnauthorized(null);
});

describe('api client', () => {
  it('sends the session cookie and no CSRF token on GET', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(200, { ok: true });
    await expect(api.get('/api/me')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
    expect(sentHeaders(fetchMock).has('X-CSRF-Token')).toBe(false);
  });

  it('sends the CSRF token and a JSON body on POST', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(201, { grant: {} });
    await api.post('/api/patients/p1/break-glass', { reason: 'Unresponsive in ED' });
    expect(sentHeaders(fetchMock).get('X-CSRF-Token')).toBe('token-1');
    expect(sentHeaders(fetchMock).get('Content-Type')).toBe('application/json');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"reason":"Unresponsive in ED"}');
  });

  it('resolves 204 responses to undefined', async () => {
    stubFetch(204);
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('throws a typed ApiError carrying status, code and message', async () => {
    stubFetch(429, { error: { code: 'TOO_MANY_ATTEMPTS', message: 'Try again in 5 minutes.' } });
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Try again in 5 minutes.',
    });
  });

  it('reports 401 to the unauthorized handler unless told not to', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    stubFetch(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } });
    await expect(api.get('/api/patients')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(api.post('/api/auth/login', {}, { redirectOnUnauthorized: false })).rejects.toThrow(
      'Sign in.',
    );
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
