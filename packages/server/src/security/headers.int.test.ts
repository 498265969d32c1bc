import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

// Security headers on every kind of answer (OWASP ASVS 14.4, 8.2.1; HIPAA 164.312(e)): the API, the
// FHIR API, the web app's page and files, downloads and errors all carry the content security policy
// (no inline script, never framed), nosniff and no referrer; answers with patient data are never
// cached; HSTS is sent when Meridian is served over TLS (cookieSecure) and only then.
// (http/security-headers.int.test.ts has the policy's details for /healthz.)

let plain: TestApp;
let tls: TestApp;
beforeAll(async () => {
  plain = await createTestApp();
  tls = await createTestApp({ cookieSecure: true });
});
afterAll(async () => {
  await Promise.all([plain.close(), tls.close()]);
});

/** One answer of each kind, as Maria (patient) or an administrator. */
async function answers(t: TestApp) {
  const maria = bearer(await t.login(personas.maria.email));
  const admin = bearer(await t.login(personas.admin.email));
  const id = (await t.app.inject({ url: '/api/me', headers: maria })).json().patientId as string;
  const [summary] = await t.db.query<{ id: string }>('SELECT id FROM visit_summaries WHERE patient_id = $1', [
    id,
  ]);
  const get = (url: string, headers: Record<string, string> = maria) => t.app.inject({ url, headers });
  const index = await get('/', {});
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
  return {
    patientData: {
      'API record': await get(`/api/patients/${id}`),
      'API letter (HTML)': await get(`/api/patients/${id}/visit-summaries/${summary!.id}/letter.html`),
      'API letter (PDF)': await get(`/api/patients/${id}/visit-summaries/${summary!.id}/letter.pdf`),
      'API audit CSV': await get('/api/admin/audit.csv?limit=1', admin),
      'FHIR read': await get(`/fhir/R4/Patient/${id}`),
      'FHIR search': await get(`/fhir/R4/Observation?patient=${id}&_count=1`),
      'FHIR document': await get(`/fhir/R4/Composition/${summary!.id}/$document`),
    },
    other: {
      'web page': index,
      'web page of a deep link': await get('/patients/123/plan', {}),
      ...(script ? { 'web script': await get(script, {}) } : {}),
      'FHIR metadata': await get('/fhir/R4/metadata', {}),
      'API 401': await get('/api/me', {}),
      'API 400': await get('/api/patients?q=x&nope=1'),
      'API 413': await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@example.org', password: 'x'.repeat(t.config.bodyLimit) },
      }),
      'FHIR 404': await get('/fhir/R4/Patient/00000000-0000-0000-0000-000000000000'),
      'FHIR 401': await get('/fhir/R4/Patient', {}),
      'bad URL': await get('/api/education/%E0%A4%A'),
    },
  };
}

describe('security headers on every kind of answer', () => {
  it('send the policy (no inline script, never framed), nosniff and no referrer on API, FHIR, web and error answers', async () => {
    const { patientData, other } = await answers(plain);
    const all = { ...patientData, ...other };
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(16);
    for (const [what, res] of Object.entries(all)) {
      const csp = String(res.headers['content-security-policy']);
      const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
      expect(directive('frame-ancestors'), what).toBe("frame-ancestors 'none'");
      expect(directive('script-src'), what).toBe("script-src 'self'");
      expect(directive('object-src'), what).toBe("object-src 'none'");
      expect(directive('base-uri'), what).toBe("base-uri 'self'");
      expect(csp, what).not.toMatch(/unsafe-eval|\*/);
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['referrer-policy'], what).toBe('no-referrer');
      expect(res.headers['x-frame-options'], what).toBe('DENY');
      expect(res.headers['strict-transport-security'], `${what}: HSTS over plain HTTP`).toBeUndefined();
    }
  });

  it('keep every answer with patient data out of caches, on the API and on FHIR', async () => {
    const { patientData } = await answers(plain);
    for (const [what, res] of Object.entries(patientData)) {
      expect(res.statusCode, what).toBe(200);
      expect(res.headers['cache-control'], what).toBe('no-store');
    }
  });
});

describe('HSTS', () => {
  it('is sent on every answer when Meridian is served over TLS, and the session cookie is Secure', async () => {
    const { patientData, other } = await answers(tls);
    for (const [what, res] of Object.entries({ ...patientData, ...other }))
      expect(res.headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains');
    const login = await tls.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: personas.maria.email, password: 'meridian-demo', session: 'cookie' },
    });
    expect(String(login.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('is on by default in production and can be turned off only explicitly', () => {
    expect(loadConfig({ MERIDIAN_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ MERIDIAN_ENV: 'development' }).cookieSecure).toBe(false);
    expect(loadConfig({ MERIDIAN_ENV: 'production', MERIDIAN_COOKIE_SECURE: 'false' }).cookieSecure).toBe(
      false,
    );
    expect(loadConfig({ MERIDIAN_ENV: 'development', MERIDIAN_COOKIE_SECURE: 'true' }).cookieSecure).toBe(
      true,
    );
  });
});
