/** A failed API call, carrying the server's machine code and its human message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Whatever else the error body carried (e.g. `retryAt`, `breakGlassAllowed`). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Proxies and crashed servers answer with HTML or nothing at all, so every
// field is checked and a readable fallback is used instead of "undefined".
export function toApiError(status: number, body: unknown): ApiError {
  const fallbackMessage =
    status >= 500
      ? 'The server had a problem. Please try again in a moment.'
      : `The request failed (HTTP ${status}).`;
  if (!isRecord(body) || !isRecord(body.error)) {
    return new ApiError(status, 'HTTP_ERROR', fallbackMessage);
  }
  const { code, message, ...rest } = body.error;
  // Some fields (like breakGlassAllowed) sit beside `error` rather than inside it.
  const { error: _error, ...outer } = body;
  return new ApiError(
    status,
    typeof code === 'string' && code !== '' ? code : 'HTTP_ERROR',
    typeof message === 'string' && message !== '' ? message : fallbackMessage,
    { ...outer, ...rest },
  );
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
