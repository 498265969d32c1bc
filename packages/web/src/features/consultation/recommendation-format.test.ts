import type { Recommendation } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import {
  guidelineLine,
  humanizeId,
  recommendationBadges,
  sortedSafetyFindings,
  therapyNames,
} from './recommendation-format.ts';
import { badgeTones } from './tones.ts';

const base: Recommendation = {
  therapy: { id: 'acupuncture', name: 'Acupuncture' },
  direction: 'for',
  best: null,
  evidence: [],
  forConditions: [],
  safety: { level: 'none', findings: [] },
  availability: 'offered',
  preference: null,
  coverage: 'unknown',
  suggested: true,
  notes: [],
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('recommendations on the workspace', () => {
  it('names the guideline once, with its year when the name lacks it', () => {
    expect(guidelineLine({ guideline: 'ACP 2017: noninvasive treatments', year: 2017 })).toBe(
      'ACP 2017: noninvasive treatments',
    );
    expect(guidelineLine({ guideline: 'EULAR revised recommendations', year: 2016 })).toBe(
      'EULAR revised recommendations (2016)',
    );
  });

  it('badges safety first, then availability, preference and coverage', () => {
    expect(recommendationBadges(base)).toEqual([]);
    expect(
      recommendationBadges({
        ...base,
        safety: { level: 'caution', findings: [] },
        availability: 'not-offered',
        preference: 'needle-aversion',
        coverage: 'self-pay',
      }).map((b) => b.label),
    ).toEqual(['Caution', 'Not offered here', 'Patient would rather avoid needles', 'Self-pay']);
    expect(
      recommendationBadges({
        ...base,
        safety: { level: 'contraindicated', findings: [] },
        preference: 'wanted',
        coverage: 'covered',
      }),
    ).toEqual([
      { label: 'Contraindicated', tone: 'danger' },
      { label: 'Patient asked for it', tone: 'good' },
      { label: 'Covered', tone: 'good' },
    ]);
  });

  it('sorts findings most severe first, keeping the order within a severity', () => {
    const sorted = sortedSafetyFindings([
      { severity: 'minor' as const, summary: 'a' },
      { severity: 'major' as const, summary: 'b' },
      { severity: 'contraindicated' as const, summary: 'c' },
      { severity: 'major' as const, summary: 'd' },
    ]);
    expect(sorted.map((f) => f.summary)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('knows every therapy named in the lists, and makes unknown ids readable', () => {
    const names = therapyNames([[base], [{ ...base, therapy: { id: 'tens', name: 'TENS' } }]]);
    expect(Object.fromEntries(names)).toEqual({ acupuncture: 'Acupuncture', tens: 'TENS' });
    expect(humanizeId('tai-chi')).toBe('Tai chi');
  });

  it('keeps every badge colour readable (WCAG AA, 4.5:1)', () => {
    for (const tone of Object.values(badgeTones))
      expect(contrast(tone.bg, tone.fg)).toBeGreaterThanOrEqual(4.5);
  });
});
