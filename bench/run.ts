// Meridian's HTTP benchmark: starts the server on a fresh embedded database (the same way `npm start`
// does), loads the main read paths and the safety check with concurrent clients, and reports each as
// requests/s, p50 and p99 and as a ratio to GET /healthz on the same server, measured in alternating
// windows (see http-load.ts).
// Not part of `npm test`. Usage: npm run bench [-- --rounds 9 --seconds 2 --concurrency 16]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { safetyIndex } from '@meridian/knowledge';
import { startServer } from '../tests/e2e/harness.ts';
import { floorPaths, startFloorApp } from './floor.ts';
import { driver, type LoadResult, type LoadTarget, loadAgainstHealthz, resultsTable } from './http-load.ts';
import { regimen25, variedRegimens } from './regimen25.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    seconds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
  },
});
const options = {
  rounds: Number(values.rounds),
  secondsPerWindow: Number(values.seconds),
  concurrency: Number(values.concurrency),
};

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'meridian-demo' }),
  });
  return ((await res.json()) as { token: string }).token;
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
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const targets: LoadTarget[] = [
    { name: 'GET /readyz', url: `${server.url}/readyz` },
    { name: 'GET /api/me', url: `${server.url}/api/me`, headers: as(maria) },
    {
      name: 'GET /api/patients/:id (own record, audited)',
      url: `${server.url}/api/patients/${me.patientId}`,
      headers: as(maria),
    },
    {
      name: 'GET /api/patients (care-team list, audited)',
      url: `${server.url}/api/patients`,
      headers: as(patel),
    },
    {
      name: 'POST /api/safety/check (25 items, the same regimen)',
      url: `${server.url}/api/safety/check`,
      method: 'POST',
      headers: as(patel),
      body: JSON.stringify({ items: regimen25 }),
    },
    {
      name: 'POST /api/safety/check (25 items, a different regimen each request)',
      url: `${server.url}/api/safety/check`,
      method: 'POST',
      headers: as(patel),
      bodies: variedRegimens(names, 20_000).map((items) => JSON.stringify({ items })),
    },
  ];
  const results = [];
  for (const target of targets) {
    process.stderr.write(`  ${target.name} …\n`);
    results.push(await loadAgainstHealthz(server.url, target, { ...options, pid: server.pid }));
  }
  // What this machine allows such a request (bench/floor.ts): a signed-in POST of the same body answered
  // with the same bytes from memory, through Meridian's own app, against that app's own /healthz.
  const answer = Buffer.from(
    await (
      await fetch(`${server.url}/api/safety/check`, {
        method: 'POST',
        headers: { ...as(patel), 'content-type': 'application/json', 'accept-encoding': 'identity' },
        body: JSON.stringify({ items: regimen25 }),
      })
    ).arrayBuffer(),
  );
  const floor: LoadResult[] = [];
  const floorApp = await startFloorApp({ answer });
  try {
    const target: LoadTarget = {
      name: `floor: a signed-in POST of the same body, answered with the same ${(answer.length / 1024).toFixed(0)} KB from memory`,
      url: `${floorApp.url}${floorPaths.answer}`,
      method: 'POST',
      headers: as(await signIn(floorApp.url, 'dr.patel@example.org')),
      body: JSON.stringify({ items: regimen25 }),
    };
    process.stderr.write(`  ${target.name} …\n`);
    floor.push(await loadAgainstHealthz(floorApp.url, target, { ...options, pid: process.pid }));
  } finally {
    await floorApp.close();
  }
  const stamp = new Date().toISOString();
  const out = { at: stamp, database: 'pglite', driver, ...options, node: process.version, results, floor };
  const md = [
    `# Meridian HTTP benchmark (${stamp})`,
    '',
    `Embedded PostgreSQL, Node ${process.version}, ${driver} with ${options.concurrency} connections on the same machine. Each path is measured in ${options.rounds} rounds of ${options.secondsPerWindow} s, each round beside ${options.secondsPerWindow} s of GET /healthz; figures are medians of the rounds, and the ratio is the median of the rounds' ratios. The same regimen sent again is answered from the server's recent answers (a check is a pure function of its request); a different regimen each request measures the check itself.`,
    '',
    "The last two columns are the server process's own CPU time per request (from /proc) and /healthz's CPU per request divided by it: the ratio the server would reach if the load generator were on another machine.",
    '',
    resultsTable(results),
    '',
    "What this machine allows such a request: Meridian's own app (its hooks and sign-in check) with a route that reads the same POST body as text and answers it with the same answer's bytes held in memory (gzip-compressed, as the client accepts), built in the bench's process and measured the same way against its own /healthz (bench/floor.ts). No safety check can do better here; one answered from the recent answers does nearly only this.",
    '',
    resultsTable(floor),
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
