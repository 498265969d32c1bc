import { describe, expect, it } from 'vitest';
import {
  answersToNumbers,
  bandWords,
  dueWords,
  firstUnanswered,
  questionnaireOrder,
  scoreMeaning,
  scoreOutOf,
} from './questionnaire-format.ts';

describe('scores in plain words', () => {
  it('gives the band as words', () => {
    expect(bandWords('phq-9', 'none or minimal')).toBe('None or minimal depression symptoms');
    expect(bandWords('gad-7', 'moderate')).toBe('Moderate anxiety symptoms');
    expect(bandWords('peg', null)).toBeNull();
  });

  it('gives the score out of its maximum, with its meaning', () => {
    expect(scoreOutOf('peg', 4.666)).toBe('4.7 out of 10');
    expect(scoreOutOf('phq-9', 7)).toBe('7 out of 27');
    expect(scoreMeaning('gad-7', 6, 'mild')).toBe('6 out of 21: mild anxiety symptoms');
    expect(scoreMeaning('peg', 4, null)).toBe('4 out of 10 (lower is better)');
  });
});

describe('what is due', () => {
  it('says due now or the next date', () => {
    expect(dueWords({ instrument: 'peg', dueOn: '2026-11-20', due: true })).toBe('Due now');
    expect(dueWords({ instrument: 'peg', dueOn: '2026-12-05', due: false })).toBe(
      'Next due December 5, 2026',
    );
  });

  it('lists due ones first, then the plan’s later ones, then the rest', () => {
    expect(
      questionnaireOrder([
        { instrument: 'peg', dueOn: '2026-12-05', due: false },
        { instrument: 'phq-9', dueOn: '2026-11-20', due: true },
      ]),
    ).toEqual(['phq-9', 'peg', 'gad-7', 'pain-nrs']);
    expect(questionnaireOrder([])).toEqual(['peg', 'phq-9', 'gad-7', 'pain-nrs']);
  });
});

describe('answers', () => {
  it('finds the first unanswered item and turns complete answers into numbers', () => {
    expect(firstUnanswered(['1', '', '0'])).toBe(1);
    expect(answersToNumbers(['1', '', '0'])).toBeNull();
    expect(answersToNumbers(['4', '4', '0'])).toEqual([4, 4, 0]);
  });
});
