import { normaliseName } from './names.ts';
import type { SafetyIndex } from './safety-index.ts';

export type TypeaheadKind = 'medicine' | 'supplement' | 'therapy' | 'condition';

export interface NameSuggestion {
  id: string;
  name: string;
  kind: TypeaheadKind;
  /** The name that matched when it is not the entry's own (a brand, a Latin name, a synonym). */
  matched: string | null;
}

function kindOf(index: SafetyIndex, kind: string, id: string): TypeaheadKind | null {
  if (kind === 'therapy' || kind === 'condition') return kind;
  if (kind !== 'agent') return null;
  return index.agents.get(id)!.kind === 'medicine' ? 'medicine' : 'supplement';
}

/**
 * Known names that start with what was typed (or have a word that does), for typing suggestions:
 * entries whose own name matches first, then brands and synonyms, shorter names first.
 */
export function suggestNames(
  index: SafetyIndex,
  typed: string,
  kinds: readonly TypeaheadKind[],
  limit = 8,
): NameSuggestion[] {
  const prefix = normaliseName(typed);
  if (prefix.length < 2) return [];
  const found = new Map<string, NameSuggestion & { rank: number }>();
  for (const { normalised, entity } of index.nameList) {
    const kind = kindOf(index, entity.kind, entity.id);
    if (!kind || !kinds.includes(kind)) continue;
    const atStart = normalised.startsWith(prefix);
    if (!atStart && !normalised.includes(` ${prefix}`)) continue;
    const own = normalised === normaliseName(entity.name);
    const rank = (own ? 0 : 2) + (atStart ? 0 : 1) + normalised.length / 1000;
    const key = `${kind}:${entity.id}`;
    const before = found.get(key);
    if (!before || rank < before.rank)
      found.set(key, { id: entity.id, name: entity.name, kind, matched: own ? null : normalised, rank });
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ rank: _rank, ...s }) => s);
}
