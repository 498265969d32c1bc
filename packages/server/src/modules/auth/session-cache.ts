import type { SessionRow } from './sessions.ts';

/**
 * Sessions read from the database are kept for a short time so that every request does not wait on a
 * query. Sign-out and idle expiry evict at once in this process; another Meridian node sees a
 * revocation within the time-to-live (see docs/adr/0005-sessions-and-sign-in.md).
 */
export class SessionCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { row: SessionRow; until: number }>();

  constructor(ttlMs: number, maxEntries = 10_000) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  /** The cached session, if fresh at `now`. */
  get(id: string, now: Date): SessionRow | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= now.getTime()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.row;
  }

  set(id: string, row: SessionRow, now: Date): void {
    if (this.#ttlMs <= 0) return;
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(id, { row, until: now.getTime() + this.#ttlMs });
  }

  evict(id: string): void {
    this.#entries.delete(id);
  }
}
