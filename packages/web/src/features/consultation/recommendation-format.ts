import type { Recommendation } from '@meridian/domain';
import { severities } from '../safety/severity.ts';

// How a recommendation reads on the workspace: the grade in the guideline's own words, where it is
// written, and plain badges for what matters for this patient (never colour alone).

export type BadgeTone = 'danger' | 'warning' | 'info' | 'neutral' | 'good';

export interface RecommendationBadge {
  label: string;
  tone: BadgeTone;
}

/** "ACP 2017: noninvasive treatments … (2017)"; the guideline's name usually holds its year already. */
export function guidelineLine(best: { guideline: string; year: number }): string {
  return best.guideline.includes(String(best.year)) ? best.guideline : `${best.guideline} (${best.year})`;
}

/** The badges of one recommendation, most important first. */
export function recommendationBadges(rec: Recommendation): RecommendationBadge[] {
  const badges: RecommendationBadge[] = [];
  if (rec.safety.level === 'contraindicated') badges.push({ label: 'Contraindicated', tone: 'danger' });
  else if (rec.safety.level === 'caution') badges.push({ label: 'Caution', tone: 'warning' });
  if (rec.availability === 'not-offered') badges.push({ label: 'Not offered here', tone: 'neutral' });
  if (rec.preference === 'wanted') badges.push({ label: 'Patient asked for it', tone: 'good' });
  else if (rec.preference === 'declined') badges.push({ label: 'Patient would rather not', tone: 'warning' });
  else if (rec.preference === 'needle-aversion')
    badges.push({ label: 'Patient would rather avoid needles', tone: 'warning' });
  if (rec.coverage === 'covered') badges.push({ label: 'Covered', tone: 'good' });
  else if (rec.coverage === 'self-pay') badges.push({ label: 'Self-pay', tone: 'neutral' });
  return badges;
}

/** The safety findings of a recommendation, most severe first (order within a severity kept). */
export function sortedSafetyFindings<T extends { severity: (typeof severities)[number] }>(
  findings: readonly T[],
): T[] {
  return severities.flatMap((severity) => findings.filter((f) => f.severity === severity));
}

/** Every therapy id the workspace knows, with its name (for the plan editor and the preferences). */
export function therapyNames(lists: readonly (readonly Recommendation[])[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) for (const rec of list) names.set(rec.therapy.id, rec.therapy.name);
  return names;
}

/** "tai-chi" → "Tai chi", for an id the knowledge base did not name. */
export function humanizeId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}
