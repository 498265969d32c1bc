import { checkRegimen, type Finding, type SafetyContext } from './check.ts';
import { isResolved, type ResolvedItem, resolveItem, type UnresolvedItem } from './resolve.ts';
import type { SafetyIndex } from './safety-index.ts';

/** The answer of a safety check: the `safety-check --json` and POST /api/safety/check contract. */
export interface SafetyReport {
  resolved: ResolvedItem[];
  unresolved: UnresolvedItem[];
  findings: Finding[];
}

/** Resolves what was written and checks it. Unresolved items are reported, never treated as safe. */
export function safetyCheck(index: SafetyIndex, inputs: string[], context: SafetyContext = {}): SafetyReport {
  const resolved: ResolvedItem[] = [];
  const unresolved: UnresolvedItem[] = [];
  for (const input of inputs) {
    const r = resolveItem(index, input);
    if (isResolved(r)) resolved.push(r);
    else unresolved.push(r);
  }
  return { resolved, unresolved, findings: checkRegimen(index, resolved, context) };
}
