// Format checks for the clinical codes on conditions (FHIR Condition.code, visit summaries).
// They catch typing mistakes, not wrong meanings: every code is still read on a source first.

export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const conditionCodeSystems = [ICD10CM_SYSTEM, SNOMED_SYSTEM] as const;
export type ConditionCodeSystem = (typeof conditionCodeSystems)[number];

/**
 * ICD-10-CM code with its dot: a letter (not U, which the US does not use outside emergency
 * codes), a digit, a digit or A/B, then up to four characters after the dot (placeholder X
 * included), e.g. "M79.7", "M54.50", "G43.909", "F32.A".
 */
const icd10CmPattern = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

export function isIcd10CmCode(code: string): boolean {
  return icd10CmPattern.test(code);
}

// Verhoeff check digit (dihedral group D5): multiplication table, permutation table.
const verhoeffD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when a string of digits ends in a valid Verhoeff check digit. */
export function hasValidVerhoeffCheckDigit(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    // Indices are in range by construction: c and digit are 0–9, i % 8 is 0–7.
    c = verhoeffD[c]![verhoeffP[i % 8]![digit]!]!;
  }
  return c === 0;
}

/**
 * SNOMED CT concept id (SCTID): 6–18 digits, no leading zero, partition identifier "00"
 * (concept in the international release) or "10" (concept in an extension, e.g. the US
 * edition), and a Verhoeff check digit last.
 */
export function isSnomedConceptId(id: string): boolean {
  if (!/^[1-9][0-9]{5,17}$/.test(id)) return false;
  const partition = id.slice(-3, -1);
  if (partition !== '00' && partition !== '10') return false;
  return hasValidVerhoeffCheckDigit(id);
}

/** Problems with the codes of one condition: format per system, at most one code per system. */
export function conditionCodeProblems(
  conditionId: string,
  codes: readonly { system: string; code: string }[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { system, code } of codes) {
    if (seen.has(system)) problems.push(`condition ${conditionId}: more than one ${system} code`);
    seen.add(system);
    if (system === ICD10CM_SYSTEM && !isIcd10CmCode(code))
      problems.push(`condition ${conditionId}: "${code}" is not an ICD-10-CM code`);
    if (system === SNOMED_SYSTEM && !isSnomedConceptId(code))
      problems.push(
        `condition ${conditionId}: "${code}" is not a SNOMED CT concept id (format or check digit)`,
      );
  }
  return problems;
}
