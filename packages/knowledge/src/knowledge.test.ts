import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKnowledge } from './load.ts';
import { isTrustedSource } from './source-hosts.ts';

describe('the shipped knowledge base', () => {
  const { data, problems } = readKnowledge();

  it('passes the schema and every cross-reference check', () => {
    expect(problems).toEqual([]);
  });

  const clinicalRows = [
    ...data.properties,
    ...data.interactions,
    ...data.nonInteractions,
    ...data.precautions,
    ...data.rules,
    ...data.classes,
  ];

  it('gives every clinical row at least one https source', () => {
    const rows = clinicalRows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.sources.length, JSON.stringify(row).slice(0, 120)).toBeGreaterThan(0);
      for (const s of row.sources) expect(s).toMatch(/^https:\/\//);
    }
  });

  it('cites only sources on trusted hosts (databases, agencies, guideline bodies, journals)', () => {
    const rows = [...clinicalRows, ...data.agents];
    const untrusted = rows.flatMap((row) => (row.sources ?? []).filter((s) => !isTrustedSource(s)));
    expect(untrusted).toEqual([]);
  });
});

describe('trusted source hosts', () => {
  it('accepts PubMed, PMC, agencies and journals, and refuses look-alikes and copies', () => {
    expect(isTrustedSource('https://pubmed.ncbi.nlm.nih.gov/22300597/')).toBe(true);
    expect(isTrustedSource('https://www.fda.gov/drugs/drug-safety')).toBe(true);
    expect(isTrustedSource('https://nccih.nih.gov/health/ginkgo')).toBe(true);
    expect(isTrustedSource('https://www.scribd.com/document/1')).toBe(false);
    expect(isTrustedSource('https://fda.gov.example.net/x')).toBe(false);
    expect(isTrustedSource('https://notnih.gov/x')).toBe(false);
    expect(isTrustedSource('not a url')).toBe(false);
  });
});

describe('the validator', () => {
  it('refuses an interaction without a source, and a reference to an unknown agent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.mkdirSync(path.join(dir, 'agents'));
    fs.mkdirSync(path.join(dir, 'interactions'));
    fs.writeFileSync(
      path.join(dir, 'agents', 'a.json'),
      JSON.stringify([{ id: 'warfarin', kind: 'medicine', name: 'warfarin' }]),
    );
    const row = {
      id: 'warfarin-x',
      a: 'warfarin',
      b: 'nonexistent-herb',
      severity: 'major',
      effect: 'something happens to the patient',
      mechanism: 'a mechanism',
      management: 'do something',
      evidence: 'case-reports',
      sources: [],
    };
    fs.writeFileSync(
      path.join(dir, 'interactions', 'i.json'),
      JSON.stringify([row, { ...row, id: 'warfarin-y', sources: ['https://pubmed.ncbi.nlm.nih.gov/1/'] }]),
    );
    const { problems } = readKnowledge(dir);
    expect(problems).toContain('interactions/i.json warfarin-x: sources every row needs at least one source');
    expect(problems).toContain('interaction warfarin-y: unknown b nonexistent-herb');
  });

  it('refuses a name that two entries claim', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.mkdirSync(path.join(dir, 'agents'));
    fs.writeFileSync(
      path.join(dir, 'agents', 'a.json'),
      JSON.stringify([
        { id: 'ginseng-asian', kind: 'herb', name: 'Asian ginseng', synonyms: ['ginseng'] },
        { id: 'ginseng-american', kind: 'herb', name: 'American ginseng', synonyms: ['ginseng'] },
      ]),
    );
    expect(readKnowledge(dir).problems).toContain(
      'the name "ginseng" belongs to both ginseng-asian and ginseng-american',
    );
  });
});
