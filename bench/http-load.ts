// Loads one HTTP path and GET /healthz on the same server in alternating windows, so that each path's
// ratio to /healthz compares two measurements taken seconds apart. These machines are shared virtual
// machines whose speed drifts (CPU steal of 20% comes and goes within a minute); a ratio of two runs
// a minute apart measures the drift as much as the path. Each round measures /healthz and the path
// back to back (the order alternates between rounds); the ratio is the median of the rounds' ratios.
//
// The load generator is wrk when it is installed (`apt-get install wrk`), else autocannon. wrk is
// written in C, reads answers without decoding them and times in microseconds; autocannon, in
// JavaScript on the same two cores, turns every answer into a string and times in whole milliseconds,
// so for a large answer it measures itself as much as the server. MERIDIAN_BENCH_DRIVER=autocannon
// chooses autocannon even where wrk is installed. Through wrk every request carries a browser's
// Accept-Encoding (gzip, deflate, br, zstd); through autocannon none does, because autocannon would
// decode each compressed answer as text, which costs it more than the answer saves.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** Sent with every request. */
  body?: string;
  /** Sent in turn, one per request (each request different). */
  bodies?: string[];
}

export interface LoadOptions {
  /** The server's process id, to read its CPU time from /proc. */
  pid: number;
  rounds: number;
  secondsPerWindow: number;
  concurrency: number;
}

export interface LoadResult {
  name: string;
  rounds: number;
  requests: number;
  failures: number;
  /** Median of the rounds. */
  rps: number;
  p50: number;
  p99: number;
  healthzRps: number;
  /** Median of the rounds' ratios of the path's requests/s to /healthz's in the same round. */
  ratioToHealthz: number;
  /** Each round's ratio, in the order measured: their spread is the measurement's noise. */
  roundRatios: number[];
  /** Share of the machine's CPU time taken by the hypervisor (steal) while the path was measured, in %. */
  stealPercent: number;
  /** The server process's CPU time per request (user + system), over all rounds. */
  serverCpuMsPerRequest: number;
  /** /healthz's CPU per request divided by the path's: the ratio with the load generator elsewhere. */
  cpuRatioToHealthz: number;
}

/** The machine's CPU time so far (all of it, and the part stolen by the hypervisor), in ticks, from /proc/stat. */
function machineTicks(): { total: number; steal: number } {
  const fields = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, steal: fields[7] ?? 0 };
}

/** CPU time a process has used (user + system), in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Window {
  requests: number;
  failures: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
}

/** The load generator this run uses: wrk if it is on the PATH (and not overridden), else autocannon. */
export const driver: 'wrk' | 'autocannon' = (() => {
  if (process.env.MERIDIAN_BENCH_DRIVER === 'autocannon') return 'autocannon';
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // wrk --version prints its usage and exits 1; only a missing command is "not installed".
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'autocannon' : 'wrk';
  }
})();

const luaString = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;

/** A wrk script for the target: method, headers, body or bodies in turn, and a one-line JSON result. */
function wrkScript(target: LoadTarget, dir: string): string {
  const lines = [`wrk.method = ${luaString(target.method ?? 'GET')}`];
  const headers = {
    'accept-encoding': 'gzip, deflate, br, zstd',
    ...(target.body || target.bodies ? { 'content-type': 'application/json' } : {}),
    ...target.headers,
  };
  for (const [name, value] of Object.entries(headers))
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  if (target.body) lines.push(`wrk.body = ${luaString(target.body)}`);
  if (target.bodies) {
    const file = path.join(dir, 'bodies.txt');
    fs.writeFileSync(file, `${target.bodies.join('\n')}\n`);
    lines.push(
      'local bodies = {}',
      `for line in io.lines(${luaString(file)}) do bodies[#bodies + 1] = line end`,
      'local n = 0',
      'request = function()',
      '  n = n % #bodies + 1',
      '  return wrk.format(nil, nil, nil, bodies[n])',
      'end',
    );
  }
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format("MERIDIAN-RESULT {\\"requests\\":%d,\\"us\\":%d,\\"failures\\":%d,\\"p50\\":%d,\\"p99\\":%d}\\n",',
    '    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,',
    '    latency:percentile(50), latency:percentile(99)))',
    'end',
  );
  const script = path.join(dir, 'target.lua');
  fs.writeFileSync(script, `${lines.join('\n')}\n`);
  return script;
}

