import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../../../bin/meridian.mjs');

/** Where a spawned Meridian keeps its data: a PGlite data directory or a PostgreSQL database. */
export interface DatabaseLocation {
  databaseUrl?: string;
  dataDir?: string;
}

/** Environment that points the command line at a database (as an operator would set it). */
export function envOf(location: DatabaseLocation): Record<string, string> {
  if (location.databaseUrl) return { DATABASE_URL: location.databaseUrl };
  if (!location.dataDir) throw new Error('A database location needs a databaseUrl or a dataDir.');
  return { MERIDIAN_DATA_DIR: location.dataDir };
}

function baseEnv(): Record<string, string> {
  const { PATH, HOME } = process.env;
  return { PATH: PATH ?? '', HOME: HOME ?? '', MERIDIAN_ENV: 'test' };
}

/** A `meridian start --demo` child process, as `npm start` runs it. */
export interface MeridianProcess {
  url: string;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal (SIGKILL to crash it, SIGTERM to stop it gracefully). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** Starts Meridian on a free port and resolves once it listens (a crash or 60 s without listening rejects). */
export async function startMeridian(
  location: DatabaseLocation,
  extraEnv: Record<string, string> = {},
): Promise<MeridianProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'start', '--demo'], {
    env: { ...baseEnv(), PORT: '0', HOST: '127.0.0.1', ...envOf(location), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Meridian did not start in 60 s:\n${output}`));
    }, 60_000);
    const check = () => {
      const match = /running on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Meridian exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}

/** Runs a `meridian` command (backup, restore, …) to its end. */
export function runMeridian(
  args: string[],
  location: DatabaseLocation,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...baseEnv(), ...envOf(location) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
