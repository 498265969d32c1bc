import type { ReconciledItem } from './consultation-types.ts';

export interface ReconciliationGroups {
  /** Active medicines and supplements, those still to confirm first. */
  taken: ReconciledItem[];
  /** Active conditions. */
  conditions: ReconciledItem[];
  /** How many medicines and supplements are still unconfirmed (signing waits for them). */
  unverified: number;
}

/** Splits the active regimen for the reconciliation: what is taken (unconfirmed first) and the conditions. */
export function reconciliationGroups(items: readonly ReconciledItem[]): ReconciliationGroups {
  const active = items.filter((i) => i.status === 'active');
  const taken = active
    .filter((i) => i.category === 'medicine' || i.category === 'supplement')
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(a.item.verified === true) - Number(b.item.verified === true) || a.index - b.index)
    .map(({ item }) => item);
  return {
    taken,
    conditions: active.filter((i) => i.category === 'condition'),
    unverified: taken.filter((i) => i.verified !== true).length,
  };
}

/** What of the regimen the recommendations depend on: items, their state, and the findings. */
export function regimenFingerprint(view: {
  items: readonly ReconciledItem[];
  findings: readonly { id: string }[];
}): string {
  return JSON.stringify([
    view.items.map((i) => [i.id, i.status, i.verified === true]),
    view.findings.map((f) => f.id),
  ]);
}
