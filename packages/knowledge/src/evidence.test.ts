import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EvidenceRow, readEvidence, therapyEvidence } from './evidence.ts';
import { readKnowledge } from './load.ts';
import { isTrustedSource } from './source-hosts.ts';

const knowledge = {
  therapies: [
    { id: 'acupuncture', name: 'Acupuncture' },
    { id: 'yoga', name: 'Yoga' },
  ],
  conditions: [{ id: 'chronic-low-back-pain', name: 'chronic low back pain', kind: 'condition' as const }],
};

const row: EvidenceRow = {
  id: 'test-2017-chronic-lbp-acupuncture',
  therapy: 'acupuncture',
  condition: 'chronic-low-back-pain',
  direction: 'for',
  strength: 'strong',
  certainty: 'moderate',
  grade: 'strong recommendation; moderate-quality evidence',
  guideline: 'Test guideline 2017',
  year: 2017,
  sources: ['https://pubmed.ncbi.nlm.nih.gov/1/'],
};

/** Problems found in a temporary evidence folder holding one file with these rows. */
function problemsOf(rows: unknown[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-'));
  fs.writeFileSync(path.join(dir, 'test.json'), JSON.stringify(rows));
  return readEvidence(dir, knowledge).problems;
}

describe('the evidence validator', () => {
  it('accepts a well-formed row', () => {
    expect(problemsOf([row])).toEqual([]);
  });

  it('refuses a row without a source', () => {
    expect(problemsOf([{ ...row, sources: [] }])).toContain(
      'evidence/test.json test-2017-chronic-lbp-acupuncture: sources every row needs at least one source',
    );
  });

  it('refuses a source on an untrusted host', () => {
    expect(problemsOf([{ ...row, sources: ['https://www.scribd.com/document/1'] }])).toContain(
      'evidence test-2017-chronic-lbp-acupuncture: source on an untrusted host: https://www.scribd.com/document/1',
    );
  });

  it('refuses an unknown therapy and an unknown condition', () => {
    const problems = problemsOf([{ ...row, therapy: 'crystal-healing', condition: 'hiccups' }]);
    expect(problems).toContain('evidence test-2017-chronic-lbp-acupuncture: unknown therapy crystal-healing');
    expect(problems).toContain('evidence test-2017-chronic-lbp-acupuncture: unknown condition hiccups');
  });

  it('refuses a duplicate id and a second row for the same guideline, therapy, condition and population', () => {
    const problems = problemsOf([row, row, { ...row, id: 'test-2017-other' }]);
    expect(problems).toContain('duplicate evidence id: test-2017-chronic-lbp-acupuncture');
    expect(problems.some((p) => p.startsWith('evidence test-2017-other: same guideline'))).toBe(true);
    // A narrower population is a different statement.
    expect(problemsOf([row, { ...row, id: 'test-2017-older', population: 'Adults over 65' }])).toEqual([]);
  });

  it('refuses fields outside the schema and a strength that contradicts the direction', () => {
    expect(problemsOf([{ ...row, rating: 5 }]).some((p) => p.includes('Unrecognized key'))).toBe(true);
    expect(problemsOf([{ ...row, direction: 'no-recommendation' }])).toContain(
      'evidence test-2017-chronic-lbp-acupuncture: a row without a recommendation must have strength "insufficient"',
    );
  });
});

describe('the shipped evidence table', () => {
  const { data } = readKnowledge();
  const { rows, problems } = readEvidence(undefined, data);

  it('passes the schema and every cross-reference check', () => {
    expect(problems).toEqual([]);
    expect(therapyEvidence()).toHaveLength(rows.length);
  });

  it('holds at least 100 rows from several guidelines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.guideline)).size).toBeGreaterThanOrEqual(10);
  });

  it('gives every row a primary source on a trusted host', () => {
    for (const r of rows) expect(isTrustedSource(r.sources[0]!), r.id).toBe(true);
  });

  it('grades acute and chronic low back pain differently (ACP 2017)', () => {
    const acp = rows.filter((r) => r.guideline.startsWith('ACP 2017'));
    const heatAcute = acp.find((r) => r.therapy === 'heat-therapy' && r.condition === 'acute-low-back-pain');
    const yogaChronic = acp.find((r) => r.therapy === 'yoga' && r.condition === 'chronic-low-back-pain');
    expect(heatAcute?.certainty).toBe('moderate');
    expect(yogaChronic?.certainty).toBe('low');
    expect(acp.some((r) => r.therapy === 'yoga' && r.condition === 'acute-low-back-pain')).toBe(false);
  });

  it('keeps recommendations against a therapy (ACR 2019: TENS for knee osteoarthritis)', () => {
    const tens = rows.find((r) => r.id === 'acr-2019-knee-oa-tens');
    expect(tens).toMatchObject({ direction: 'against', strength: 'strong' });
  });
});
