import { describe, expect, it } from 'vitest';
import { clinicallyImportantPainChange, scoreQuestionnaire } from './questionnaires.ts';

const phq9 = (total: number) => {
  const items = Array(9).fill(0);
  for (let i = 0; total > 0; i = (i + 1) % 8) {
    items[i]++;
    total--;
  }
  return items;
};
const gad7 = (total: number) => {
  const items = Array(7).fill(0);
  for (let i = 0; total > 0; i = (i + 1) % 7) {
    items[i]++;
    total--;
  }
  return items;
};

describe('questionnaires scored as published', () => {
  it.each([
    [0, 'none or minimal'],
    [4, 'none or minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately severe'],
    [19, 'moderately severe'],
    [20, 'severe'],
    [24, 'severe'],
  ])('PHQ-9 total %i is %s', (total, band) => {
    expect(scoreQuestionnaire('phq-9', phq9(total))).toMatchObject({
      score: total,
      band,
      selfHarmItemPositive: false,
    });
  });

  it('flags any answer above 0 on the PHQ-9 self-harm item', () => {
    expect(scoreQuestionnaire('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]).selfHarmItemPositive).toBe(true);
    expect(scoreQuestionnaire('phq-9', Array(9).fill(3)).score).toBe(27);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('GAD-7 total %i is %s', (total, band) => {
    expect(scoreQuestionnaire('gad-7', gad7(total))).toMatchObject({ score: total, band });
  });

  it('scores the PEG as a mean and the pain scale as given, without bands', () => {
    expect(scoreQuestionnaire('peg', [5, 4, 4])).toMatchObject({ score: 4.3, band: null });
    expect(scoreQuestionnaire('pain-nrs', [7])).toMatchObject({ score: 7, band: null });
  });

  it('refuses missing and out-of-range answers', () => {
    expect(() => scoreQuestionnaire('gad-7', [1, 1])).toThrow(/7 items/);
    expect(() => scoreQuestionnaire('phq-9', [4, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/0 to 3/);
  });
});

describe('clinically important change in pain', () => {
  it('counts a fall of 2 points or 30% (Farrar 2001)', () => {
    expect(clinicallyImportantPainChange(8, 6)).toMatchObject({ change: -2, important: true });
    expect(clinicallyImportantPainChange(3, 2)).toMatchObject({
      change: -1,
      percent: -33.3,
      important: true,
    });
    expect(clinicallyImportantPainChange(8, 7)).toMatchObject({ important: false });
    expect(clinicallyImportantPainChange(5, 6)).toMatchObject({ change: 1, important: false });
    expect(clinicallyImportantPainChange(0, 0)).toMatchObject({ percent: null, important: false });
  });
});
