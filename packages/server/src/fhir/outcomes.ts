import { issueTypeOf, operationOutcome } from '@meridian/fhir';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../http/errors.ts';

export const fhirJson = 'application/fhir+json; charset=utf-8';

export function isFhirRequest(request: FastifyRequest): boolean {
  return /^\/fhir(\/|$)/.test(request.url);
}

/** Every error on /fhir is answered as an OperationOutcome with the same status the API would use. */
export function sendOutcome(reply: FastifyReply, error: AppError) {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type(fhirJson)
    .send(operationOutcome(issueTypeOf[error.code] ?? 'exception', error.message));
}
