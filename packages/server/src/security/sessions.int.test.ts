import { randomBytes } from 'node:crypto';
import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Session fixation and token reuse (OWASP ASVS 3.2.1, 3.3.1, 3.5; HIPAA 164.312(a)(2)(iii), (d)): the
// server alone chooses session tokens, a new one at every sign-in; a token stops working everywhere it
// could be presented once its session is signed out; signing out ends that session and no other.
// (Lockout, CSRF and the basic sign-out are in modules/auth/auth.int.test.ts.)

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (headers: Record<string, string>) => t.app.inject({ url: '/api/me', headers });

async function cookieSignIn(email: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { email, password: 'meridian-demo', session: 'cookie' },
  });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: res.json().csrfToken as string, token: cookie.split('=')[1]! };
}

const signOut = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });

describe('session fixation', () => {
  it('never accepts a token the client made up, as a bearer token or as a cookie', async () => {
    const chosen = randomBytes(32).toString('base64url');
    for (const headers of [bearer(chosen), { cookie: `meridian_session=${chosen}` }]) {
      expect((await me(headers)).statusCode).toBe(401);
      expect((await t.app.inject({ url: '/fhir/R4/Patient', headers })).statusCode).toBe(401);
    }
  });

  it('issues a new cookie at sign-in and leaves a planted one as it was', async () => {
    // The attacker signs in, then plants their own session cookie in the victim's browser.
    const attacker = await cookieSignIn(personas.james.email);
    const victim = await cookieSignIn(personas.maria.email, { cookie: attacker.cookie });
    expect(victim.token).not.toBe(attacker.token);
    expect(victim.csrf).not.toBe(attacker.csrf);
    // The planted cookie did not become the victim's session: it is still the attacker's.
    expect((await me({ cookie: attacker.cookie })).json().email).toBe(personas.james.email);
    expect((await me({ cookie: victim.cookie })).json().email).toBe(personas.maria.email);
    // A cookie chosen by the attacker and sent with the sign-in is not adopted either.
    const chosen = `meridian_session=${randomBytes(32).toString('base64url')}`;
    const fresh = await cookieSignIn(personas.maria.email, { cookie: chosen });
    expect(fresh.cookie).not.toBe(chosen);
    expect((await me({ cookie: chosen })).statusCode).toBe(401);
  });

  it('gives every sign-in its own token, and stores only its hash', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(await t.login(personas.maria.email));
    expect(new Set(tokens).size).toBe(3);
    const stored = await t.db.query<{ id: string; csrf_token: string | null }>(
      'SELECT id, csrf_token FROM sessions',
    );
    for (const token of tokens) {
      expect(stored.some((s) => s.id === token || s.csrf_token === token)).toBe(false);
    }
    // What the table holds (a copy of it, say) does not work as a token.
    expect((await me(bearer(stored[0]!.id.slice(0, 64)))).statusCode).toBe(401);
  });

  it('takes a session only from the Authorization header or the cookie, never from the address', async () => {
    const token = await t.login(personas.maria.email);
    for (const url of [
      `/api/me?token=${token}`,
      `/api/me?access_token=${token}`,
      `/api/me;jsessionid=${token}`,
    ])
      expect((await t.app.inject({ url })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.app.inject({ url: `/api/me?access_token=${token}` })).statusCode).toBe(401);
  });

  it('does not accept a cookie session token as a bearer token', async () => {
    const { token, cookie } = await cookieSignIn(personas.maria.email);
    expect((await me({ cookie })).statusCode).toBe(200);
    expect((await me(bearer(token))).statusCode).toBe(401);
  });
});

describe('token reuse after sign-out', () => {
  it('refuses a signed-out bearer token on reads, writes, FHIR and a second sign-out', async () => {
    const headers = bearer(await t.login(personas.maria.email));
    const mariaId = (await me(headers)).json().patientId as string;
    expect((await signOut(headers)).statusCode).toBe(204);
    const answers = [
      await me(headers),
      await t.app.inject({ url: `/api/patients/${mariaId}/regimen`, headers }),
      await t.app.inject({ url: `/fhir/R4/Patient/${mariaId}`, headers }),
      await t.app.inject({
        method: 'PUT',
        url: `/api/patients/${mariaId}/diary/2026-11-22`,
        headers,
        payload: { painNow: 3 },
      }),
      await signOut(headers),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[2]!.json().resourceType).toBe('OperationOutcome');
  });

  it('refuses a signed-out cookie (even with its CSRF token) and clears it in the browser', async () => {
    const { cookie, csrf } = await cookieSignIn(personas.maria.email);
    const out = await signOut({ cookie, 'x-csrf-token': csrf });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/meridian_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me({ cookie })).statusCode).toBe(401);
    expect((await signOut({ cookie, 'x-csrf-token': csrf })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/fhir/R4/Observation', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses the token of a disabled account at once, whatever the session says', async () => {
    const headers = bearer(await t.login(personas.volunteer.email));
    expect((await me(headers)).statusCode).toBe(200);
    await t.db.query('UPDATE users SET active = false WHERE email = $1', [personas.volunteer.email]);
    t.clock.advance(t.config.sessionCacheMs + 1);
    expect((await me(headers)).statusCode).toBe(401);
  });
});

describe('signing out one session', () => {
  it('ends that session only: the same person’s other sessions and other people’s keep working', async () => {
    const phone = bearer(await t.login(personas.maria.email));
    const browser = await cookieSignIn(personas.maria.email);
    const laptop = bearer(await t.login(personas.maria.email));
    const doctor = bearer(await t.login(personas.drPatel.email));

    expect((await signOut(phone)).statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    for (const headers of [{ cookie: browser.cookie }, laptop, doctor])
      expect((await me(headers)).statusCode).toBe(200);

    expect((await signOut({ cookie: browser.cookie, 'x-csrf-token': browser.csrf })).statusCode).toBe(204);
    expect((await me({ cookie: browser.cookie })).statusCode).toBe(401);
    for (const headers of [laptop, doctor]) expect((await me(headers)).statusCode).toBe(200);
  });
});
