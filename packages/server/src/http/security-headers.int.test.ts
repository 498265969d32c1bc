import { bearer, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers and health', () => {
  it('sends a content security policy that forbids inline scripts and framing', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP on loopback
  });

  it('sends the same headers with errors, and HSTS only behind TLS', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(securityHeaders({ hsts: true })['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(securityHeaders({ hsts: false })).not.toHaveProperty('strict-transport-security');
  });

  it('keeps API answers out of caches', async () => {
    const res = await t.app.inject({ url: '/api/me', headers: bearer(await t.login(personas.maria.email)) });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers /healthz and /readyz (which asks the database)', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: t.db.kind });
  });

  it('answers unknown API paths with a JSON 404 and publishes its OpenAPI description', async () => {
    const unknown = await t.app.inject({
      url: '/api/nothing-here',
      headers: bearer(await t.login(personas.maria.email)),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/patients/{id}', '/api/admin/audit']),
    );
  });
});
