import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { type Authenticated, authenticate, type Credential } from '../modules/auth/auth-service.ts';
import type { SessionCache } from '../modules/auth/session-cache.ts';
import { userOf } from '../modules/auth/sessions.ts';
import type { RequestContext } from './context.ts';
import { AppError } from './errors.ts';

export const sessionCookie = 'meridian_session';

declare module 'fastify' {
  interface FastifyRequest {
    meridian: RequestContext | null;
  }
  interface FastifyContextConfig {
    /** Routes open without signing in (sign-in, health). Everything else requires a session. */
    public?: boolean;
  }
}

function credentialOf(request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match)
      throw new AppError({
        code: 'UNAUTHENTICATED',
        message: 'The Authorization header must be "Bearer <token>".',
      });
    return { token: match[1]!, via: 'bearer' };
  }
  const cookie = request.cookies[sessionCookie];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Authenticates every /api and /fhir request unless its route is marked public; builds the request context. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps, cache: SessionCache): void {
  app.decorateRequest('meridian', null);
  // On arrival, before the body is read or validated: a request without a session is refused without
  // its body being parsed, and an anonymous caller cannot probe the schemas of routes it may not use.
  // A callback hook rather than an async one: a cached session is settled without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.public || !/^\/(api|fhir)(\/|$)/.test(request.url)) return done();
    // Its errors go to done, never out of the hook: a callback hook reports them there, and a throw
    // inside then() would be a rejection nobody handles.
    const settle = ({ row, now }: Authenticated) => {
      try {
        request.meridian = {
          user: userOf(row),
          sessionId: row.id,
          sessionKind: row.kind,
          csrfToken: row.csrf_token,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          now,
        };
      } catch (error) {
        return done(error as Error);
      }
      done();
    };
    let result: Authenticated | Promise<Authenticated>;
    try {
      const credential = credentialOf(request);
      if (!credential) throw new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
      const csrf = request.headers['x-csrf-token'];
      result = authenticate(
        deps,
        cache,
        credential,
        request.method,
        typeof csrf === 'string' ? csrf : undefined,
      );
    } catch (error) {
      return done(error as Error);
    }
    if (result instanceof Promise) result.then(settle, done);
    else settle(result);
  });
}

/** The context of an authenticated request (routes that are not public always have one). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.meridian) throw new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
  return request.meridian;
}
