import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conditionCodeProblems,
  hasValidVerhoeffCheckDigit,
  ICD10CM_SYSTEM,
  isIcd10CmCode,
  isSnomedConceptId,
  SNOMED_SYSTEM,
} from './codes.ts';
import { readKnowledge } from './load.ts';

// Concept ids read in NLM VSAC value set expansions (see data/conditions/*.json for the sources).
const verifiedSnomedIds = [
  '203082005', // Fibromyalgia (disorder)
  '128200000', // Complex regional pain syndrome (disorder)
  '373621006', // Chronic pain syndrome (disorder)
  '59621000', // Essential hypertension (disorder)
  '370143000', // Major depressive disorder (disorder)
  '100211000119106', // Muscle spasm of thoracic back (finding), US extension (partition 10)
  '128053003', // Deep venous thrombosis (disorder)
  '84114007', // Heart failure (disorder)
  '195967001', // Asthma (disorder)
];

describe('ICD-10-CM format', () => {
  it('accepts codes as published, with their dot', () => {
    for (const code of ['M79.7', 'M54.50', 'G43.909', 'F32.A', 'M43.8X1', 'I10', 'S82.821A'])
      expect(isIcd10CmCode(code), code).toBe(true);
  });

  it('refuses codes without the dot, in lower case, too long, or from chapter U', () => {
    for (const code of ['M797', 'm79.7', 'M79.', 'M79.12345', 'U07.1', 'M7.97', '79.7', 'M79.7 '])
      expect(isIcd10CmCode(code), code).toBe(false);
  });
});

describe('SNOMED CT concept ids', () => {
  it('passes the Verhoeff check on concept ids read on a source', () => {
    for (const id of verifiedSnomedIds) {
      expect(hasValidVerhoeffCheckDigit(id), id).toBe(true);
      expect(isSnomedConceptId(id), id).toBe(true);
    }
  });

  it('refuses every wrong check digit and swapped neighbouring digits', () => {
    for (const id of verifiedSnomedIds) {
      const body = id.slice(0, -1);
      for (let digit = 0; digit <= 9; digit++) {
        const candidate = `${body}${digit}`;
        if (candidate !== id) expect(isSnomedConceptId(candidate), candidate).toBe(false);
      }
      for (let i = 0; i < id.length - 1; i++) {
        if (id[i] === id[i + 1]) continue;
        const swapped = `${id.slice(0, i)}${id[i + 1]}${id[i]}${id.slice(i + 2)}`;
        expect(hasValidVerhoeffCheckDigit(swapped), swapped).toBe(false);
      }
    }
  });

  it('refuses ids that are too short or long, have a leading zero, or are not concept ids', () => {
    expect(isSnomedConceptId('12345')).toBe(false); // under 6 digits
    expect(isSnomedConceptId('1234567890123456789')).toBe(false); // over 18 digits
    expect(isSnomedConceptId('0203082005')).toBe(false);
    expect(isSnomedConceptId('20308200X')).toBe(false);
    // An id with partition 01 (a description, not a concept) and a valid check digit.
    const withCheckDigit = (body: string) =>
      [...'0123456789'].map((d) => body + d).find((id) => hasValidVerhoeffCheckDigit(id)) ?? '';
    const descriptionId = withCheckDigit('20308201');
    expect(hasValidVerhoeffCheckDigit(descriptionId)).toBe(true);
    expect(isSnomedConceptId(descriptionId)).toBe(false);
  });
});

describe('codes on conditions', () => {
  it('accepts one valid code per system', () => {
    expect(
      conditionCodeProblems('fibromyalgia', [
        { system: ICD10CM_SYSTEM, code: 'M79.7' },
        { system: SNOMED_SYSTEM, code: '203082005' },
      ]),
    ).toEqual([]);
  });

  it('the validator refuses a malformed ICD-10-CM code, a wrong check digit and two codes of one system', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.mkdirSync(path.join(dir, 'conditions'));
    const source = 'https://www.cdc.gov/nchs/icd/icd-10-cm/files.html';
    fs.writeFileSync(
      path.join(dir, 'conditions', 'c.json'),
      JSON.stringify([
        {
          id: 'fibromyalgia',
          name: 'fibromyalgia',
          kind: 'condition',
          codes: [
            { system: ICD10CM_SYSTEM, code: 'M797', display: 'Fibromyalgia', source },
            { system: SNOMED_SYSTEM, code: '203082006', display: 'Fibromyalgia (disorder)', source },
          ],
        },
        {
          id: 'hypertension',
          name: 'hypertension',
          kind: 'condition',
          codes: [
            { system: ICD10CM_SYSTEM, code: 'I10', display: 'Essential (primary) hypertension', source },
            { system: ICD10CM_SYSTEM, code: 'I15.9', display: 'Secondary hypertension, unspecified', source },
          ],
        },
        {
          id: 'gout',
          name: 'gout',
          kind: 'condition',
          codes: [{ system: 'http://example.com/codes', code: 'G1', display: 'Gout', source }],
        },
      ]),
    );
    const { problems } = readKnowledge(dir);
    expect(problems).toContain('condition fibromyalgia: "M797" is not an ICD-10-CM code');
    expect(problems).toContain(
      'condition fibromyalgia: "203082006" is not a SNOMED CT concept id (format or check digit)',
    );
    expect(problems).toContain(
      'condition hypertension: more than one http://hl7.org/fhir/sid/icd-10-cm code',
    );
    expect(problems.some((p) => p.startsWith('conditions/c.json gout: codes.0.system'))).toBe(true);
  });
});
