import {
  checkRegimen,
  type Intake,
  isResolved,
  type PatientCondition,
  type ResolvedItem,
  recommendTherapies,
  resolveItem,
  type TherapyFinding,
} from '@meridian/domain';
import { safetyIndex, therapyEvidence } from '@meridian/knowledge';
import type { Queryable } from '../../db/database.ts';
import { type RegimenItemRow, regimenItems } from '../regimen/regimen-repo.ts';
import { inputOf } from '../regimen/regimen-service.ts';

/** The patient's conditions as the knowledge base knows them, with their broader conditions. */
export function patientConditions(
  items: { category: string; resolved_id: string | null }[],
): PatientCondition[] {
  const index = safetyIndex();
  const out: PatientCondition[] = [];
  for (const item of items) {
    if (item.category !== 'condition' || !item.resolved_id) continue;
    const condition = index.conditions.get(item.resolved_id);
    if (!condition || out.some((c) => c.id === condition.id)) continue;
    const ancestors: string[] = [];
    for (let p = condition.parent; p && !ancestors.includes(p); p = index.conditions.get(p)?.parent)
      ancestors.push(p);
    out.push({ id: condition.id, name: condition.name, ancestors });
  }
  return out;
}

/** The patient's active regimen, resolved against the knowledge base (what the engine can assess). */
export async function resolvedRegimen(q: Queryable, patientId: string): Promise<ResolvedItem[]> {
  return resolveItems(await regimenItems(q, patientId));
}

/** Regimen items as the engine knows them; those it cannot recognise are left out. */
function resolveItems(items: RegimenItemRow[]): ResolvedItem[] {
  const index = safetyIndex();
  return items.map((i) => resolveItem(index, inputOf(i))).filter(isResolved);
}

/**
 * The safety check of supplements a plan would start: findings that involve them with the rest of
 * the regimen, and the names that cannot be assessed (unknown is never "safe").
 */
export function supplementsToStartCheck(resolved: ResolvedItem[], names: string[]) {
  const index = safetyIndex();
  const findings: {
    supplement: string;
    severity: string;
    summary: string;
    management: string;
    sources: string[];
  }[] = [];
  const notAssessed: { name: string; suggestions: string[] }[] = [];
  const added: ResolvedItem[] = [];
  for (const name of names) {
    const r = resolveItem(index, name);
    if (isResolved(r)) added.push(r);
    else notAssessed.push({ name, suggestions: r.suggestions });
  }
  const newIds = new Set(added.map((a) => a.id).filter((id) => !resolved.some((r) => r.id === id)));
  for (const f of checkRegimen(index, [...resolved, ...added.filter((a) => newIds.has(a.id))])) {
    const supplement = f.items.find((id) => newIds.has(id));
    if (supplement)
      findings.push({
        supplement: added.find((a) => a.id === supplement)!.name,
        severity: f.severity,
        summary: f.summary,
        management: f.management,
        sources: f.sources,
      });
  }
  return { findings, notAssessed };
}

/** Safety findings that involve `therapy` when it joins the patient's resolved items. */
function findingsWith(resolved: ResolvedItem[], therapy: string): TherapyFinding[] {
  const index = safetyIndex();
  const item = resolveItem(index, `therapy:${therapy}`);
  if (!isResolved(item)) return [];
  return checkRegimen(index, [...resolved.filter((r) => r.id !== therapy), item])
    .filter((f) => f.items.includes(therapy))
    .map((f) => ({ severity: f.severity, summary: f.summary, management: f.management, sources: f.sources }));
}

/**
 * Evidence-ranked therapies for the patient's recorded conditions, annotated with safety findings
 * against the current regimen, the home location's services, the intake's preferences and coverage.
 */
export async function recommendationsFor(
  q: Queryable,
  patientId: string,
  preferences: Intake['preferences'] | null,
) {
  const index = safetyIndex();
  const items = await regimenItems(q, patientId);
  const resolved = resolveItems(items);
  const offeredRows = await q.query<{ therapy: string; covered: boolean | null; has_coverage: boolean }>(
    `SELECT DISTINCT ON (s.therapy) s.therapy, r.covered, (c.plan_id IS NOT NULL) AS has_coverage
       FROM patients p
       JOIN location_services ls ON ls.location_id = p.home_location_id
       JOIN services s ON s.id = ls.service_id AND s.active AND s.therapy IS NOT NULL
       LEFT JOIN patient_coverages c ON c.patient_id = p.id AND c.starts_on <= current_date
                                    AND (c.ends_on IS NULL OR c.ends_on >= current_date)
       LEFT JOIN plan_service_rules r ON r.plan_id = c.plan_id AND r.service_id = s.id
      WHERE p.id = $1
      ORDER BY s.therapy, r.covered DESC NULLS LAST`,
    [patientId],
  );
  const [{ located } = { located: false }] = await q.query<{ located: boolean }>(
    'SELECT home_location_id IS NOT NULL AS located FROM patients WHERE id = $1',
    [patientId],
  );
  const coverage = new Map(
    offeredRows.map(
      (r) =>
        [
          r.therapy,
          r.covered === true ? 'covered' : r.covered === false || r.has_coverage ? 'self-pay' : 'unknown',
        ] as const,
    ),
  );
  const conditions = patientConditions(items);
  const result = recommendTherapies({
    conditions,
    evidence: therapyEvidence(),
    therapyName: (id) => index.therapies.get(id)?.name ?? id,
    conditionName: (id) => index.conditions.get(id)?.name ?? id,
    findingsFor: (therapy) => findingsWith(resolved, therapy),
    offered: located ? new Set(offeredRows.map((r) => r.therapy)) : null,
    needleTherapies: new Set(index.knowledge.therapies.filter((t) => t.needles).map((t) => t.id)),
    preferences: preferences ?? { wanted: [], declined: [], needleAversion: false },
    coverage: (therapy) => coverage.get(therapy) ?? 'unknown',
  });
  return { conditions, ...result };
}
