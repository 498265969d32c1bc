import type { IssueType } from './codes.ts';
import type { OperationOutcome } from './types.ts';

/** One OperationOutcome with one issue: how every FHIR error is answered. */
export function operationOutcome(
  code: IssueType,
  diagnostics: string,
  severity: OperationOutcome['issue'][number]['severity'] = 'error',
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/** The FHIR issue type for each Meridian error code (see the domain's error catalogue). */
export const issueTypeOf: Record<string, IssueType> = {
  VALIDATION: 'invalid',
  UNAUTHENTICATED: 'login',
  INVALID_CREDENTIALS: 'login',
  CSRF: 'security',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'too-costly',
  ACCOUNT_LOCKED: 'security',
  TOO_MANY_ATTEMPTS: 'throttled',
  UNAVAILABLE: 'exception',
  INTERNAL: 'exception',
};
