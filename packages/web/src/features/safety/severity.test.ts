import { describe, expect, it } from 'vitest';
import type { Severity } from '../../api/types.ts';
import {
  countFindings,
  evidenceLabel,
  groupBySeverity,
  groupForPatient,
  severities,
  severityLabel,
  severityTone,
} from './severity.ts';

const f = (id: string, severity: Severity) => ({ id, severity });

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('groupBySeverity', () => {
  it('keeps only non-empty groups, most severe first, order kept within a group', () => {
    const groups = groupBySeverity([
      f('a', 'minor'),
      f('b', 'major'),
      f('c', 'minor'),
      f('d', 'contraindicated'),
    ]);
    expect(groups.map((g) => [g.label, g.findings.map((x) => x.id)])).toEqual([
      ['Contraindicated', ['d']],
      ['Major', ['b']],
      ['Minor', ['a', 'c']],
    ]);
  });

  it('is empty for no findings', () => {
    expect(groupBySeverity([])).toEqual([]);
  });
});

describe('groupForPatient', () => {
  it('folds four grades into three plain-word levels', () => {
    const groups = groupForPatient([
      f('a', 'moderate'),
      f('b', 'major'),
      f('c', 'contraindicated'),
      f('d', 'minor'),
    ]);
    expect(groups.map((g) => [g.label, g.findings.map((x) => x.id)])).toEqual([
      ['Important', ['b', 'c']],
      ['Check with your care team', ['a']],
      ['Good to know', ['d']],
    ]);
  });
});

describe('severity labels and colours', () => {
  it('labels every severity in words', () => {
    for (const s of severities) expect(severityLabel[s]).toMatch(/^[A-Z][a-z]+$/);
  });

  it('gives badge text at least 4.5:1 contrast', () => {
    for (const s of severities) {
      expect(contrast(severityTone[s].bg, severityTone[s].fg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every severity a distinct colour', () => {
    expect(new Set(severities.map((s) => severityTone[s].bg)).size).toBe(severities.length);
  });
});

describe('evidenceLabel and countFindings', () => {
  it('names known levels and makes unknown ones readable', () => {
    expect(evidenceLabel('clinical-study')).toBe('Clinical study');
    expect(evidenceLabel('pharmacological')).toBe('Pharmacological reasoning');
    expect(evidenceLabel('expert-opinion')).toBe('Expert opinion');
    expect(evidenceLabel('')).toBe('Not stated');
  });

  it('pluralises', () => {
    expect(countFindings(1)).toBe('1 finding');
    expect(countFindings(2)).toBe('2 findings');
  });
});
