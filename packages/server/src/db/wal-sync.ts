import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes PGlite's committed writes durable. PGlite writes WAL through Node's fs into the page cache
 * but never fsyncs (fsync=off, NODEFS has no fsync), so after each commit we fsync every WAL segment
 * written since the last sync, and the pg_wal directory when a segment was added.
 */
export class WalSyncer {
  readonly #dataDir: string;
  readonly #walDir: string;
  #lastSegment: string | undefined;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
    this.#walDir = path.join(dataDir, 'pg_wal');
  }

  /** Fsyncs the WAL segments from the last synced one up to and including `current`. */
  syncThrough(current: string): string[] {
    const pending =
      this.#lastSegment === undefined || this.#lastSegment === current
        ? [current]
        : fs
            .readdirSync(this.#walDir)
            .filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= this.#lastSegment! && name <= current)
            .sort();
    for (const segment of pending) fsyncPath(path.join(this.#walDir, segment));
    if (this.#lastSegment !== current) fsyncPath(this.#walDir);
    this.#lastSegment = current;
    return pending;
  }

  /** Fsyncs every file and directory of the data directory (after a clean close or a restore). */
  syncAll(): void {
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) fsyncPath(full);
      }
      fsyncPath(dir);
    };
    if (fs.existsSync(this.#dataDir)) walk(this.#dataDir);
  }
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