async function wrkWindow(target: LoadTarget, options: LoadOptions, seconds: number): Promise<Window> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-wrk-'));
  try {
    const script = wrkScript(target, dir);
    // One thread: the other core is the server's.
    const args = ['-t1', `-c${options.concurrency}`, `-d${seconds}s`, '-s', script, target.url];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`)),
      );
    });
    const line = /MERIDIAN-RESULT (\{.*\})/.exec(output);
    if (!line) throw new Error(`wrk gave no result:\n${output}`);
    const r = JSON.parse(line[1]!) as {
      requests: number;
      us: number;
      failures: number;
      p50: number;
      p99: number;
    };
    return {
      requests: r.requests,
      failures: r.failures,
      rps: r.requests / (r.us / 1e6),
      p50: r.p50 / 1000,
      p99: r.p99 / 1000,
      cpuMs: 0,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function window(target: LoadTarget, options: LoadOptions, seconds: number): Promise<Window> {
  if (driver === 'wrk') return wrkWindow(target, options, seconds);
  let next = 0;
  const bodies = target.bodies;
  const r = await autocannon({
    url: target.url,
    connections: options.concurrency,
    duration: seconds,
    method: target.method ?? 'GET',
    headers: {
      ...(target.body || bodies ? { 'content-type': 'application/json' } : {}),
      ...target.headers,
    },
    ...(target.body ? { body: target.body } : {}),
    ...(bodies
      ? {
          body: bodies[0],
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
  });
  return {
    requests: r.requests.total,
    failures: r.errors + r.non2xx + r.timeouts,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMs: 0,
  };
}

async function measured(target: LoadTarget, options: LoadOptions): Promise<Window> {
  const before = processCpuMs(options.pid);
  const w = await window(target, options, options.secondsPerWindow);
  return { ...w, cpuMs: processCpuMs(options.pid) - before };
}

/** Loads `target` against GET /healthz of the same server in alternating windows; see the file's note. */
export async function loadAgainstHealthz(
  baseUrl: string,
  target: LoadTarget,
  options: LoadOptions,
): Promise<LoadResult> {
  const healthz: LoadTarget = { name: 'GET /healthz', url: `${baseUrl}/healthz` };
  // Warm up both (JIT, connection pools, caches) before measuring.
  await window(healthz, options, 1);
  await window(target, options, 1);
  const h: Window[] = [];
  const t: Window[] = [];
  const before = machineTicks();
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      h.push(await measured(healthz, options));
      t.push(await measured(target, options));
    } else {
      t.push(await measured(target, options));
      h.push(await measured(healthz, options));
    }
  }
  const after = machineTicks();
  const sum = (ws: Window[], f: (w: Window) => number) => ws.reduce((s, w) => s + f(w), 0);
  const roundRatios = t.map((w, i) => w.rps / h[i]!.rps);
  const cpu = sum(t, (w) => w.cpuMs) / sum(t, (w) => w.requests);
  const healthzCpu = sum(h, (w) => w.cpuMs) / sum(h, (w) => w.requests);
  return {
    name: target.name,
    rounds: options.rounds,
    requests: sum(t, (w) => w.requests),
    failures: sum(t, (w) => w.failures),
    rps: median(t.map((w) => w.rps)),
    p50: median(t.map((w) => w.p50)),
    p99: median(t.map((w) => w.p99)),
    healthzRps: median(h.map((w) => w.rps)),
    ratioToHealthz: median(roundRatios),
    roundRatios,
    stealPercent: (100 * (after.steal - before.steal)) / Math.max(1, after.total - before.total),
    serverCpuMsPerRequest: cpu,
    cpuRatioToHealthz: healthzCpu / cpu,
  };
}

/** The Markdown table of results. */
export function resultsTable(results: LoadResult[]): string {
  return [
    "| path | req/s | p50 ms | p99 ms | /healthz req/s | ratio to /healthz | rounds' ratios (min–max) | failures | server CPU ms/request | CPU ratio to /healthz | CPU steal |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.healthzRps.toFixed(0)} | ${r.ratioToHealthz.toFixed(2)} | ${Math.min(...r.roundRatios).toFixed(2)}–${Math.max(...r.roundRatios).toFixed(2)} | ${r.failures} | ${r.serverCpuMsPerRequest.toFixed(3)} | ${r.cpuRatioToHealthz.toFixed(2)} | ${r.stealPercent.toFixed(0)}% |`,
    ),
  ].join('\n');
}
