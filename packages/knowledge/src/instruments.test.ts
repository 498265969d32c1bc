import { describe, expect, it } from 'vitest';
import { instrumentTexts } from './instruments.ts';

describe('questionnaire wording', () => {
  it('has every scored instrument word for word, matching its scoring', () => {
    const texts = instrumentTexts();
    expect(texts.map((t) => t.id)).toEqual(['phq-9', 'gad-7', 'peg', 'pain-nrs']);
    expect(texts.find((t) => t.id === 'phq-9')!.items).toHaveLength(9);
    expect(texts.find((t) => t.id === 'gad-7')!.options!.map((o) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
  });
});
