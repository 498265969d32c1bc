import { describe, expect, it } from 'vitest';
import { readPcpBundle } from './import.ts';

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'MedicationStatement',
        status: 'active',
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', display: 'Warfarin' }],
        },
        dosage: [{ text: '5 mg once daily' }],
      },
    },
    {
      resource: {
        resourceType: 'MedicationRequest',
        status: 'stopped',
        medicationCodeableConcept: { text: 'Amoxicillin' },
      },
    },
    { resource: { resourceType: 'Condition', code: { text: 'Atrial fibrillation' } } },
    {
      resource: {
        resourceType: 'Condition',
        clinicalStatus: { coding: [{ code: 'resolved' }] },
        code: { text: 'Pneumonia' },
      },
    },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        code: { text: 'Penicillin' },
        reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
      },
    },
    { resource: { resourceType: 'Observation' } },
    { resource: { resourceType: 'MedicationStatement', status: 'active' } },
  ],
};

describe('reading a primary care provider’s Bundle', () => {
  it('takes active medicines, conditions and allergies and says why it skipped the rest', () => {
    const record = readPcpBundle(bundle);
    expect(record.medications).toEqual([{ entry: 1, text: 'Warfarin', dose: '5 mg once daily' }]);
    expect(record.conditions).toEqual([{ entry: 3, text: 'Atrial fibrillation' }]);
    expect(record.allergies).toEqual([
      { entry: 5, substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' },
    ]);
    expect(record.skipped).toEqual([
      'entry 2: MedicationRequest is stopped.',
      'entry 4: Condition is resolved.',
      'entry 6: Observation is not imported (only medicines, conditions and allergies are).',
      'entry 7: MedicationStatement has no medication name (medicationCodeableConcept.text or a coding display).',
    ]);
  });

  it('refuses what is not a Bundle, and a Bundle that is too large', () => {
    expect(() => readPcpBundle({ resourceType: 'Patient' })).toThrow(/must be a FHIR Bundle/);
    expect(() => readPcpBundle({ resourceType: 'Bundle', entry: Array(3).fill({}) }, 2)).toThrow(
      /at most 2 entries/,
    );
  });
});
