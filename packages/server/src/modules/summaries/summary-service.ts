import { randomUUID } from 'node:crypto';
import { addDays, goalTarget, type PlanContent, type VisitSummaryData } from '@meridian/domain';
import { visitSummaryDocument } from '@meridian/fhir';
import { conditionCodes, educationArticle, safetyIndex, therapyEvidence } from '@meridian/knowledge';
import type { Queryable } from '../../db/database.ts';
import type { ConsultationRow } from '../consultations/consultation-repo.ts';
import { patientConditions } from '../consultations/recommendations.ts';
import { currentIntake } from '../intake/intake-service.ts';
import { allergiesOf } from '../regimen/allergies-repo.ts';
import { activeFindings, regimenItems } from '../regimen/regimen-repo.ts';
import { visitSummaryLetterHtml } from './letter-html.ts';
import { patientPlanSummary } from './patient-summary.ts';
import {
  type DeliveryRow,
  deliveriesOf,
  insertDelivery,
  insertSummary,
  summariesOf,
} from './summary-repo.ts';

const programName = 'Meridian Integrative Medicine';

/** Gathers what the visit summary says, from the record as it is when the consultation is signed. */
export async function gatherVisitSummary(
  q: Queryable,
  c: ConsultationRow,
  plan: { id: string; version: number; content: PlanContent; startedOn: string },
  now: Date,
): Promise<VisitSummaryData> {
  const index = safetyIndex();
  const [patient] = await q.query<{
    id: string;
    mrn: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    sex: string;
    pcp_name: string | null;
    pcp_organization: string | null;
    pcp_phone: string | null;
    pcp_fax: string | null;
    pcp_email: string | null;
    pcp_address: string | null;
    location_name: string | null;
    location_city: string | null;
    location_state: string | null;
    time_zone: string | null;
  }>(
    `SELECT p.id, p.mrn, p.given_name, p.family_name, p.birth_date, p.sex, p.pcp_name, p.pcp_organization,
            p.pcp_phone, p.pcp_fax, p.pcp_email, p.pcp_address, l.name AS location_name, l.city AS location_city,
            l.state AS location_state, l.time_zone
       FROM patients p LEFT JOIN locations l ON l.id = p.home_location_id WHERE p.id = $1`,
    [c.patient_id],
  );
  const [clinician] = await q.query<{ display_name: string; discipline: string | null }>(
    'SELECT display_name, discipline FROM users WHERE id = $1',
    [c.clinician_id],
  );
  // One after another: a transaction's connection runs one query at a time.
  const items = await regimenItems(q, c.patient_id);
  const findings = await activeFindings(q, c.patient_id);
  const allergies = await allergiesOf(q, c.patient_id);
  const intake = await currentIntake(q, c.patient_id);
  const [next] = await q.query<{ starts_at: Date }>(
    `SELECT a.starts_at FROM attendances t JOIN appointments a ON a.id = t.appointment_id
      WHERE t.patient_id = $1 AND t.status = 'booked' AND a.starts_at > $2 ORDER BY a.starts_at LIMIT 1`,
    [c.patient_id, now],
  );
  const p = patient!;
  const conditions = patientConditions(items);
  const conditionIds = new Set(conditions.flatMap((x) => [x.id, ...x.ancestors]));
  const evidenceFor = (therapy: string) => {
    const rows = therapyEvidence().filter(
      (e) => e.therapy === therapy && e.direction === 'for' && conditionIds.has(e.condition),
    );
    const rank = { strong: 3, moderate: 2, conditional: 1, insufficient: 0 } as const;
    rows.sort((a, b) => rank[b.strength] - rank[a.strength] || b.year - a.year);
    const best = rows[0];
    return best ? { grade: best.grade, guideline: best.guideline, source: best.sources[0]! } : null;
  };
  const cautionsFor = (therapy: string) =>
    findings.filter((f) => f.items.includes(therapy)).map((f) => `${f.summary} ${f.management}`);
  return {
    id: randomUUID(),
    consultationId: c.id,
    signedAt: now.toISOString(),
    timeZone: p.time_zone ?? 'UTC',
    program: {
      name: programName,
      location: p.location_name ? `${p.location_name}, ${p.location_city}, ${p.location_state}` : programName,
      phone: null,
    },
    patient: {
      id: p.id,
      name: `${p.given_name} ${p.family_name}`,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      sex: p.sex,
      mrn: p.mrn,
    },
    clinician: { id: c.clinician_id, name: clinician!.display_name, discipline: clinician!.discipline },
    pcp: p.pcp_name
      ? {
          name: p.pcp_name,
          organization: p.pcp_organization,
          phone: p.pcp_phone,
          fax: p.pcp_fax,
          email: p.pcp_email,
          address: p.pcp_address,
        }
      : null,
    reasons: intake.intake?.answers.reasons ?? '',
    conditions: items
      .filter((i) => i.category === 'condition')
      .map((i) => ({
        id: i.resolved_id,
        name: i.resolved_name ?? i.entered_text,
        codes: i.resolved_id ? conditionCodes(i.resolved_id) : [],
      })),
    medications: items
      .filter((i) => i.category === 'medicine' || i.category === 'supplement')
      .map((i) => ({
        id: i.id,
        kind: i.category as 'medicine' | 'supplement',
        name: i.resolved_name ?? i.entered_text,
        text: i.entered_text,
        dose: i.dose,
        frequency: i.frequency,
        unverified: i.verified_at === null,
      })),
    allergies: allergies.map((a) => ({ substance: a.substance, reaction: a.reaction, severity: a.severity })),
    noKnownAllergies: allergies.length === 0 && (intake.intake?.answers.noKnownAllergies ?? false),
    findings: findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      items: f.item_names,
      summary: f.summary,
      management: f.management,
      sources: f.sources,
      acknowledgement: f.acknowledgement_note,
    })),
    therapies: plan.content.interventions.map((i) => ({
      id: i.id,
      therapy: { id: i.therapy, name: index.therapies.get(i.therapy)?.name ?? i.therapy },
      frequency: i.frequency,
      sessions: i.sessions,
      discipline: i.discipline ?? null,
      evidence: evidenceFor(i.therapy),
      cautions: cautionsFor(i.therapy),
    })),
    goals: plan.content.goals.map((g) => ({
      id: g.id,
      what: g.what,
      target: goalTarget(g),
      howMeasured: g.howMeasured,
      dueDate: addDays(plan.startedOn, g.byWeeks * 7),
    })),
    selfCare: plan.content.selfCare.map((s) => ({ practice: s.practice, frequency: s.frequency })),
    supplements: plan.content.supplements,
    education: plan.content.education.map((id) => ({ id, title: educationArticle(id)?.title ?? id })),
    formulation: c.formulation,
    followUp: {
      reviewDate: plan.content.reviewDate ?? null,
      nextVisit: next?.starts_at.toISOString() ?? null,
    },
    plan: { id: plan.id, version: plan.version },
  };
}

