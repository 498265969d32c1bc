/** Lower-case ASCII words, apostrophes and punctuation dropped: how written names are compared. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const units = '(?:mg|mcg|µg|ug|g|gm|grams?|iu|units?|ml|mL|%|mmol|meq)';
const frequency =
  '(?:bid|tid|qid|qd|qhs|qam|qpm|prn|od|bd|tds|daily|nightly|weekly|once|twice|three times|four times|a day|per day|/day|x/day|at bedtime|as needed|in the morning|in the evening)';
const forms =
  '(?:tablets?|tabs?|capsules?|caps?|softgels?|gummies|gummy|pills?|drops?|supplements?|tea|extract|oral|er|xr|sr|cr|ir)';

/**
 * The name part of what a person wrote, without dose, frequency and dose form:
 * "St. John's Wort 300mg TID" → "st johns wort", "Coumadin 5 mg" → "coumadin".
 */
export function stripDose(input: string): string {
  let s = ` ${input.toLowerCase()} `;
  s = s.replace(
    new RegExp(
      `\\d+(?:[.,]\\d+)?\\s*(?:-\\s*\\d+(?:[.,]\\d+)?\\s*)?${units}(?:\\s*/\\s*(?:day|d|kg))?(?=\\W)`,
      'gi',
    ),
    ' ',
  );
  s = s.replace(new RegExp(`(?<=\\W)${frequency}(?=\\W)`, 'gi'), ' ');
  s = s.replace(/(?<=\W)(?:x\s*)?\d+(?:\s*x)?(?=\W)/g, ' ');
  const stripped = normaliseName(s);
  const withoutForms = normaliseName(stripped.replace(new RegExp(`(?<=^|\\s)${forms}(?=\\s|$)`, 'gi'), ' '));
  return withoutForms || stripped;
}

/** Edit distance with adjacent transpositions (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
