import { safetyCheck } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import { describe, expect, it } from 'vitest';
import { SafetyAnswers, safetyReportBytes } from './report-json.ts';

const index = safetyIndex();
const regimen = ['warfarin 5 mg', 'ginkgo', 'fish oil 2 g', 'turmeric', 'ginko', 'therapy:massage'];

describe('safety answers as bytes', () => {
  it('writes exactly what JSON.stringify writes, also when the pair findings are reused', () => {
    for (let round = 0; round < 2; round++) {
      const report = safetyCheck(index, regimen, {});
      expect(safetyReportBytes(report).toString('utf8')).toBe(JSON.stringify(report));
    }
    const none = safetyCheck(index, ['nothing-known-by-this-name'], {});
    expect(safetyReportBytes(none).toString('utf8')).toBe(JSON.stringify(none));
  });

  it('answers a repeated request from memory, and a different context as a different request', () => {
    const answers = new SafetyAnswers(2);
    const first = answers.answer(index, ['therapy:acupuncture'], {});
    expect(answers.answer(index, ['therapy:acupuncture'], {})).toBe(first);
    const lowPlatelets = answers.answer(index, ['therapy:acupuncture'], { plateletCount: 20 });
    expect(lowPlatelets).not.toBe(first);
    const parse = (b: Buffer) => JSON.parse(b.toString('utf8')) as { findings: { kind: string }[] };
    expect(parse(first).findings).toEqual([]);
    expect(parse(lowPlatelets).findings.map((f) => f.kind)).toContain('therapy-condition');
    // Bounded: a third distinct request drops the least recently used one.
    answers.answer(index, ['warfarin'], {});
    expect(answers.answer(index, ['therapy:acupuncture'], {})).not.toBe(first);
  });
});
