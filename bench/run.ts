// Meridian's HTTP benchmark: starts the server on a fresh embedded database (the same way `npm start`
// does), loads the main read paths with concurrent clients, and reports each as requests/s, p50 and p99
// and as a ratio to GET /healthz measured on the same server in the same run.
// Not part of `npm test`. Usage: npm run bench [-- --seconds 5 --concurrency 16]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { safetyIndex } from '@meridian/knowledge';
import autocannon from 'autocannon';
import { startServer } from '../tests/e2e/harness.ts';
import { regimen25, variedRegimens } from './regimen25.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '16' } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'meridian-demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/**
 * Loads one path with autocannon (which does not parse bodies) after a short warm-up. `body` is sent
 * with every request; a list of `bodies` is sent in turn, one per request.
 */
async function load(url: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body) headers['content-type'] = 'application/json';
  let next = 0;
  const bodies = body instanceof Bodies ? body.list.map((b) => JSON.stringify(b)) : undefined;
  const options = {
    url,
    connections: concurrency,
    headers,
    ...(body ? { method: 'POST' as const, body: bodies ? bodies[0] : JSON.stringify(body) } : {}),
    ...(bodies
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                req.body = bodies[next++ % bodies.length];
                return req;
              },
            },
          ],
        }
      : {}),
  };
  await autocannon({ ...options, duration: 1 });
  const cpuBefore = serverCpuMs();
  const r = await autocannon({ ...options, duration: seconds });
  const cpuMs = serverCpuMs() - cpuBefore;
  return {
    serverCpuMsPerRequest: cpuMs / r.requests.total,
    requests: r.requests.total,
    failures: r.errors + r.non2xx,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
  };
}

/**
 * CPU time the server process has used (user + system), from /proc (Linux). The load generator shares
 * this machine, so requests/s also depends on how much CPU autocannon needs to read each answer; CPU
 * per request is the server's own cost.
 */
function serverCpuMs(): number {
  const stat = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Request bodies sent in turn, one per request. */
class Bodies {
  readonly list: unknown[];
  constructor(list: unknown[]) {
    this.list = list;
  }
}

const names = safetyIndex().knowledge.agents.map((a) => a.name);
const server = await startServer();
try {
  const maria = await signIn(server.url, 'maria.lopez@example.org');
  const patel = await signIn(server.url, 'dr.patel@example.org');
  const me = (await (
    await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${maria}` } })
  ).json()) as {
    patientId: string;
  };
  const paths: [string, string, string | undefined, unknown?][] = [
    ['GET /healthz', '/healthz', undefined],
    ['GET /readyz', '/readyz', undefined],
    ['GET /api/me', '/api/me', maria],
    ['GET /api/patients/:id (own record, audited)', `/api/patients/${me.patientId}`, maria],
    ['GET /api/patients (care-team list, audited)', '/api/patients', patel],
    ['POST /api/safety/check (25 items, the same regimen)', '/api/safety/check', patel, { items: regimen25 }],
    [
      'POST /api/safety/check (25 items, a different regimen each request)',
      '/api/safety/check',
      patel,
      new Bodies(variedRegimens(names, 20_000).map((items) => ({ items }))),
    ],
  ];
  const results = [];
  for (const [name, p, token, body] of paths) {
    process.stderr.write(`  ${name} …\n`);
    results.push({ name, ...(await load(`${server.url}${p}`, token, body)) });
  }
  // /healthz is measured first and again last; the higher rate is the floor (a cold start would flatter the ratios).
  process.stderr.write('  GET /healthz (again) …\n');
  const healthzAgain = await load(`${server.url}/healthz`);
  const floor = Math.max(results[0]!.rps, healthzAgain.rps);
  const cpuFloor = Math.min(results[0]!.serverCpuMsPerRequest, healthzAgain.serverCpuMsPerRequest);
  const rows = results.map((r) => ({
    ...r,
    ratioToHealthz: r.rps / floor,
    cpuRatioToHealthz: cpuFloor / r.serverCpuMsPerRequest,
  }));
  const stamp = new Date().toISOString();
  const out = {
    at: stamp,
    database: 'pglite',
    secondsPerPath: seconds,
    concurrency,
    node: process.version,
    results: rows,
  };
  const md = [
    `# Meridian HTTP benchmark (${stamp})`,
    '',
    `Embedded PostgreSQL, ${seconds} s per path (autocannon), ${concurrency} connections, Node ${process.version}, load generator on the same machine. Ratios use the higher of two /healthz runs (first and last). The same regimen sent again is answered from the server's recent answers (a check is a pure function of its input); a different regimen each request measures the check itself.`,
    '',
    "The last two columns are the server process's own CPU time per request (from /proc) and /healthz's CPU per request divided by it: the ratio the server would reach if the load generator were on another machine.",
    '',
    '| path | req/s | p50 ms | p99 ms | ratio to /healthz | failures | server CPU ms/request | CPU ratio to /healthz |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.ratioToHealthz.toFixed(2)} | ${r.failures} | ${r.serverCpuMsPerRequest.toFixed(3)} | ${r.cpuRatioToHealthz.toFixed(2)} |`,
    ),
    '',
  ].join('\n');
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'http-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'http-latest.md'), md);
  process.stdout.write(md);
} finally {
  await server.stop();
}
