import type { PlanContent } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';

export interface PlanVersionRow {
  plan_id: string;
  version: number;
  content: PlanContent;
  reason: string;
  changes: string[];
  consultation_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

/** The patient's plan id, if a plan was ever made. */
export async function planIdOf(q: Queryable, patientId: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('SELECT id FROM care_plans WHERE patient_id = $1', [patientId]);
  return row?.id;
}

/** Every version of the patient's plan, newest first. */
export function planVersions(q: Queryable, patientId: string): Promise<PlanVersionRow[]> {
  return q.query<PlanVersionRow>(
    `SELECT v.plan_id, v.version, v.content, v.reason, v.changes, v.consultation_id, v.created_by,
            u.display_name AS created_by_name, v.created_at
       FROM care_plan_versions v JOIN care_plans p ON p.id = v.plan_id JOIN users u ON u.id = v.created_by
      WHERE p.patient_id = $1 ORDER BY v.version DESC`,
    [patientId],
  );
}

/**
 * Adds the next version of the patient's plan (making the plan on the first one). `basedOn` is the
 * version the author was looking at: when someone else added a version since, nothing is written.
 */
export async function addPlanVersion(
  q: Queryable,
  patientId: string,
  v: {
    content: PlanContent;
    reason: string;
    changes: string[];
    consultationId: string | null;
    basedOn: number | null;
  },
  by: string,
  now: Date,
): Promise<{ planId: string; version: number }> {
  await q.query(
    'INSERT INTO care_plans (patient_id, created_at) VALUES ($1, $2) ON CONFLICT (patient_id) DO NOTHING',
    [patientId, now],
  );
  // Lock the plan row so two adjustments at once are numbered one after the other.
  const [plan] = await q.query<{ id: string; latest: number | null }>(
    `SELECT p.id, (SELECT max(version) FROM care_plan_versions WHERE plan_id = p.id) AS latest
       FROM care_plans p WHERE p.patient_id = $1 FOR UPDATE`,
    [patientId],
  );
  const latest = plan!.latest ?? 0;
  if (v.basedOn !== null && v.basedOn !== latest) {
    fail(
      'CONFLICT',
      `The plan changed while you were editing: version ${latest} is now the latest, you edited version ${v.basedOn}. Reload the plan and make your change again.`,
      { latestVersion: latest },
    );
  }
  const version = latest + 1;
  await q.query(
    `INSERT INTO care_plan_versions (plan_id, version, content, reason, changes, consultation_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      plan!.id,
      version,
      JSON.stringify(v.content),
      v.reason,
      JSON.stringify(v.changes),
      v.consultationId,
      by,
      now,
    ],
  );
  return { planId: plan!.id, version };
}
