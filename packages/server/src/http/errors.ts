import type { DomainError, ErrorCode } from '@meridian/domain';

/** HTTP status of each error code: the one place where codes become statuses. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A DomainError thrown through the server; the error handler turns it into an answer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(error: DomainError, headers: Record<string, string> = {}) {
    super(error.message);
    this.name = 'AppError';
    this.code = error.code;
    this.details = error.details;
    this.headers = headers;
  }

  get status(): number {
    return httpStatus[this.code];
  }

  /** The JSON body sent to the client. */
  toBody(): { error: { code: ErrorCode; message: string } & Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

/** Shorthand for throwing an AppError. */
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new AppError(details ? { code, message, details } : { code, message });
}
