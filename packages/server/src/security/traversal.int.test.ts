import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { bearer, createEmptyTestDatabase, createTestApp, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restore } from '../backup/backup.ts';
import { expectHandled } from './attack-kit.ts';

// Path traversal (OWASP ASVS 12.3.1, 12.3.2, 12.5.1): whatever a path segment says — "../", its
// percent-encodings (single, double, overlong UTF-8), backslashes, NUL, absolute paths — no answer
// carries a file from outside the web app's own build: not the sentinel file placed beside it, not
// /etc/passwd, not the repository's package.json. The web app's files are served from a directory
// made for this test, with a secret next to it.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-traversal-'));
const webDistDir = path.join(root, 'dist');
const sentinel = 'SENTINEL-OUTSIDE-THE-WEB-ROOT-7f3a';
const shell = '<!doctype html><title>Meridian test shell</title><div id="root"></div>';
fs.mkdirSync(path.join(webDistDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(webDistDir, 'index.html'), shell);
fs.writeFileSync(path.join(webDistDir, 'assets', 'app.js'), 'console.log("app");');
fs.writeFileSync(path.join(root, 'secret.txt'), sentinel);
fs.writeFileSync(path.join(root, 'package.json'), sentinel);

const traversals = [
  '../secret.txt',
  '..%2fsecret.txt',
  '%2e%2e/secret.txt',
  '%2e%2e%2fsecret.txt',
  '%2E%2E%2Fsecret.txt',
  '%252e%252e%252fsecret.txt',
  '..%5csecret.txt',
  '..\\secret.txt',
  '%c0%ae%c0%ae/secret.txt',
  '%c0%ae%c0%ae%c0%afsecret.txt',
  '....//secret.txt',
  '..;/secret.txt',
  '../package.json',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '../../../../../../../../etc/passwd',
  '%2fetc%2fpasswd',
  '/etc/passwd',
  'file:%2f%2f%2fetc%2fpasswd',
  'C:%5cWindows%5cwin.ini',
  'index.html%00.js',
  'app.js%00',
];

/** Traversals with literal dot segments, which app.inject() resolves before the server sees them. */
const literal = (attack: string) => /(^|[/\\])\.\.([/\\]|$)/.test(attack);

/** Sends a GET exactly as written (no client resolves its dot segments) and returns the raw answer. */
function onTheWire(port: number, target: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${lines.join('')}\r\n`);
    });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** What must never be in an answer: the sentinel, a password file, the repository's package.json. */
function expectNoFile(body: string, label: string): void {
  expect(body, label).not.toContain(sentinel);
  expect(body, label).not.toMatch(/root:.*:0:0:/);
  expect(body, label).not.toContain('"workspaces"');
}

let t: TestApp;
let maria: { authorization: string };
let mariaId: string;
beforeAll(async () => {
  t = await createTestApp({ webDistDir });
  maria = bearer(await t.login(personas.maria.email));
  mariaId = (await t.app.inject({ url: '/api/me', headers: maria })).json().patientId;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the web app’s files', () => {
  it('are served from their own directory (the test can see a file when there is one)', async () => {
    const js = await t.app.inject({ url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log("app");');
  });

  it('never include a file from outside it: at most the app’s own page, or 400/404', async () => {
    for (const prefix of ['/', '/assets/', '/assets/x/']) {
      for (const attack of traversals) {
        const url = `${prefix}${attack}`;
        const res = await t.app.inject({ url });
        expectNoFile(res.body, url);
        if (res.statusCode === 200) expect(res.body, url).toBe(shell);
        else expect([400, 403, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
      }
    }
  });

  it('serve only the files that were there when the server started', async () => {
    fs.writeFileSync(path.join(webDistDir, 'assets', 'later.js'), sentinel);
    const res = await t.app.inject({ url: '/assets/later.js' });
    expectNoFile(res.body, '/assets/later.js');
  });
});

describe('ids and names in API and FHIR paths', () => {
  it('answer 400 or 404 with a message, never a file: education articles, letters, calendar files, FHIR', async () => {
    const [summary] = await t.db.query<{ id: string }>(
      'SELECT id FROM visit_summaries WHERE patient_id = $1',
      [mariaId],
    );
    const base = `/api/patients/${mariaId}`;
    const templates: [string, boolean][] = [
      ['/api/education/{x}', false],
      [`${base}/visit-summaries/{x}/letter.pdf`, false],
      [`${base}/visit-summaries/{x}/letter.html`, false],
      [`${base}/visit-summaries/{x}/document`, false],
      [`/api/patients/{x}/visit-summaries/${summary!.id}/letter.pdf`, false],
      [`${base}/appointments/{x}/calendar.ics`, false],
      [`${base}/care-plan/versions/{x}`, false],
      ['/fhir/R4/Patient/{x}', true],
      ['/fhir/R4/Binary/{x}', true],
      ['/fhir/R4/{x}', true],
      [`/fhir/R4/Composition/{x}/$document`, true],
    ];
    for (const [template, fhir] of templates) {
      for (const attack of [...traversals, 'sleep-hygiene%2f..%2f..%2f..%2fpackage.json'].filter(
        (a) => !literal(a),
      )) {
        const url = template.replace('{x}', attack);
        const res = await t.app.inject({ url, headers: maria });
        expectNoFile(res.body, url);
        expectHandled(res, fhir, url);
        expect([400, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
      }
    }
  });

  it('name a downloaded letter by its date only, whatever the request said', async () => {
    const [summary] = await t.db.query<{ id: string }>(
      'SELECT id FROM visit_summaries WHERE patient_id = $1',
      [mariaId],
    );
    const res = await t.app.inject({
      url: `/api/patients/${mariaId}/visit-summaries/${summary!.id}/letter.pdf?filename=../../etc/passwd`,
      headers: maria,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^inline; filename="visit-summary-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
  });
});

describe('requests as sent on the wire', () => {
  it('answer literal ../ in API, FHIR and web paths with 404 or the app’s page, and a broken %-escape with 400', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const targets = traversals
      .filter(literal)
      .flatMap((attack) => [
        `/${attack}`,
        `/assets/${attack}`,
        `/api/education/${attack}`,
        `/api/patients/${mariaId}/visit-summaries/${attack}/letter.pdf`,
        `/fhir/R4/Patient/${attack}`,
        `/fhir/R4/${attack}`,
      ]);
    for (const target of targets) {
      const answer = await onTheWire(port, target, maria);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      expectNoFile(body, target);
      if (/^\/(api|fhir)\//.test(target)) expect([400, 404], `${target} → ${status}`).toContain(status);
      else if (status === 200) expect(body, target).toBe(shell);
      else expect([400, 404], `${target} → ${status}`).toContain(status);
    }
    // A path that is not valid percent-encoding: the router refuses it, in Meridian's words and headers.
    for (const [target, fhir] of [
      ['/api/education/%E0%A4%A', false],
      ['/fhir/R4/Patient/%E0%A4%A', true],
    ] as const) {
      const [head = '', body = ''] = (await onTheWire(port, target, maria)).split('\r\n\r\n');
      expect(head, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(head.toLowerCase(), target).toContain("content-security-policy: default-src 'self'");
      const answer = JSON.parse(body);
      if (fhir) expect(answer.issue[0].diagnostics).toMatch(/percent-encoded/);
      else
        expect(answer.error).toMatchObject({
          code: 'VALIDATION',
          message: expect.stringMatching(/percent-encoded/),
        });
    }
  });
});

describe('backup files', () => {
  it('cannot run SQL or name files through the table names inside a backup; the database is left as it was', async () => {
    const target = await createEmptyTestDatabase();
    try {
      const evil = ['../../etc/passwd', 'patients"; DROP TABLE users; --'];
      const lines = [
        JSON.stringify({
          format: 'meridian-backup',
          version: 1,
          createdAt: '2026-11-22T00:00:00Z',
          source: 'pglite',
          migrations: [],
          tables: evil.map((name) => ({ name, rows: 1 })),
        }),
        ...evil.flatMap((table) => [JSON.stringify({ table, rows: 1 }), JSON.stringify({ id: 1 })]),
      ];
      const file = path.join(root, 'evil.backup');
      fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));
      await expect(restore(target, file)).rejects.toThrow();
      const tables = await target.query<{ n: number }>(
        "SELECT count(*)::int8 AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('users', 'patients')",
      );
      expect(tables[0]!.n).toBe(2);
      expect(await target.query<{ n: number }>('SELECT count(*)::int8 AS n FROM users')).toEqual([{ n: 0 }]);
      // A file that is not a backup is refused without its content in the message.
      await expect(restore(target, path.join(root, 'secret.txt'))).rejects.toThrow(
        expect.objectContaining({ message: expect.not.stringContaining(sentinel) }),
      );
    } finally {
      await target.close();
    }
  });
});
