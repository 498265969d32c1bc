import { gunzipSync } from 'node:zlib';
import { safetyCheck } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, SafetyAnswers, safetyReportBytes } from './report-json.ts';

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

  it('remembers answers by exact request body, least recently used dropped first', () => {
    const answers = new SafetyAnswers(2);
    const acupuncture = '{"items":["therapy:acupuncture"]}';
    expect(answers.recall(acupuncture)).toBeUndefined();
    const first = answers.remember(acupuncture, Buffer.from('first'));
    expect(answers.recall(acupuncture)).toBe(first);
    // A different context is a different body, so a different answer.
    expect(
      answers.recall('{"items":["therapy:acupuncture"],"context":{"plateletCount":20}}'),
    ).toBeUndefined();
    answers.remember('{"items":["warfarin"]}', Buffer.from('warfarin'));
    // acupuncture was used more recently than warfarin, so a third body drops warfarin.
    answers.recall(acupuncture);
    answers.remember('{"items":["ginkgo"]}', Buffer.from('ginkgo'));
    expect(answers.recall('{"items":["warfarin"]}')).toBeUndefined();
    expect(answers.recall(acupuncture)).toBe(first);
    // A very long body is answered but not kept.
    const long = JSON.stringify({ items: ['x'.repeat(SafetyAnswers.maxRequestLength)] });
    answers.remember(long, Buffer.from('long'));
    expect(answers.recall(long)).toBeUndefined();
  });

  it('compresses an answer once it is asked for again, and the gzip holds the same bytes', () => {
    const answers = new SafetyAnswers();
    const body = JSON.stringify({ items: regimen });
    const json = safetyReportBytes(safetyCheck(index, regimen, {}));
    const answer = answers.remember(body, json);
    expect(answer.gzip()).toBeNull();
    expect(answers.recall(body)).toBe(answer);
    const gzip = answer.gzip()!;
    expect(gzip.length).toBeLessThan(json.length / 2);
    expect(gunzipSync(gzip).equals(json)).toBe(true);
    expect(answer.gzip()).toBe(gzip);
  });

  it('reads Accept-Encoding as RFC 9110 does', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
