import { gzipSync } from 'node:zlib';
import type { Finding, SafetyReport } from '@meridian/domain';

// The answer to POST /api/safety/check as bytes, made cheaply. The knowledge does not change while the
// process runs, so a check is a pure function of its request:
// - a finding about a pair of agents is the same object every time that pair is checked (the engine
//   keeps them per pair), so its JSON bytes are kept beside it and a report is mostly joined from
//   ready-made pieces;
// - the whole answer to a recent request is kept too (bounded), keyed by the request body exactly as it
//   arrived, because the same regimen is checked again and again: the live panel as a clinician reviews
//   it, every reload of a chart. A request seen before is answered without parsing or checking it again
//   (parsing and validating a 25-item body cost about as much as the rest of the request);
// - an answer asked for again is also kept gzip-compressed, for clients that accept gzip (browsers
//   do): a 25-item answer of 24 KB becomes 7 KB, and writing the answer to the socket is most of what
//   a repeated request costs. Compressing is paid once per answer, on its first repeat, so a regimen
//   checked once pays nothing for it. The answer holds no secret (no session, no patient record), so
//   compressing it beside the echoed input gives nothing away (BREACH needs a secret in the answer).

const findingBytes = new WeakMap<Finding, Buffer>();
const comma = Buffer.from(',');

function bytesOf(finding: Finding): Buffer {
  let bytes = findingBytes.get(finding);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(finding));
    findingBytes.set(finding, bytes);
  }
  return bytes;
}

/** The report as UTF-8 JSON, byte for byte what `JSON.stringify(report)` writes. */
export function safetyReportBytes(report: SafetyReport): Buffer {
  const parts: Buffer[] = [
    Buffer.from(
      `{"resolved":${JSON.stringify(report.resolved)},"unresolved":${JSON.stringify(report.unresolved)},"findings":[`,
    ),
  ];
  report.findings.forEach((f, i) => {
    if (i) parts.push(comma);
    parts.push(bytesOf(f));
  });
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

/** One remembered answer: its JSON, and the same gzip-compressed from its first repeat on. */
export class SafetyAnswer {
  readonly json: Buffer;
  #gzip: Buffer | null = null;
  #repeated = false;

  constructor(json: Buffer) {
    this.json = json;
  }

  /** The gzip form, or null while the answer has been given only once. */
  gzip(): Buffer | null {
    if (!this.#repeated) return null;
    this.#gzip ??= gzipSync(this.json);
    return this.#gzip;
  }

  repeated(): void {
    this.#repeated = true;
  }
}

/** Recent answers by request body, least recently used dropped first. */
export class SafetyAnswers {
  /** A request body longer than this (padding, very long item names) is answered but not remembered. */
  static readonly maxRequestLength = 16 * 1024;
  readonly #max: number;
  readonly #answers = new Map<string, SafetyAnswer>();

  constructor(max = 256) {
    this.#max = max;
  }

  /** The answer to this exact request body if it was given recently. */
  recall(request: string): SafetyAnswer | undefined {
    const answer = this.#answers.get(request);
    if (answer) {
      this.#answers.delete(request);
      this.#answers.set(request, answer);
      answer.repeated();
    }
    return answer;
  }

  /** Keeps the answer to a request body (unless the body is very long) and returns it. */
  remember(request: string, json: Buffer): SafetyAnswer {
    const answer = new SafetyAnswer(json);
    if (request.length > SafetyAnswers.maxRequestLength) return answer;
    if (this.#answers.size >= this.#max) this.#answers.delete(this.#answers.keys().next().value!);
    this.#answers.set(request, answer);
    return answer;
  }
}

/** Whether an Accept-Encoding header allows gzip: `gzip`, `x-gzip` or `*`, unless its q is 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
