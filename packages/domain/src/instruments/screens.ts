// Scoring of the brief screens asked at intake. Each rule is written down with the paper it comes from;
// the full questionnaires (PHQ-9, GAD-7) join with the progress module.

/** A scored screen: the total, whether it is positive, and the rule's source. */
export interface ScreenResult {
  instrument: 'phq-2' | 'gad-2' | 'peg';
  score: number;
  /** PHQ-2 and GAD-2: at or above the published cut-point, worth a fuller assessment. PEG: not a screen. */
  positive: boolean | null;
  interpretation: string;
  sources: string[];
}

function itemsOf(values: readonly number[], count: number, max: number, name: string): number[] {
  if (values.length !== count) throw new RangeError(`${name} has ${count} items; got ${values.length}.`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > max)
      throw new RangeError(`${name} items are whole numbers from 0 to ${max}; got ${v}.`);
  }
  return [...values];
}

/**
 * PHQ-2: two items (little interest or pleasure; feeling down, depressed or hopeless) over the past two
 * weeks, each 0 ("not at all") to 3 ("nearly every day"); total 0–6. A total of 3 or more was the best
 * cut-point for major depression (sensitivity 83%, specificity 92%) in Kroenke, Spitzer & Williams 2003.
 */
export function scorePhq2(items: readonly number[]): ScreenResult {
  const score = itemsOf(items, 2, 3, 'PHQ-2').reduce((a, b) => a + b, 0);
  const positive = score >= 3;
  return {
    instrument: 'phq-2',
    score,
    positive,
    interpretation: positive
      ? 'Positive depression screen: assess further (e.g. with the PHQ-9).'
      : 'Negative depression screen.',
    sources: ['https://pubmed.ncbi.nlm.nih.gov/14583691/'],
  };
}

/**
 * GAD-2: the first two GAD-7 items (feeling nervous, anxious or on edge; not being able to stop or
 * control worrying), each 0–3; total 0–6. Kroenke et al. 2007 found it a good screen for generalised
 * anxiety, panic, social anxiety and post-traumatic stress disorders; 3 or more is the usual cut-point.
 */
export function scoreGad2(items: readonly number[]): ScreenResult {
  const score = itemsOf(items, 2, 3, 'GAD-2').reduce((a, b) => a + b, 0);
  const positive = score >= 3;
  return {
    instrument: 'gad-2',
    score,
    positive,
    interpretation: positive
      ? 'Positive anxiety screen: assess further (e.g. with the GAD-7).'
      : 'Negative anxiety screen.',
    sources: [
      'https://www.acpjournals.org/doi/10.7326/0003-4819-146-5-200703060-00004',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC6431620',
    ],
  };
}

/**
 * PEG (Krebs et al. 2009): average Pain, interference with Enjoyment of life and with General activity
 * over the past week, each 0–10; the score is their mean (0–10), kept to one decimal.
 */
export function scorePeg(items: readonly number[]): ScreenResult {
  const values = itemsOf(items, 3, 10, 'PEG');
  const score = Math.round((values.reduce((a, b) => a + b, 0) / 3) * 10) / 10;
  return {
    instrument: 'peg',
    score,
    positive: null,
    interpretation: `Pain, enjoyment and activity together: ${score} out of 10 (higher is worse).`,
    sources: ['https://pubmed.ncbi.nlm.nih.gov/19418100/'],
  };
}
