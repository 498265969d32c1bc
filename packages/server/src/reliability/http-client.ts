import http from 'node:http';
import { demoPassword } from '../seed/demo-data.ts';

/** An HTTP answer; `status` 0 means no answer arrived (connection refused, reset or cut mid-response). */
export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are JSON read by the tests
  body: any;
  error?: string;
}

/**
 * One API client over real HTTP: its own connection (keep-alive) unless `freshConnection` is set,
 * so concurrent clients are concurrent connections, as browsers and phones would be.
 */
export class ApiClient {
  readonly #base: URL;
  readonly #agent: http.Agent | false;
  token: string | undefined;

  constructor(baseUrl: string, options: { freshConnection?: boolean } = {}) {
    this.#base = new URL(baseUrl);
    this.#agent = options.freshConnection ? false : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** Sends a request and waits for the whole answer (60 s at most: a longer wait is a hang). */
  send(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      const req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          method,
          path,
          agent: this.#agent,
          timeout: 60_000,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => resolve({ status: res.statusCode ?? 0, body: undefined, error: e.message }));
          res.on('aborted', () =>
            resolve({ status: res.statusCode ?? 0, body: undefined, error: 'answer cut off' }),
          );
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON (a calendar file, an HTML page): keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', (e) => resolve({ status: 0, body: undefined, error: e.message }));
      req.end(payload);
    });
  }

  /**
   * Sends a request's head and the first half of its body, and the rest only when `finish` is called:
   * a request the server has received and cannot answer yet (a slow client), to have one in flight
   * for certain at a chosen moment.
   */
  sendHeld(method: string, path: string, body: unknown): { answer: Promise<Answer>; finish: () => void } {
    const payload = Buffer.from(JSON.stringify(body));
    const half = Math.floor(payload.length / 2);
    let req!: http.ClientRequest;
    const answer = new Promise<Answer>((resolve) => {
      req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          method,
          path,
          agent: false,
          timeout: 60_000,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', (e) => resolve({ status: 0, body: undefined, error: e.message }));
      req.write(payload.subarray(0, half));
    });
    return { answer, finish: () => req.end(payload.subarray(half)) };
  }

  /** Signs in with the demo password and keeps the bearer token. */
  async signIn(email: string): Promise<this> {
    const answer = await this.send('POST', '/api/auth/login', { email, password: demoPassword });
    if (answer.status !== 200)
      throw new Error(`Sign-in of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
    return this;
  }

  /** Sends a request that must succeed (setup and read-back), and returns its JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: answers are JSON read by the tests
  async must(method: string, path: string, body?: unknown): Promise<any> {
    const answer = await this.send(method, path, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(
        `${method} ${path}: ${answer.status} ${answer.error ?? ''} ${JSON.stringify(answer.body)}`,
      );
    return answer.body;
  }

  /** Closes its kept-alive connection. */
  close(): void {
    if (this.#agent) this.#agent.destroy();
  }
}
