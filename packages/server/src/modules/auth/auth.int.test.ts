import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers });

describe('signing in', () => {
  it('answers a token and the user, and the token works on /api/me', async () => {
    const res = await login({ email: personas.maria.email, password: 'meridian-demo' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.user).toMatchObject({
      role: 'patient',
      patientId: expect.any(String),
      id: expect.any(String),
    });
    const me = await t.app.inject({ url: '/api/me', headers: bearer(body.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: body.user.id,
      email: personas.maria.email,
      role: 'patient',
      name: 'Maria Lopez',
    });
  });

  it('gives each demo role its role, and clinicians their discipline', async () => {
    const cases = [
      [personas.drPatel.email, 'clinician', 'physician'],
      [personas.coordinator.email, 'coordinator', null],
      [personas.volunteer.email, 'volunteer', null],
      [personas.admin.email, 'admin', null],
    ] as const;
    for (const [email, role, discipline] of cases) {
      const me = (await t.app.inject({ url: '/api/me', headers: bearer(await t.login(email)) })).json();
      expect(me).toMatchObject({ email, role, discipline, patientId: null });
    }
  });

  it('refuses a wrong password with 401 and records the failure in the audit trail', async () => {
    const res = await login({ email: personas.james.email, password: 'not-the-password' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('not correct'),
    });
    const rows = await t.db.query<{ outcome: string; actor_email: string }>(
      "SELECT outcome, actor_email FROM audit_events WHERE action = 'login' AND actor_email = $1",
      [personas.james.email],
    );
    expect(rows.map((r) => r.outcome)).toContain('failure');
    await t.login(personas.james.email); // a good sign-in clears the count
  });

  it('refuses malformed sign-in bodies with 400 and a message', async () => {
    const missing = await login({ email: personas.maria.email });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION');
    const extra = await login({ email: personas.maria.email, password: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBe('The request body is not valid JSON.');
  });

  it('refuses a body larger than the limit with 413', async () => {
    const res = await login({ email: personas.maria.email, password: 'x'.repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('revokes the token on sign-out', async () => {
    const token = await t.login(personas.maria.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
  });

  it('is honoured by another Meridian node on the same database within the session cache time', async () => {
    const { buildApp } = await import('../../app.ts');
    const otherNode = await buildApp({ config: t.config, db: t.db, clock: t.clock, sleep: async () => {} });
    try {
      const token = await t.login(personas.maria.email);
      expect((await otherNode.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
      t.clock.advance(t.config.sessionCacheMs + 1);
      expect((await otherNode.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    } finally {
      await otherNode.close();
    }
  });

  it('ends a session after 15 idle minutes but keeps an active one alive', async () => {
    const token = await t.login(personas.maria.email);
    t.clock.advance(14 * 60_000);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    t.clock.advance(14 * 60_000);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    const expired = await t.app.inject({ url: '/api/me', headers: bearer(token) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toContain('15 minutes without activity');
  });
});

describe('cookie sessions for the web app', () => {
  it('sets an HttpOnly SameSite cookie and requires the CSRF token on writes', async () => {
    const res = await login({ email: personas.maria.email, password: 'meridian-demo', session: 'cookie' });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toBeUndefined();
    const csrf = res.json().csrfToken as string;
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/meridian_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().csrfToken).toBe(csrf);
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('does not accept a bearer token presented as a cookie', async () => {
    const token = await t.login(personas.maria.email);
    const res = await t.app.inject({ url: '/api/me', headers: { cookie: `meridian_session=${token}` } });
    expect(res.statusCode).toBe(401);
  });
});

describe('locking repeated failed sign-ins', () => {
  it('locks the account after 10 wrong passwords; the 11th try with the right password is refused with when to retry', async () => {
    const email = personas.coordinator.email;
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await login({ email, password: `wrong-${i}` })).statusCode);
    }
    expect(answers.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(answers[9]).toBe(429);
    // Failures after the third were answered ever more slowly.
    expect(t.sleeps.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(6);

    const right = await login({ email, password: 'meridian-demo' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(right.json().error.message).toMatch(/Try again after 2026-11-22 \d\d:\d\d UTC \(in 15 minutes\)/);
    expect(Number(right.headers['retry-after'])).toBe(900);

    t.clock.advance(15 * 60_000 + 1000);
    expect((await login({ email, password: 'meridian-demo' })).statusCode).toBe(200);
  });

  it('locks an address that fails on many accounts (credential stuffing)', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const stuffing = await createTestApp({ trustProxy: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) {
        const res = await stuffing.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers,
          payload: { email: `nobody${i}@example.org`, password: 'guess' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 49).every((s) => s === 401)).toBe(true);
      expect(statuses[50]).toBe(429);
      const fromThere = await stuffing.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { email: personas.maria.email, password: 'meridian-demo' },
      });
      expect(fromThere.json().error.code).toBe('TOO_MANY_ATTEMPTS');
      const elsewhere = await stuffing.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '198.51.100.7' },
        payload: { email: personas.maria.email, password: 'meridian-demo' },
      });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await stuffing.close();
    }
  });
});
