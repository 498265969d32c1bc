import type { FastifyInstance } from 'fastify';

// The security headers of every answer, built once when the app starts. (@fastify/helmet, used before,
// rebuilt the Content-Security-Policy string on every request: about 7% of the server's CPU on a busy
// API path.) The set follows helmet's defaults, with a policy for Meridian's own single-page app:
// scripts only from this origin, no inline script, no plugins, never framed.

const contentSecurityPolicy = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  // React sets style attributes (chart sizes, progress bars); styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
].join(';');

/** The headers sent with every answer; HSTS only when Meridian is reached over TLS. */
export function securityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(options.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    // Older browsers that ignore frame-ancestors.
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    // The old XSS auditor is itself a hole; "0" turns it off, as current guidance advises.
    'x-xss-protection': '0',
  };
}

/** Answers on these paths may carry patient data, so no cache (shared or the browser's) may keep them. */
export function mayCarryPatientData(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/fhir/');
}

export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const entries = Object.entries(securityHeaders(options));
  // Set on the raw answer when the request arrives, so every answer has them, errors included; a route
  // may still set its own. A callback hook: this runs for every request and needs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of entries) reply.raw.setHeader(name, value);
    if (mayCarryPatientData(request.url)) reply.raw.setHeader('cache-control', 'no-store');
    done();
  });
}
