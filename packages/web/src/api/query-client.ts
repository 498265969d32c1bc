import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

// A 4xx answer will not change on retry (and retrying a 401 or 404 only delays
// the message), so only network failures and 5xx are retried.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
