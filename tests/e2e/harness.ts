import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
export const chromiumPath = process.env.MERIDIAN_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningServer {
  url: string;
  /** The server's process id (benchmarks read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts `meridian start --demo` on a free port with a new data directory (or the one given), as `npm start` does. */
export async function startServer(options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin/meridian.mjs'), 'start', '--demo'],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        MERIDIAN_DATA_DIR: dataDir,
        MERIDIAN_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Meridian did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Meridian exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches the system Chromium headless (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install it with: apt-get install -y chromium (or set MERIDIAN_CHROMIUM).`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations on the page, by axe-core. */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
    // axe-core was injected into the page above; it is not part of the page's own types.
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** Starts a server and Chromium for a test file and stops both after it (vitest hooks). */
export function useServerAndBrowser(hooks: {
  beforeAll: typeof import('vitest').beforeAll;
  afterAll: typeof import('vitest').afterAll;
}) {
  const state = {} as { server: RunningServer; browser: Browser };
  hooks.beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startServer(), launchChromium()]);
  });
  hooks.afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return state;
}

/** Signs in through the sign-in page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = 'meridian-demo',
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Calls the API as a demo user with a bearer token (for setting up a browser test). */
export async function callApi<T>(
  baseUrl: string,
  email: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'meridian-demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The next ISO weekday (1 = Monday) at least two days ahead, as YYYY-MM-DD in Phoenix (UTC-7, no DST). */
export function nextPhoenixWeekday(weekday: number): string {
  const phoenixNow = new Date(Date.now() - 7 * 3_600_000);
  for (let d = 2; d < 10; d++) {
    const day = new Date(phoenixNow.getTime() + d * 86_400_000);
    if (((day.getUTCDay() + 6) % 7) + 1 === weekday) return day.toISOString().slice(0, 10);
  }
  throw new Error('no such day');
}
