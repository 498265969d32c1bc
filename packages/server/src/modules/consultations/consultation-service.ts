import { type PlanContent, planChanges, planContentSchema, planGaps } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import { lastSubmitted } from '../intake/intake-repo.ts';
import { currentIntake } from '../intake/intake-service.ts';
import { addPlanVersion, planVersions } from '../plans/plan-repo.ts';
import { planNames } from '../plans/plan-service.ts';
import { allergiesOf } from '../regimen/allergies-repo.ts';
import { regimenItems } from '../regimen/regimen-repo.ts';
import { regimenView } from '../regimen/regimen-service.ts';
import {
  type DeliveryChannel,
  gatherVisitSummary,
  recordDelivery,
  storeVisitSummary,
} from '../summaries/summary-service.ts';
import {
  type ConsultationRow,
  consultationOf,
  consultationsOf,
  type Formulation,
  insertConsultation,
  markSigned,
  updateConsultation,
} from './consultation-repo.ts';
import {
  patientConditions,
  recommendationsFor,
  resolvedRegimen,
  supplementsToStartCheck,
} from './recommendations.ts';

function consultationView(c: ConsultationRow) {
  return {
    id: c.id,
    status: c.status,
    clinician: { id: c.clinician_id, name: c.clinician_name },
    appointmentId: c.appointment_id,
    startedAt: c.started_at.toISOString(),
    signedAt: c.signed_at?.toISOString() ?? null,
    summaryId: c.summary_id,
    formulation: c.formulation,
    notes: c.notes,
    planDraft: c.plan_draft,
  };
}

export async function listConsultations(q: Queryable, patientId: string) {
  return { consultations: (await consultationsOf(q, patientId)).map(consultationView) };
}

/** Opens a consultation: the plan draft starts from the current plan, or from the recorded conditions. */
export async function openConsultation(
  q: Queryable,
  patientId: string,
  clinicianId: string,
  appointmentId: string | null,
  now: Date,
) {
  const [current] = await planVersions(q, patientId);
  const conditions = patientConditions(await regimenItems(q, patientId)).map((c) => c.id);
  const planDraft: Partial<PlanContent> = current ? current.content : { conditions, leadUserId: clinicianId };
  const intake = await lastSubmitted(q, patientId);
  const id = await insertConsultation(
    q,
    { patientId, clinicianId, appointmentId, intakeId: intake?.id ?? null, planDraft },
    now,
  );
  if (!id) {
    const open = (await consultationsOf(q, patientId)).find((c) => c.status === 'open');
    fail(
      'CONFLICT',
      `${open?.clinician_name ?? 'A clinician'} already has a consultation open for this patient; continue that one.`,
      {
        consultationId: open?.id,
      },
    );
  }
  return workspace(q, patientId, id);
}

async function mustBeOpen(
  q: Queryable,
  patientId: string,
  id: string,
  lock = false,
): Promise<ConsultationRow> {
  const c = await consultationOf(q, patientId, id, lock);
  if (!c) fail('NOT_FOUND', 'This patient has no consultation with that id.');
  if (c.status !== 'open') fail('CONFLICT', 'This consultation is signed; adjust the plan instead.');
  return c;
}

/** Everything the clinician needs on one screen. */
export async function workspace(q: Queryable, patientId: string, id: string) {
  const c = await consultationOf(q, patientId, id);
  if (!c) fail('NOT_FOUND', 'This patient has no consultation with that id.');
  // One after another: a transaction's connection runs one query at a time.
  const intake = await currentIntake(q, patientId);
  const regimen = await regimenView(q, patientId);
  const allergies = await allergiesOf(q, patientId);
  const versions = await planVersions(q, patientId);
  const recommendations = await recommendationsFor(q, patientId, intake.intake?.answers.preferences ?? null);
  const draft = planContentSchema.safeParse(c.plan_draft);
  const toStart = draft.success
    ? draft.data.supplements.filter((s) => s.action === 'start').map((s) => s.name)
    : [];
  return {
    consultation: consultationView(c),
    intake: intake.intake,
    regimen,
    allergies: allergies.map((a) => ({
      id: a.id,
      substance: a.substance,
      reaction: a.reaction,
      severity: a.severity,
      verified: a.verified_at !== null,
    })),
    recommendations,
    plan: {
      latestVersion: versions[0]?.version ?? null,
      gaps: draft.success
        ? planGaps(draft.data)
        : draft.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      /** The safety check of supplements the plan would start, against the current regimen. */
      supplementsToStart: supplementsToStartCheck(await resolvedRegimen(q, patientId), toStart),
    },
  };
}

/** Saves formulation, notes and the plan draft of an open consultation. */
export async function saveConsultation(
  q: Queryable,
  patientId: string,
  id: string,
  change: {
    formulation?: Formulation | undefined;
    notes?: string | undefined;
    plan?: PlanContent | undefined;
  },
) {
  await mustBeOpen(q, patientId, id, true);
  await updateConsultation(q, id, {
    formulation: change.formulation,
    notes: change.notes,
    planDraft: change.plan,
  });
  return workspace(q, patientId, id);
}

/**
 * Signs the consultation: the plan draft becomes the next plan version, the visit summary is made
 * (letter, FHIR document, patient version) and, when asked, recorded as sent to the primary care
 * provider. Everything happens in the caller's transaction: all of it, or none.
 */
export async function signConsultation(
  q: Queryable,
  patientId: string,
  id: string,
  input: { reason?: string | undefined; sendVia?: DeliveryChannel | undefined },
  by: string,
  now: Date,
) {
  const c = await mustBeOpen(q, patientId, id, true);
  if (c.clinician_id !== by)
    fail('FORBIDDEN', `Only ${c.clinician_name}, who holds this consultation, can sign it.`);
  const parsed = planContentSchema.safeParse(c.plan_draft);
  if (!parsed.success)
    fail('VALIDATION', 'The plan has errors; correct them before signing.', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  const content = parsed.data;
  const gaps = planGaps(content);
  if (gaps.length) fail('VALIDATION', `The plan is not ready to sign: ${gaps.join(' ')}`, { gaps });
  const unverified = (await regimenItems(q, patientId)).filter(
    (i) => (i.category === 'medicine' || i.category === 'supplement') && i.verified_at === null,
  );
  if (unverified.length)
    fail(
      'VALIDATION',
      `Reconcile the medicines and supplements first: confirm or stop ${unverified.map((i) => i.entered_text).join(', ')}.`,
      { unverified: unverified.map((i) => i.id) },
    );
  const [previous] = await planVersions(q, patientId);
  const reason =
    input.reason?.trim() ||
    (previous ? 'Adjusted at a consultation.' : 'First plan, agreed at the consultation.');
  const changes = previous ? planChanges(previous.content, content, planNames) : [];
  const { planId, version } = await addPlanVersion(
    q,
    patientId,
    { content, reason, changes, consultationId: c.id, basedOn: null },
    by,
    now,
  );
  const versions = await planVersions(q, patientId);
  const startedOn = versions.at(-1)!.created_at.toISOString().slice(0, 10);
  const data = await gatherVisitSummary(q, c, { id: planId, version, content, startedOn }, now);
  await storeVisitSummary(q, data, now);
  if (input.sendVia) {
    if (!data.pcp)
      fail('VALIDATION', "Record the patient's primary care provider before sending the summary.");
    await recordDelivery(q, data, input.sendVia, by, now);
  }
  await markSigned(q, c.id, now);
  return { consultationId: c.id, planVersion: version, summaryId: data.id };
}
