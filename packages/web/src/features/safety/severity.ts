import type { Severity } from '../../api/types.ts';

/** Most severe first. */
export const severities: readonly Severity[] = ['contraindicated', 'major', 'moderate', 'minor'];

export const severityLabel: Record<Severity, string> = {
  contraindicated: 'Contraindicated',
  major: 'Major',
  moderate: 'Moderate',
  minor: 'Minor',
};

export interface SeverityTone {
  /** Badge background. */
  bg: string;
  /** Badge text; at least 4.5:1 against `bg` (checked in the tests). */
  fg: string;
  /** The card's edge, a stronger shade of the same hue. */
  edge: string;
}

// Colour only reinforces the text label, it never replaces it. Explicit shades
// because Mantine's filled orange and yellow fail WCAG AA with white text.
export const severityTone: Record<Severity, SeverityTone> = {
  contraindicated: { bg: '#c92a2a', fg: '#ffffff', edge: '#c92a2a' },
  major: { bg: '#ffd8a8', fg: '#212529', edge: '#d9480f' },
  moderate: { bg: '#ffec99', fg: '#212529', edge: '#f08c00' },
  minor: { bg: '#e7f5ff', fg: '#1864ab', edge: '#1864ab' },
};

export interface SeverityGroup<T> {
  severity: Severity;
  label: string;
  findings: T[];
}

/** Non-empty groups, most severe first; order within a group is kept. */
export function groupBySeverity<T extends { severity: Severity }>(
  findings: readonly T[],
): SeverityGroup<T>[] {
  return severities
    .map((severity) => ({
      severity,
      label: severityLabel[severity],
      findings: findings.filter((f) => f.severity === severity),
    }))
    .filter((group) => group.findings.length > 0);
}

export type PlainLevel = 'important' | 'check' | 'good-to-know';

/** For patients: three levels in plain words rather than four clinical grades. */
export const plainLevelOf: Record<Severity, PlainLevel> = {
  contraindicated: 'important',
  major: 'important',
  moderate: 'check',
  minor: 'good-to-know',
};

export const plainLevelLabel: Record<PlainLevel, string> = {
  important: 'Important',
  check: 'Check with your care team',
  'good-to-know': 'Good to know',
};

const plainLevels: readonly PlainLevel[] = ['important', 'check', 'good-to-know'];

export interface PlainGroup<T> {
  level: PlainLevel;
  label: string;
  /** The severity whose colours the group borrows. */
  tone: Severity;
  findings: T[];
}

const plainTone: Record<PlainLevel, Severity> = {
  important: 'contraindicated',
  check: 'moderate',
  'good-to-know': 'minor',
};

/** Non-empty plain-word groups, most important first. */
export function groupForPatient<T extends { severity: Severity }>(findings: readonly T[]): PlainGroup<T>[] {
  return plainLevels
    .map((level) => ({
      level,
      label: plainLevelLabel[level],
      tone: plainTone[level],
      findings: findings.filter((f) => plainLevelOf[f.severity] === level),
    }))
    .filter((group) => group.findings.length > 0);
}

const evidenceLabels: Record<string, string> = {
  guideline: 'Guideline',
  'clinical-study': 'Clinical study',
  'case-reports': 'Case reports',
  observational: 'Observational data',
  pharmacological: 'Pharmacological reasoning',
};

/** "clinical-study" → "Clinical study"; unknown levels are made readable rather than hidden. */
export function evidenceLabel(evidence: string): string {
  const known = evidenceLabels[evidence];
  if (known) return known;
  const words = evidence.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Not stated' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 finding", "3 findings". */
export function countFindings(count: number): string {
  return `${count} ${count === 1 ? 'finding' : 'findings'}`;
}
