import { editDistance, normaliseName, stripDose } from './names.ts';
import type { EntityKind, NamedEntity, SafetyIndex } from './safety-index.ts';

export interface ResolvedItem {
  input: string;
  id: string;
  name: string;
  kind: 'medicine' | 'herb' | 'supplement' | 'food' | 'therapy' | 'condition' | 'class';
}
export interface UnresolvedItem {
  input: string;
  suggestions: string[];
}

/** Reads "therapy:massage" / "condition:DVT" prefixes: they restrict what the name may be. */
function splitPrefix(input: string): { text: string; only: EntityKind | null } {
  const m = /^\s*(therapy|condition)\s*:\s*(.+)$/i.exec(input);
  return m ? { text: m[2]!, only: m[1]!.toLowerCase() as EntityKind } : { text: input, only: null };
}

/** The ways of reading one written item, most literal first. */
function candidates(text: string): string[] {
  const out = [normaliseName(text), stripDose(text)];
  const noParens = text.replace(/\([^)]*\)/g, ' ');
  out.push(normaliseName(noParens), stripDose(noParens));
  for (const m of text.matchAll(/\(([^)]*)\)/g)) out.push(normaliseName(m[1]!));
  // Plurals people write: "fractures", "SSRI" for "SSRIs" is covered by synonyms.
  for (const c of [...out])
    if (c.length > 4 && c.endsWith('s') && !c.endsWith('ss')) out.push(c.slice(0, -1));
  return [...new Set(out.filter(Boolean))];
}

function kindOf(entity: NamedEntity, index: SafetyIndex): ResolvedItem['kind'] {
  if (entity.kind === 'agent') return index.agents.get(entity.id)!.kind;
  return entity.kind;
}

/** Up to three known names close to what was written ("ginko" → "ginkgo"). */
export function suggest(index: SafetyIndex, text: string, only: EntityKind | null = null): string[] {
  const target = stripDose(text) || normaliseName(text);
  if (!target) return [];
  const limit = Math.max(1, Math.min(3, Math.floor(target.length / 4)));
  const scored: { name: string; d: number }[] = [];
  for (const { normalised, entity } of index.nameList) {
    if (only && entity.kind !== only) continue;
    if (Math.abs(normalised.length - target.length) > limit) {
      if (!(normalised.startsWith(target) && target.length >= 4)) continue;
    }
    const d = normalised.startsWith(target) && target.length >= 4 ? 0.5 : editDistance(target, normalised);
    if (d <= limit) scored.push({ name: normalised, d });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, 3);
}

const maxCachedResolutions = 20_000;

/** Resolves one written item to a known medicine, herb, supplement, food, therapy or condition. */
export function resolveItem(index: SafetyIndex, input: string): ResolvedItem | UnresolvedItem {
  const cached = index.resolutions.get(input) as ResolvedItem | UnresolvedItem | undefined;
  if (cached) return 'id' in cached ? { ...cached } : { input, suggestions: [...cached.suggestions] };
  const result = resolveUncached(index, input);
  if (index.resolutions.size >= maxCachedResolutions) index.resolutions.clear();
  index.resolutions.set(input, result);
  return 'id' in result ? { ...result } : { input, suggestions: [...result.suggestions] };
}

function resolveUncached(index: SafetyIndex, input: string): ResolvedItem | UnresolvedItem {
  const { text, only } = splitPrefix(input);
  for (const c of candidates(text)) {
    const entity = index.names.get(c);
    if (entity && (!only || entity.kind === only)) {
      return { input, id: entity.id, name: entity.name, kind: kindOf(entity, index) };
    }
  }
  return { input, suggestions: suggest(index, text, only) };
}

/** True for a resolved item. */
export function isResolved(item: ResolvedItem | UnresolvedItem): item is ResolvedItem {
  return 'id' in item;
}
