import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, isApiError, toApiError } from './api-error.ts';

describe('toApiError', () => {
  it('reads the code and message from a standard error body', () => {
    const error = toApiError(401, {
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toBe('Wrong email or password.');
  });

  it('keeps extra fields inside and beside the error object', () => {
    const error = toApiError(429, {
      error: { code: 'ACCOUNT_LOCKED', message: 'Locked until 2:05 PM.', retryAt: '2030-01-01T00:00:00Z' },
    });
    expect(error.details.retryAt).toBe('2030-01-01T00:00:00Z');
    const notFound = toApiError(404, {
      error: { code: 'NOT_FOUND', message: 'Not found.' },
      breakGlassAllowed: true,
    });
    expect(notFound.details.breakGlassAllowed).toBe(true);
  });

  it('falls back to a readable message for bodies that are not API errors', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').message).toMatch(/server had a problem/);
    const error = toApiError(418, undefined);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.message).toContain('418');
    expect(toApiError(400, { error: { code: 42 } }).code).toBe('HTTP_ERROR');
  });
});

describe('isApiError and errorMessage', () => {
  it('matches on status when asked', () => {
    const error = new ApiError(404, 'NOT_FOUND', 'Not found.');
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 404)).toBe(true);
    expect(isApiError(error, 401)).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });

  it('turns anything thrown into a message for people', () => {
    expect(errorMessage(new ApiError(400, 'VALIDATION', 'Email is required.'))).toBe('Email is required.');
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/reach the server/);
    expect(errorMessage('boom')).toBe('Something went wrong.');
  });
});