/** Makes and stores the summary's letter, FHIR document and patient version. */
export async function storeVisitSummary(q: Queryable, data: VisitSummaryData, now: Date): Promise<void> {
  const letterHtml = visitSummaryLetterHtml(data);
  await insertSummary(
    q,
    {
      id: data.id,
      consultation_id: data.consultationId,
      patient_id: data.patient.id,
      plan_id: data.plan.id,
      plan_version: data.plan.version,
      data,
      letter_html: letterHtml,
      patient_summary: patientPlanSummary(data),
      fhir_document: visitSummaryDocument(data, { letterHtml }) as unknown as Record<string, unknown>,
    },
    now,
  );
}

export type DeliveryChannel = DeliveryRow['channel'];

/** Records that the summary went to the primary care provider (to whom, how, when, by whom). */
export async function recordDelivery(
  q: Queryable,
  data: VisitSummaryData,
  channel: DeliveryChannel,
  by: string,
  now: Date,
): Promise<void> {
  const pcp = data.pcp;
  const address =
    channel === 'fax'
      ? pcp?.fax
      : channel === 'secure-email'
        ? pcp?.email
        : channel === 'mail'
          ? pcp?.address
          : null;
  await insertDelivery(
    q,
    {
      summaryId: data.id,
      patientId: data.patient.id,
      recipientName: pcp?.name ?? 'Primary care provider',
      recipientOrganization: pcp?.organization ?? null,
      channel,
      address: address ?? null,
    },
    by,
    now,
  );
}

/** The patient's visit summaries with their deliveries. */
export async function summariesView(q: Queryable, patientId: string, forPatient: boolean) {
  const rows = await summariesOf(q, patientId);
  const deliveries = await deliveriesOf(
    q,
    rows.map((r) => r.id),
  );
  return {
    summaries: rows.map((r) => ({
      id: r.id,
      consultationId: r.consultation_id,
      createdAt: r.created_at.toISOString(),
      clinician: r.data.clinician.name,
      planVersion: r.plan_version,
      patientSummary: r.patient_summary,
      ...(forPatient
        ? {}
        : {
            deliveries: deliveries
              .filter((d) => d.summary_id === r.id)
              .map((d) => ({
                to: d.recipient_name,
                organization: d.recipient_organization,
                channel: d.channel,
                address: d.address,
                by: d.sent_by_name,
                at: d.sent_at.toISOString(),
              })),
          }),
    })),
  };
}
