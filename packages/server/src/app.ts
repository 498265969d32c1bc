import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { fhirClinicalRoutes } from './fhir/fhir-clinical-routes.ts';
import { fhirDirectoryRoutes } from './fhir/fhir-directory-routes.ts';
import { fhirDocumentRoutes } from './fhir/fhir-document-routes.ts';
import { fhirImportRoutes } from './fhir/fhir-import-routes.ts';
import { fhirProgressRoutes } from './fhir/fhir-progress-routes.ts';
import { fhirRoutes } from './fhir/fhir-routes.ts';
import { fhirSchedulingRoutes } from './fhir/fhir-scheduling-routes.ts';
import { isFhirRequest, sendOutcome } from './fhir/outcomes.ts';
import { registerAuthentication } from './http/authenticate.ts';
import { AppError } from './http/errors.ts';
import { recordRoutes } from './http/route-table.ts';
import { mayCarryPatientData, registerSecurityHeaders, securityHeaders } from './http/security-headers.ts';
import { adminRoutes } from './modules/admin/admin-routes.ts';
import { authRoutes } from './modules/auth/auth-routes.ts';
import { SessionCache } from './modules/auth/session-cache.ts';
import { bedsideRoutes } from './modules/bedside/bedside-routes.ts';
import { consultationRoutes } from './modules/consultations/consultation-routes.ts';
import { educationRoutes } from './modules/education/education-routes.ts';
import { intakeRoutes } from './modules/intake/intake-routes.ts';
import { locationsRoutes } from './modules/locations/locations-routes.ts';
import { outcomesRoutes } from './modules/outcomes/outcomes-routes.ts';
import { patientsRoutes } from './modules/patients/patients-routes.ts';
import { planRoutes } from './modules/plans/plan-routes.ts';
import { progressRoutes } from './modules/progress/progress-routes.ts';
import { regimenRoutes } from './modules/regimen/regimen-routes.ts';
import { safetyRoutes } from './modules/safety/safety-routes.ts';
import { configurationRoutes } from './modules/scheduling/configuration-routes.ts';
import { schedulingRoutes } from './modules/scheduling/scheduling-routes.ts';
import { waitlistRoutes } from './modules/scheduling/waitlist-routes.ts';
import { summaryRoutes } from './modules/summaries/summary-routes.ts';
import { volunteerRoutes } from './modules/volunteer/volunteer-routes.ts';

/** Turns any thrown error into the one JSON error shape, with a message a person can act on. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const message = fe.validation
      .map((v) => {
        const where = [fe.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.')]
          .filter(Boolean)
          .join(' ');
        return v.keyword === 'unrecognized_keys' ? `${where}: ${v.message}` : `${where}: ${v.message}`;
      })
      .join('; ');
    return new AppError({ code: 'VALIDATION', message: `The request is not valid. ${message}` });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large. Send less data at once.',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError({ code: 'VALIDATION', message: 'The request body is not valid JSON.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError({
        code: 'VALIDATION',
        message: 'Send the body as JSON with Content-Type: application/json.',
      });
    // Raised by the router before any hook runs (see frameworkErrors in buildApp).
    case 'FST_ERR_BAD_URL':
      return new AppError({
        code: 'VALIDATION',
        message: 'A part of the address is not correctly percent-encoded.',
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError({
        code: 'VALIDATION',
        message: 'A part of the address is too long to be an id (at most 100 characters).',
      });
    // PostgreSQL refused a value the client sent, so the statement (and its transaction) changed
    // nothing: a NUL character, which Postgres text cannot hold (SQLSTATE 22021), or a date that
    // passed a format check but is not on the calendar, e.g. 2026-02-30 (22007, 22008).
    case '22021':
      return new AppError({
        code: 'VALIDATION',
        message: 'The request contains a NUL character (\\u0000); Meridian does not accept it in text.',
      });
    case '22007':
    case '22008': {
      const value = /"([^"]{1,40})"/.exec(fe.message)?.[1];
      return new AppError({
        code: 'VALIDATION',
        message: `A date or time in the request is not a real one${value ? ` ("${value}")` : ''}. Give an existing date as YYYY-MM-DD.`,
      });
    }
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError({ code: 'VALIDATION', message: 'The request body is not valid JSON.' });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError({ code: 'VALIDATION', message: fe.message });
  }
  return new AppError({
    code: 'INTERNAL',
    message: 'Something went wrong on our side. Nothing was saved; please try again.',
  });
}

/** Builds the Meridian HTTP app (API and web app) without listening, so tests can inject requests. */
export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Wait for in-flight requests on close; answer new ones 503 while draining.
    return503OnClosing: true,
    // A malformed or over-long path segment is refused by the router before any hook runs; without
    // this, Fastify answers with its own JSON (echoing the path) and without the security headers.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      const appError = toAppError(error);
      reply.headers(securityHeaders({ hsts: config.cookieSecure }));
      if (mayCarryPatientData(request.url)) reply.header('cache-control', 'no-store');
      if (isFhirRequest(request)) return sendOutcome(reply, appError);
      return reply.code(appError.status).send(appError.toBody());
    },
  });
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  registerSecurityHeaders(app, { hsts: config.cookieSecure });
  await app.register(swagger, {
    openapi: { info: { title: 'Meridian API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    if (isFhirRequest(request)) return sendOutcome(reply, appError);
    return reply.code(appError.status).headers(appError.headers).send(appError.toBody());
  });

  const sessions = new SessionCache(config.sessionCacheMs);
  registerAuthentication(app, deps, sessions);

  app.get('/healthz', { config: { public: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true } }, async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1');
      return { status: 'ready', database: deps.db.kind };
    } catch {
      return reply
        .code(503)
        .send({ error: { code: 'UNAVAILABLE', message: 'The database does not answer.' } });
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  authRoutes(app, deps, sessions);
  patientsRoutes(app, deps);
  locationsRoutes(app, deps);
  volunteerRoutes(app, deps);
  adminRoutes(app, deps);
  safetyRoutes(app);
  regimenRoutes(app, deps);
  intakeRoutes(app, deps);
  educationRoutes(app);
  consultationRoutes(app, deps);
  planRoutes(app, deps);
  summaryRoutes(app, deps);
  progressRoutes(app, deps);
  outcomesRoutes(app, deps);
  schedulingRoutes(app, deps);
  waitlistRoutes(app, deps);
  bedsideRoutes(app, deps);
  configurationRoutes(app, deps);
  fhirRoutes(app, deps);
  fhirSchedulingRoutes(app, deps);
  fhirClinicalRoutes(app, deps);
  fhirImportRoutes(app, deps);
  fhirProgressRoutes(app, deps);
  fhirDirectoryRoutes(app, deps);
  fhirDocumentRoutes(app, deps);

  const webIndex = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(webIndex);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (isFhirRequest(request)) {
      return sendOutcome(
        reply,
        new AppError({
          code: 'NOT_FOUND',
          message: `This server does not support ${request.method} ${request.url.split('?')[0]}; see /fhir/R4/metadata.`,
        }),
      );
    }
    const isApi = /^\/(api|fhir)(\/|$)/.test(request.url);
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `Nothing here: ${request.method} ${request.url.split('?')[0]}` },
    });
  });
  return app;
}
