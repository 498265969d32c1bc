import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf, sessionCookie } from '../../http/authenticate.ts';
import type { SessionUser } from '../../http/context.ts';
import { signIn, signOut } from './auth-service.ts';
import type { SessionCache } from './session-cache.ts';

const loginBody = z.strictObject({
  email: z.string().trim().min(3, 'Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1024),
  session: z.enum(['bearer', 'cookie']).default('bearer'),
});

/** The user as the API shows it (the sign-in contract: id, role, patientId, plus names). */
export function publicUser(user: SessionUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    discipline: user.discipline,
    ...(user.patientId ? { patientId: user.patientId } : { patientId: null }),
  };
}

/** Sign-in, sign-out and the signed-in user. */
export function authRoutes(app: FastifyInstance, deps: AppDeps, cache: SessionCache): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, tags: ['auth'], summary: 'Sign in with email and password' },
      config: { public: true },
    },
    async (request, reply) => {
      const { email, password, session } = request.body;
      const meta = {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      };
      const result = await signIn(deps, email, password, session, meta);
      if (session === 'cookie') {
        reply.setCookie(sessionCookie, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.cookieSecure,
          path: '/',
        });
        return { user: publicUser(result.user), csrfToken: result.csrfToken };
      }
      return { token: result.token, user: publicUser(result.user) };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; the token stops working' } },
    async (request, reply) => {
      await signOut(deps, cache, contextOf(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get('/api/me', { schema: { tags: ['auth'], summary: 'The signed-in user' } }, async (request) => {
    const ctx = contextOf(request);
    return { ...publicUser(ctx.user), csrfToken: ctx.csrfToken };
  });
}
