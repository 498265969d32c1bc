import { addDays, goalTarget, type PlanContent } from '@meridian/domain';
import {
  allergyIntoleranceResource,
  carePlanResource,
  communicationResource,
  type FhirResource,
  goalResource,
} from '@meridian/fhir';
import { educationArticle, safetyIndex, therapyEvidence } from '@meridian/knowledge';
import type { Queryable } from '../db/database.ts';

// Allergies, the current well-being plan with its goals, and the sending of visit summaries, as FHIR
// resources, for the FHIR API (read, search by patient, Patient/$everything).

type Found = { patientId: string; resource: FhirResource };
export interface RecordFilter {
  patientIds?: string[] | undefined;
  id?: string | undefined;
}

/** Allergies (active and inactive) as AllergyIntolerance. */
export async function allergyResources(q: Queryable, filter: RecordFilter): Promise<Found[]> {
  const rows = await q.query<{
    id: string;
    patient_id: string;
    substance: string;
    reaction: string | null;
    severity: 'mild' | 'moderate' | 'severe' | null;
    status: 'active' | 'inactive' | 'entered-in-error';
    recorded_at: Date;
    verified_at: Date | null;
  }>(
    `SELECT id, patient_id, substance, reaction, severity, status, recorded_at, verified_at FROM allergies
      WHERE ($1::uuid[] IS NULL OR patient_id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR id = $2::uuid)
      ORDER BY recorded_at, id LIMIT 2000`,
    [filter.patientIds ?? null, filter.id ?? null],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    resource: allergyIntoleranceResource({
      id: r.id,
      patientId: r.patient_id,
      substance: r.substance,
      reaction: r.reaction,
      severity: r.severity,
      status: r.status,
      recordedAt: r.recorded_at,
      verified: r.verified_at !== null,
    }),
  }));
}

interface PlanRow {
  plan_id: string;
  patient_id: string;
  version: number;
  content: PlanContent;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  started_at: Date;
}

/** The latest version of each plan, with when the plan started. */
async function latestPlans(q: Queryable, filter: RecordFilter): Promise<PlanRow[]> {
  return q.query<PlanRow>(
    `SELECT DISTINCT ON (p.id) p.id AS plan_id, p.patient_id, v.version, v.content, v.created_at, v.created_by,
            u.display_name AS created_by_name, p.created_at AS started_at
       FROM care_plans p JOIN care_plan_versions v ON v.plan_id = p.id JOIN users u ON u.id = v.created_by
      WHERE ($1::uuid[] IS NULL OR p.patient_id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR p.id = $2::uuid)
      ORDER BY p.id, v.version DESC LIMIT 2000`,
    [filter.patientIds ?? null, filter.id ?? null],
  );
}

const goalId = (planId: string, goal: string) => `${planId}-${goal}`;

/** The current version of each plan as a CarePlan. */
export async function carePlanResources(q: Queryable, filter: RecordFilter): Promise<Found[]> {
  const index = safetyIndex();
  const evidence = new Map(therapyEvidence().map((e) => [e.id, e]));
  return (await latestPlans(q, filter)).map((p) => ({
    patientId: p.patient_id,
    resource: carePlanResource({
      id: p.plan_id,
      patientId: p.patient_id,
      version: p.version,
      signedAt: p.created_at.toISOString(),
      author: { id: p.created_by, name: p.created_by_name },
      therapies: p.content.interventions.map((i) => {
        const e = i.evidenceId ? evidence.get(i.evidenceId) : undefined;
        return {
          id: i.id,
          therapy: { id: i.therapy, name: index.therapies.get(i.therapy)?.name ?? i.therapy },
          frequency: i.frequency,
          sessions: i.sessions,
          discipline: i.discipline ?? null,
          evidence: e ? { grade: e.grade, guideline: e.guideline, source: e.sources[0]! } : null,
          cautions: [],
        };
      }),
      selfCare: p.content.selfCare.map((s) => ({ practice: s.practice, frequency: s.frequency })),
      supplements: p.content.supplements,
      goalIds: p.content.goals.map((g) => goalId(p.plan_id, g.id)),
      education: p.content.education.map((id) => ({ id, title: educationArticle(id)?.title ?? id })),
      reviewDate: p.content.reviewDate ?? null,
    }),
  }));
}

/** The goals of each plan's current version. A goal's id is the plan id and the goal's own id. */
export async function goalResources(q: Queryable, filter: RecordFilter): Promise<Found[]> {
  const planId = filter.id?.slice(0, 36);
  if (filter.id && !/^[0-9a-f-]{36}-[a-z0-9-]{1,27}$/i.test(filter.id)) return [];
  const plans = await latestPlans(q, { patientIds: filter.patientIds, id: planId });
  return plans.flatMap((p) => {
    const started = p.started_at.toISOString().slice(0, 10);
    return p.content.goals
      .filter((g) => !filter.id || goalId(p.plan_id, g.id) === filter.id)
      .map((g) => ({
        patientId: p.patient_id,
        resource: goalResource({
          id: goalId(p.plan_id, g.id),
          patientId: p.patient_id,
          what: g.what,
          target: goalTarget(g),
          howMeasured: g.howMeasured,
          dueDate: addDays(started, g.byWeeks * 7),
          startDate: started,
          measure: { measure: g.measure, comparator: g.comparator, target: g.target },
        }),
      }));
  });
}

/** Each sending of a visit summary as a Communication. */
export async function communicationResources(q: Queryable, filter: RecordFilter): Promise<Found[]> {
  const rows = await q.query<{
    id: string;
    patient_id: string;
    summary_id: string;
    recipient_name: string;
    recipient_organization: string | null;
    channel: 'fax' | 'secure-email' | 'mail' | 'portal' | 'hand';
    sent_at: Date;
    sent_by: string;
  }>(
    `SELECT id, patient_id, summary_id, recipient_name, recipient_organization, channel, sent_at, sent_by
       FROM summary_deliveries
      WHERE ($1::uuid[] IS NULL OR patient_id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR id = $2::uuid)
      ORDER BY sent_at, id LIMIT 2000`,
    [filter.patientIds ?? null, filter.id ?? null],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    resource: communicationResource({
      id: r.id,
      patientId: r.patient_id,
      summaryId: r.summary_id,
      recipient: { name: r.recipient_name, organization: r.recipient_organization },
      channel: r.channel,
      sentAt: r.sent_at,
      senderId: r.sent_by,
    }),
  }));
}
