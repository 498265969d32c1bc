import { meridianSystems } from './codes.ts';
import type { FhirResource } from './types.ts';

// The regimen (medicines, supplements, conditions) and the safety findings about it.
// Codes: Meridian's knowledge-base ids under Meridian code systems (RxNorm and SNOMED CT codes are added
// only once verified); condition clinical status from http://terminology.hl7.org/CodeSystem/condition-clinical
// (https://hl7.org/fhir/r4/codesystem-condition-clinical.html).

export interface RegimenItemRecord {
  id: string;
  patientId: string;
  category: 'medicine' | 'supplement' | 'therapy' | 'condition';
  text: string;
  resolvedId: string | null;
  resolvedName: string | null;
  dose: string | null;
  frequency: string | null;
  startedOn: string | null;
  status: 'active' | 'stopped';
  addedAt: Date;
  stoppedAt: Date | null;
  /** Verified standard codes of a recognised condition (ICD-10-CM, SNOMED CT), given as they are. */
  codes?: { system: string; code: string; display: string }[];
}

const concept = (item: RegimenItemRecord, system: string) => ({
  ...(item.resolvedId
    ? { coding: [{ system, code: item.resolvedId, display: item.resolvedName ?? item.text }] }
    : {}),
  text: item.text,
});

/** A medicine, herb or supplement the patient takes (or took). */
export function medicationStatementResource(item: RegimenItemRecord): FhirResource {
  const dosage = [item.dose, item.frequency].filter(Boolean).join(', ');
  const period =
    item.startedOn || item.stoppedAt
      ? {
          effectivePeriod: {
            ...(item.startedOn ? { start: item.startedOn } : {}),
            ...(item.stoppedAt ? { end: item.stoppedAt.toISOString() } : {}),
          },
        }
      : {};
  return {
    resourceType: 'MedicationStatement',
    id: item.id,
    status: item.status === 'active' ? 'active' : 'stopped',
    medicationCodeableConcept: concept(item, meridianSystems.agent),
    subject: { reference: `Patient/${item.patientId}` },
    ...period,
    dateAsserted: item.addedAt.toISOString(),
    ...(item.category === 'supplement' ? { note: [{ text: 'Herb, supplement or food supplement' }] } : {}),
    ...(dosage ? { dosage: [{ text: dosage }] } : {}),
  };
}

/** A condition on the patient's list. */
export function conditionResource(item: RegimenItemRecord): FhirResource {
  const status = item.status === 'active' ? 'active' : 'resolved';
  return {
    resourceType: 'Condition',
    id: item.id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }],
    },
    code: item.codes?.length
      ? (() => {
          const local = concept(item, meridianSystems.condition);
          return { ...local, coding: [...item.codes, ...(local.coding ?? [])] };
        })()
      : concept(item, meridianSystems.condition),
    subject: { reference: `Patient/${item.patientId}` },
    ...(item.startedOn ? { onsetDateTime: item.startedOn } : {}),
    ...(item.stoppedAt ? { abatementDateTime: item.stoppedAt.toISOString() } : {}),
    recordedDate: item.addedAt.toISOString(),
  };
}

export interface FindingRecord {
  id: string;
  patientId: string;
  severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
  kind: string;
  summary: string;
  mechanism: string;
  management: string;
  basis: 'documented' | 'inferred';
  sources: string[];
  lastFoundAt: Date;
  /** Regimen items (MedicationStatement or Condition ids) the finding is about. */
  implicated: { type: 'MedicationStatement' | 'Condition'; id: string }[];
  acknowledged: { by: string; byName: string; at: Date; note: string } | null;
}

/** A safety finding about the regimen, as a DetectedIssue. */
export function detectedIssueResource(f: FindingRecord): FhirResource {
  const severity = { contraindicated: 'high', major: 'high', moderate: 'moderate', minor: 'low' }[f.severity];
  return {
    resourceType: 'DetectedIssue',
    id: f.id,
    status: 'final',
    code: {
      coding: [{ system: meridianSystems.findingKind, code: f.kind }],
      text: `${f.severity} ${f.kind.replace(/-/g, ' ')} (${f.basis})`,
    },
    severity,
    patient: { reference: `Patient/${f.patientId}` },
    identifiedDateTime: f.lastFoundAt.toISOString(),
    ...(f.implicated.length
      ? { implicated: f.implicated.map((i) => ({ reference: `${i.type}/${i.id}` })) }
      : {}),
    detail: `${f.summary} Mechanism: ${f.mechanism} What to do: ${f.management}`,
    ...(f.sources[0] ? { reference: f.sources[0] } : {}),
    ...(f.acknowledged
      ? {
          mitigation: [
            {
              action: { text: `Acknowledged by a clinician: ${f.acknowledged.note}` },
              date: f.acknowledged.at.toISOString(),
              author: { reference: `Practitioner/${f.acknowledged.by}`, display: f.acknowledged.byName },
            },
          ],
        }
      : {}),
  };
}

/** The patient's care team: the clinicians with their roles on it. */
export function careTeamResource(t: {
  patientId: string;
  patientName: string;
  members: { userId: string; name: string; role: string }[];
}): FhirResource {
  return {
    resourceType: 'CareTeam',
    id: `ct-${t.patientId}`,
    status: 'active',
    name: `Care team of ${t.patientName}`,
    subject: { reference: `Patient/${t.patientId}`, display: t.patientName },
    participant: t.members.map((m) => ({
      role: [{ text: m.role }],
      member: { reference: `Practitioner/${m.userId}`, display: m.name },
    })),
    managingOrganization: [{ reference: 'Organization/meridian', display: 'Meridian Integrative Health' }],
  };
}
