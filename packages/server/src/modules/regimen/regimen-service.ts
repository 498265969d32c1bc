import { checkRegimen, isResolved, resolveItem, type Severity } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { Queryable } from '../../db/database.ts';
import {
  activeFindings,
  type FindingRow,
  insertRegimenItem,
  type RegimenCategory,
  type RegimenItemRow,
  regimenItems,
  saveFindings,
  saveResolutions,
} from './regimen-repo.ts';

/** How an item is read by the engine: therapies and conditions carry their prefix. */
export function inputOf(row: Pick<RegimenItemRow, 'category' | 'entered_text'>): string {
  return row.category === 'therapy' || row.category === 'condition'
    ? `${row.category}:${row.entered_text}`
    : row.entered_text;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Adds items someone other than a clinician reported (the patient's intake, a record imported from the
 * primary care provider), skipping those already on the active regimen. They stay unverified until a
 * clinician reconciles them; the caller runs the safety check afterwards.
 */
export async function addReportedItems(
  q: Queryable,
  patientId: string,
  items: {
    category: RegimenCategory;
    text: string;
    dose?: string | undefined;
    frequency?: string | undefined;
  }[],
  by: { userId: string; role: string },
  now: Date,
): Promise<{ added: string[]; alreadyThere: string[] }> {
  const onRegimen = await regimenItems(q, patientId);
  const added: string[] = [];
  const alreadyThere: string[] = [];
  const seen: { category: string; text: string }[] = [];
  for (const item of items) {
    if (seen.some((x) => x.category === item.category && sameText(x.text, item.text))) continue;
    seen.push(item);
    const same = onRegimen.find((i) => i.category === item.category && sameText(i.entered_text, item.text));
    if (same) alreadyThere.push(same.id);
    else added.push(await insertRegimenItem(q, patientId, item, by, now));
  }
  return { added, alreadyThere };
}

/**
 * Re-resolves the patient's active regimen against the current knowledge base, runs the safety
 * check and stores its findings. Runs inside the caller's transaction whenever the regimen changes.
 */
export async function recheckRegimen(
  q: Queryable,
  patientId: string,
  now: Date,
): Promise<{ added: number; resolved: number }> {
  const index = safetyIndex();
  const rows = await regimenItems(q, patientId);
  const resolutions = rows.map((r) => resolveItem(index, inputOf(r)));
  await saveResolutions(q, rows, resolutions);
  const resolved = resolutions.filter(isResolved);
  const findings = checkRegimen(index, resolved);
  return saveFindings(q, patientId, findings, new Map(resolved.map((r) => [r.id, r.name])), now);
}

const plainLead: Record<Severity, string> = {
  contraindicated: 'Do not combine these without talking to your care team first.',
  major: 'Important: talk to your care team about this combination.',
  moderate: 'Check with your care team about this combination.',
  minor: 'Good to know.',
};

function findingView(f: FindingRow) {
  return {
    id: f.id,
    severity: f.severity,
    kind: f.kind,
    basis: f.basis,
    items: f.items.map((id, i) => ({ id, name: f.item_names[i] ?? id })),
    summary: f.summary,
    mechanism: f.mechanism,
    management: f.management,
    evidence: f.evidence,
    sources: f.sources,
    firstFoundAt: f.first_found_at.toISOString(),
    acknowledged: f.acknowledged_at
      ? { by: f.acknowledged_by_name, at: f.acknowledged_at.toISOString(), note: f.acknowledgement_note }
      : null,
    /** For the patient: what it is about and what to do, without the pharmacology. */
    plain: `${plainLead[f.severity]} ${f.item_names.join(' and ')}.`,
  };
}

/** The regimen with its stored findings and the items that could not be assessed. */
export async function regimenView(q: Queryable, patientId: string) {
  const index = safetyIndex();
  const items = await regimenItems(q, patientId, true);
  const findings = await activeFindings(q, patientId);
  const notAssessed = items
    .filter((i) => i.status === 'active' && !i.resolved_id)
    .map((i) => {
      const r = resolveItem(index, inputOf(i));
      return { itemId: i.id, text: i.entered_text, suggestions: isResolved(r) ? [] : r.suggestions };
    });
  return {
    items: items.map((i) => ({
      id: i.id,
      category: i.category,
      text: i.entered_text,
      dose: i.dose,
      frequency: i.frequency,
      startedOn: i.started_on,
      status: i.status,
      resolved: i.resolved_id ? { id: i.resolved_id, name: i.resolved_name, kind: i.resolved_kind } : null,
      enteredBy: i.entered_by_role,
      verified: i.verified_at !== null,
      addedAt: i.added_at.toISOString(),
    })),
    findings: findings.map(findingView),
    notAssessed,
  };
}
