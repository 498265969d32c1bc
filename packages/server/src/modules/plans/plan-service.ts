import { addDays, goalTarget, type PlanContent, planChanges, planContentSchema } from '@meridian/domain';
import { educationArticle, safetyIndex } from '@meridian/knowledge';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import { addPlanVersion, type PlanVersionRow, planVersions } from './plan-repo.ts';

/** Display name of a therapy id or an education article id. */
export function planNames(id: string): string {
  return safetyIndex().therapies.get(id)?.name ?? educationArticle(id)?.title ?? id;
}

async function userNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** One version with the names and targets a reader needs. */
export async function versionView(q: Queryable, row: PlanVersionRow, startedOn: string) {
  const c = row.content;
  const names = await userNames(
    q,
    [c.leadUserId, ...c.interventions.map((i) => i.practitionerId)].filter((x): x is string => !!x),
  );
  const index = safetyIndex();
  return {
    version: row.version,
    reason: row.reason,
    changes: row.changes,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    content: c,
    conditions: c.conditions.map((id) => ({ id, name: index.conditions.get(id)?.name ?? id })),
    goals: c.goals.map((g) => ({ ...g, target: goalTarget(g), dueDate: addDays(startedOn, g.byWeeks * 7) })),
    interventions: c.interventions.map((i) => ({
      ...i,
      therapyName: planNames(i.therapy),
      practitionerName: i.practitionerId ? (names.get(i.practitionerId) ?? null) : null,
    })),
    education: c.education.map((id) => {
      const a = educationArticle(id);
      return { id, title: a?.title ?? id, summary: a?.summary ?? null };
    }),
    lead: c.leadUserId ? { id: c.leadUserId, name: names.get(c.leadUserId) ?? null } : null,
  };
}

/** The patient's plan: the current version in full and the history of versions. */
export async function planView(q: Queryable, patientId: string, version?: number) {
  const rows = await planVersions(q, patientId);
  if (rows.length === 0) return { plan: null };
  const chosen = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  if (!chosen)
    fail('NOT_FOUND', `This plan has no version ${version}; it has versions 1 to ${rows[0]!.version}.`);
  const first = rows.at(-1)!;
  return {
    plan: {
      id: chosen.plan_id,
      latestVersion: rows[0]!.version,
      startedOn: first.created_at.toISOString().slice(0, 10),
      shown: await versionView(q, chosen, first.created_at.toISOString().slice(0, 10)),
      versions: rows.map((r) => ({
        version: r.version,
        reason: r.reason,
        changes: r.changes,
        createdAt: r.created_at.toISOString(),
        createdBy: r.created_by_name,
      })),
    },
  };
}

/** A clinician adjusts the plan: a new version with the reason and what changed. */
export async function adjustPlan(
  q: Queryable,
  patientId: string,
  input: { content: PlanContent; reason: string; basedOn: number },
  by: string,
  now: Date,
) {
  const rows = await planVersions(q, patientId);
  if (rows.length === 0)
    fail('CONFLICT', 'This patient has no plan yet; it is made when a consultation is signed.');
  const latest = rows[0]!.version;
  if (input.basedOn !== latest)
    fail(
      'CONFLICT',
      `The plan changed while you were editing: version ${latest} is now the latest, you edited version ${input.basedOn}. Reload the plan and make your change again.`,
      { latestVersion: latest },
    );
  const content = planContentSchema.parse(input.content);
  const changes = planChanges(rows[0]!.content, content, planNames);
  if (changes.length === 0)
    fail('VALIDATION', 'Nothing changed from the current version; there is nothing to save.');
  await addPlanVersion(
    q,
    patientId,
    { content, reason: input.reason, changes, consultationId: null, basedOn: input.basedOn },
    by,
    now,
  );
  return planView(q, patientId);
}
