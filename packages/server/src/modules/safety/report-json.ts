import type { Finding, SafetyContext, SafetyIndex, SafetyReport } from '@meridian/domain';
import { safetyCheck } from '@meridian/domain';

// The answer to POST /api/safety/check as bytes, made cheaply. The knowledge does not change while the
// process runs, so a check is a pure function of its items and context:
// - a finding about a pair of agents is the same object every time that pair is checked (the engine
//   keeps them per pair), so its JSON bytes are kept beside it and a report is mostly joined from
//   ready-made pieces;
// - the whole answer to a recent request is kept too (bounded), because the same regimen is checked
//   again and again: the live panel as a clinician reviews it, every reload of a chart.

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

/** Recent answers by request, least recently used dropped first. */
export class SafetyAnswers {
  readonly #max: number;
  readonly #answers = new Map<string, Buffer>();

  constructor(max = 256) {
    this.#max = max;
  }

  /** The answer for these items and context, from the recent ones or checked now. */
  answer(index: SafetyIndex, items: string[], context: SafetyContext): Buffer {
    const key = JSON.stringify([items, context]);
    let bytes = this.#answers.get(key);
    if (bytes) {
      this.#answers.delete(key);
    } else {
      bytes = safetyReportBytes(safetyCheck(index, items, context));
      if (this.#answers.size >= this.#max) this.#answers.delete(this.#answers.keys().next().value!);
    }
    this.#answers.set(key, bytes);
    return bytes;
  }
}
