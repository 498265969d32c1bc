// The validated questionnaires Meridian scores, each exactly as published, with its source. Licences:
// the PHQ family (PHQ-2, PHQ-9, GAD-2, GAD-7) carries a Pfizer copyright notice and is in wide free
// clinical use; the PEG was published openly (J Gen Intern Med 2009). We did not find the publisher's
// own statement of terms in our sources, so confirm it before redistributing the item wording. PROMIS
// measures need written permission to be built into software and the Insomnia Severity Index is
// licensed: neither is here.

export type InstrumentId = 'phq-9' | 'gad-7' | 'peg' | 'pain-nrs';

export interface Band {
  /** Lowest score of the band (inclusive). */
  from: number;
  label: string;
}

export interface Instrument {
  id: InstrumentId;
  name: string;
  items: number;
  /** Each item's range. */
  itemMax: number;
  /** The score's range. */
  max: number;
  /** Higher scores are worse for every instrument here. */
  bands: Band[];
  /** Where the scoring rule and bands come from. */
  sources: string[];
}

export const instruments: Record<InstrumentId, Instrument> = {
  'phq-9': {
    id: 'phq-9',
    name: 'PHQ-9 (depression)',
    items: 9,
    itemMax: 3,
    max: 27,
    // Kroenke, Spitzer & Williams 2001: scores of 5, 10, 15 and 20 represent mild, moderate,
    // moderately severe and severe depression.
    bands: [
      { from: 0, label: 'none or minimal' },
      { from: 5, label: 'mild' },
      { from: 10, label: 'moderate' },
      { from: 15, label: 'moderately severe' },
      { from: 20, label: 'severe' },
    ],
    sources: ['https://pubmed.ncbi.nlm.nih.gov/11556941/'],
  },
  'gad-7': {
    id: 'gad-7',
    name: 'GAD-7 (anxiety)',
    items: 7,
    itemMax: 3,
    max: 21,
    // Spitzer et al. 2006; Kroenke et al. 2007: 5, 10 and 15 are the cut points for mild, moderate and
    // severe anxiety.
    bands: [
      { from: 0, label: 'minimal' },
      { from: 5, label: 'mild' },
      { from: 10, label: 'moderate' },
      { from: 15, label: 'severe' },
    ],
    sources: [
      'https://jamanetwork.com/journals/jamainternalmedicine/fullarticle/410326',
      'https://www.acpjournals.org/doi/10.7326/0003-4819-146-5-200703060-00004',
    ],
  },
  peg: {
    id: 'peg',
    name: 'PEG (pain, enjoyment, general activity)',
    items: 3,
    itemMax: 10,
    max: 10,
    // The PEG has no published severity bands; it is followed as a number over time.
    bands: [],
    sources: ['https://pubmed.ncbi.nlm.nih.gov/19418100/'],
  },
  'pain-nrs': {
    id: 'pain-nrs',
    name: 'Pain now (0–10)',
    items: 1,
    itemMax: 10,
    max: 10,
    bands: [],
    sources: ['https://pubmed.ncbi.nlm.nih.gov/11690728/'],
  },
};

export interface QuestionnaireScore {
  instrument: InstrumentId;
  score: number;
  band: string | null;
  /** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered above 0. */
  selfHarmItemPositive?: boolean;
}

/** Scores one completed questionnaire; throws a RangeError on a missing or out-of-range answer. */
export function scoreQuestionnaire(id: InstrumentId, answers: readonly number[]): QuestionnaireScore {
  const def = instruments[id];
  if (answers.length !== def.items)
    throw new RangeError(`${def.name} has ${def.items} items; got ${answers.length}.`);
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 0 || a > def.itemMax)
      throw new RangeError(`${def.name} answers are whole numbers from 0 to ${def.itemMax}; got ${a}.`);
  }
  const sum = answers.reduce((a, b) => a + b, 0);
  // The PEG is the mean of its three items (Krebs et al. 2009); the others are sums.
  const score = id === 'peg' ? Math.round((sum / 3) * 10) / 10 : sum;
  const band = [...def.bands].reverse().find((b) => score >= b.from)?.label ?? null;
  return {
    instrument: id,
    score,
    band,
    ...(id === 'phq-9' ? { selfHarmItemPositive: answers[8]! > 0 } : {}),
  };
}

/**
 * A clinically important fall in pain intensity on a 0–10 scale: about 30% or 2 points (Farrar et al.
 * 2001, pregabalin trials in five chronic pain conditions). Either is enough; a baseline of 0 cannot
 * improve.
 */
export function clinicallyImportantPainChange(
  baseline: number,
  followUp: number,
): {
  change: number;
  percent: number | null;
  important: boolean;
} {
  const change = Math.round((followUp - baseline) * 10) / 10;
  const percent = baseline > 0 ? Math.round(((followUp - baseline) / baseline) * 1000) / 10 : null;
  return { change, percent, important: change <= -2 || (percent !== null && percent <= -30) };
}
