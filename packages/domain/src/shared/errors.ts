/** The one catalogue of error codes. The server maps each code to an HTTP status once (http/errors.ts). */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'ACCOUNT_LOCKED',
  'TOO_MANY_ATTEMPTS',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A typed error as a value: a code from the catalogue, a message a person can act on, optional details. */
export interface DomainError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Builds a DomainError. */
export function domainError(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return details ? { code, message, details } : { code, message };
}
