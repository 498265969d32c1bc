import { describe, expect, it } from 'vitest';
import { labelSources, sourceLink } from './sources.ts';

describe('sourceLink', () => {
  it('shows the host name of an https source', () => {
    expect(sourceLink('https://pubmed.ncbi.nlm.nih.gov/12345678/')).toEqual({
      href: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
      host: 'pubmed.ncbi.nlm.nih.gov',
    });
  });

  it('drops a leading www.', () => {
    expect(sourceLink('https://www.nccih.nih.gov/health/st-johns-wort')?.host).toBe('nccih.nih.gov');
  });

  it('never makes a link of other schemes or malformed values', () => {
    expect(sourceLink('javascript:alert(1)')).toBeNull();
    expect(sourceLink('ftp://example.org/x')).toBeNull();
    expect(sourceLink('not a url')).toBeNull();
    expect(sourceLink('')).toBeNull();
  });
});

describe('labelSources', () => {
  it('numbers a host only when it is cited more than once', () => {
    const labels = labelSources([
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC1/',
      'https://medsafe.govt.nz/x',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC2/',
      'javascript:alert(1)',
    ]).map((s) => [s.label, s.link !== null]);
    expect(labels).toEqual([
      ['pmc.ncbi.nlm.nih.gov (1)', true],
      ['medsafe.govt.nz', true],
      ['pmc.ncbi.nlm.nih.gov (2)', true],
      ['javascript:alert(1)', false],
    ]);
  });
});
