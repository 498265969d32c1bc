import fs from 'node:fs';
import path from 'node:path';

interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function waiters(): Waiters {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Makes PGlite's committed writes durable. PGlite writes WAL through Node's fs into the page cache
 * but never fsyncs (fsync=off, NODEFS has no fsync), so after each commit we fsync every WAL segment
 * written since the last sync, and the pg_wal directory when a segment was added.
 *
 * Group commit: a sync waits only for a sync that *started after* it was asked for; commits that
 * arrive while one fsync runs share the next one. The fsync runs off the event loop.
 */
export class WalSyncer {
  readonly #dataDir: string;
  readonly #walDir: string;
  readonly #currentSegment: () => Promise<string>;
  #lastSegment: string | undefined;
  #running = false;
  #next: Waiters | null = null;

  /** `currentSegment` asks the database for the WAL file it is writing now. */
  constructor(dataDir: string, currentSegment: () => Promise<string>) {
    this.#dataDir = dataDir;
    this.#walDir = path.join(dataDir, 'pg_wal');
    this.#currentSegment = currentSegment;
  }

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    this.#next ??= waiters();
    const { promise } = this.#next;
    if (!this.#running) void this.#drain();
    return promise;
  }

  async #drain(): Promise<void> {
    this.#running = true;
    while (this.#next) {
      const batch = this.#next;
      this.#next = null;
      try {
        await this.#syncThrough(await this.#currentSegment());
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
    this.#running = false;
  }

  async #syncThrough(current: string): Promise<void> {
    const last = this.#lastSegment;
    const pending =
      last === undefined || last === current
        ? [current]
        : (await fs.promises.readdir(this.#walDir))
            .filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= last && name <= current)
            .sort();
    await Promise.all(pending.map((segment) => fsyncPath(path.join(this.#walDir, segment))));
    if (last !== current) await fsyncPath(this.#walDir);
    this.#lastSegment = current;
  }

  /** Fsyncs every file and directory of the data directory (after a clean close). */
  async syncAll(): Promise<void> {
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) await fsyncPath(full);
      }
      await fsyncPath(dir);
    };
    if (fs.existsSync(this.#dataDir)) await walk(this.#dataDir);
  }
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.promises.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
