import type {
  CheckFinding,
  FindingItem,
  RegimenCategory,
  RegimenItem,
  SafetyCheckResult,
} from '../../api/types.ts';

/** The server's check accepts at most this many items at once. */
export const maxCheckItems = 100;

/** How the safety check reads an item: therapies and conditions carry their prefix. */
export function checkInput(category: RegimenCategory, text: string): string {
  const trimmed = text.trim();
  return category === 'therapy' || category === 'condition' ? `${category}:${trimmed}` : trimmed;
}

/** The patient's active items and then the draft, within the server's limit. */
export function previewInputs(items: readonly RegimenItem[], draft: string): string[] {
  const active = items
    .filter((item) => item.status === 'active' && item.text.trim() !== '')
    .map((item) => checkInput(item.category, item.text));
  return [...active.slice(0, maxCheckItems - 1), draft];
}

export function findingItemId(item: string | FindingItem): string {
  return typeof item === 'string' ? item : item.id;
}

export interface PreviewFinding extends Omit<CheckFinding, 'items'> {
  itemNames: string[];
}

export type PreviewOutcome =
  | { status: 'unresolved'; suggestions: string[] }
  | {
      status: 'resolved';
      name: string;
      kind: string;
      /** An active item already resolves to the same thing. */
      alreadyListed: boolean;
      /** Findings the draft would add (those that involve it). */
      findings: PreviewFinding[];
    }
  /** The answer does not mention the draft (e.g. it came back for an older draft). */
  | { status: 'unknown' };

/** What adding the draft would change, read from a check of the active items plus the draft. */
export function describePreview(
  result: SafetyCheckResult,
  draft: string,
  items: readonly RegimenItem[],
): PreviewOutcome {
  const unresolved = result.unresolved.findLast((u) => u.input === draft);
  const resolved = result.resolved.findLast((r) => r.input === draft);
  if (!resolved)
    return unresolved ? { status: 'unresolved', suggestions: unresolved.suggestions } : { status: 'unknown' };

  const names = new Map(result.resolved.map((r) => [r.id, r.name]));
  const findings = result.findings
    .filter((f) => f.items.some((item) => findingItemId(item) === resolved.id))
    .map(({ items: findingItems, ...rest }) => ({
      ...rest,
      itemNames: findingItems.map((item) =>
        typeof item === 'string' ? (names.get(item) ?? item) : item.name,
      ),
    }));
  const alreadyListed = items.some((item) => item.status === 'active' && item.resolved?.id === resolved.id);
  return { status: 'resolved', name: resolved.name, kind: resolved.kind, alreadyListed, findings };
}
