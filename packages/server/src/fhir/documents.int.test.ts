import { sampleVisitSummary, type VisitSummaryData } from '@meridian/domain';
import {
  allergyIntoleranceResource,
  carePlanResource,
  communicationResource,
  type FhirResource,
  goalResource,
  visitSummaryDocument,
} from '@meridian/fhir';
import { fhirProblems } from '@meridian/testing';
import { describe, expect, it } from 'vitest';

// The visit-summary document and the plan resources, checked against the official R4 StructureDefinitions
// (cardinalities, types and invariants such as bdl-9/10/11, cmp-1/2, gol-1, ait-1/2). No database needed.

type Entry = { fullUrl: string; resource: FhirResource };

function expectValidDocument(bundle: FhirResource) {
  expect(fhirProblems(bundle)).toEqual([]);
  const entries = bundle.entry as Entry[];
  expect(entries[0]!.resource.resourceType).toBe('Composition');
  for (const e of entries) {
    expect(fhirProblems(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);
  }
  return entries;
}

const patientId = sampleVisitSummary.patient.id;
const clinician = { id: sampleVisitSummary.clinician.id, name: sampleVisitSummary.clinician.name };

describe('FHIR visit-summary document (R4 validation)', () => {
  it('validates the sample document and every entry', () => {
    const entries = expectValidDocument(visitSummaryDocument(sampleVisitSummary, {}));
    expect(entries.map((e) => e.resource.resourceType)).toEqual([
      'Composition',
      'Patient',
      'Practitioner',
      'Practitioner',
      'Organization',
      'Condition',
      'Condition',
      'Condition',
      'MedicationStatement',
      'MedicationStatement',
      'AllergyIntolerance',
      'DetectedIssue',
      'CarePlan',
      'Goal',
    ]);
  });

  it('validates with the letter attached and the $document link', () => {
    const entries = expectValidDocument(
      visitSummaryDocument(sampleVisitSummary, {
        baseUrl: 'http://localhost:3000/fhir/R4',
        letterHtml: '<!doctype html><html lang="en"><title>Visit summary</title><p>Dear Dr Reyes</p></html>',
      }),
    );
    expect(entries.at(-1)!.resource.resourceType).toBe('DocumentReference');
  });

  it('validates the sparse cases: no known allergies, no PCP, nothing recorded', () => {
    const sparse: VisitSummaryData = {
      ...sampleVisitSummary,
      pcp: null,
      reasons: '',
      conditions: [],
      medications: [],
      allergies: [],
      noKnownAllergies: true,
      findings: [],
      therapies: [],
      goals: [],
      selfCare: [],
      supplements: [],
      education: [],
      formulation: {},
      followUp: { reviewDate: null, nextVisit: null },
      program: { ...sampleVisitSummary.program, phone: null },
    };
    expectValidDocument(visitSummaryDocument(sparse));
    expectValidDocument(visitSummaryDocument({ ...sparse, noKnownAllergies: false }));
  });
});

describe('FHIR plan, allergy and communication resources (R4 validation)', () => {
  const resources: FhirResource[] = [
    carePlanResource({
      id: sampleVisitSummary.plan.id,
      patientId,
      version: 1,
      signedAt: sampleVisitSummary.signedAt,
      author: clinician,
      therapies: sampleVisitSummary.therapies.map((t, i) => ({ ...t, scheduled: i === 0 })),
      selfCare: sampleVisitSummary.selfCare,
      supplements: [
        ...sampleVisitSummary.supplements,
        { name: 'Magnesium', action: 'continue' },
        { name: 'Vitamin D', action: 'start', dose: '1000 IU' },
      ],
      goalIds: ['g1'],
      conditionIds: ['c1'],
      education: sampleVisitSummary.education,
      reviewDate: '2027-02-12',
    }),
    carePlanResource({
      id: 'empty-plan',
      patientId,
      version: 1,
      signedAt: sampleVisitSummary.signedAt,
      author: clinician,
      therapies: [],
      selfCare: [],
      supplements: [],
      goalIds: [],
    }),
    goalResource({
      id: 'g-phq9',
      patientId,
      what: 'Feel less low most days',
      target: 'PHQ-9 ≤ 9 by 12 weeks',
      howMeasured: 'PHQ-9 every 4 weeks',
      dueDate: '2027-02-12',
      startDate: '2026-11-20',
      measure: { measure: 'phq-9', comparator: '<=', target: 9 },
      expressedBy: clinician,
    }),
    goalResource({
      id: 'g-gad7',
      patientId,
      what: 'Worry less',
      target: 'GAD-7 ≤ 5 by 8 weeks',
      howMeasured: 'GAD-7 monthly',
      dueDate: '2027-01-15',
      measure: { measure: 'gad-7', comparator: '<=', target: 5 },
    }),
    goalResource({
      id: 'g-peg',
      patientId,
      what: 'Less pain at work',
      target: 'PEG ≤ 4 by 12 weeks',
      howMeasured: 'PEG every 2 weeks',
      dueDate: '2027-02-12',
      measure: { measure: 'peg', comparator: '<=', target: 4 },
    }),
    ...(['active', 'inactive', 'entered-in-error'] as const).flatMap((status) =>
      [true, false].map((verified) =>
        allergyIntoleranceResource({
          id: `a-${status}-${verified}`,
          patientId,
          substance: 'Penicillin',
          reaction: verified ? 'Hives' : null,
          severity: verified ? 'severe' : null,
          status,
          recordedAt: new Date('2026-11-20T17:00:00Z'),
          verified,
        }),
      ),
    ),
    ...(['fax', 'secure-email', 'mail', 'portal', 'hand'] as const).map((channel) =>
      communicationResource({
        id: `comm-${channel}`,
        patientId,
        summaryId: sampleVisitSummary.id,
        recipient: {
          name: 'Dr. Alan Reyes',
          organization: channel === 'hand' ? null : 'Desert Family Practice',
        },
        channel,
        sentAt: new Date('2026-11-20T18:00:00Z'),
        senderId: clinician.id,
      }),
    ),
  ];

  for (const r of resources) {
    it(`validates ${r.resourceType}/${r.id}`, () => {
      expect(fhirProblems(r)).toEqual([]);
    });
  }

  it('leaves clinicalStatus out of an entered-in-error allergy (ait-2)', () => {
    const error = resources.find((r) => r.id === 'a-entered-in-error-false')!;
    expect(error.clinicalStatus).toBeUndefined();
    expect(error.verificationStatus).toMatchObject({ coding: [{ code: 'entered-in-error' }] });
  });
});
