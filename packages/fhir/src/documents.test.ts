import { sampleVisitSummary, type VisitSummaryData } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import { base64Utf8, escapeXhtml, nameUuid, visitSummaryDocument } from './documents.ts';
import allergyIntolerance from './fixtures/allergy-intolerance.json' with { type: 'json' };
import allergyIntoleranceError from './fixtures/allergy-intolerance-error.json' with { type: 'json' };
import carePlan from './fixtures/care-plan.json' with { type: 'json' };
import communication from './fixtures/communication.json' with { type: 'json' };
import { documentSamples } from './fixtures/document-samples.ts';
import goal from './fixtures/goal.json' with { type: 'json' };
import goalPeg from './fixtures/goal-peg.json' with { type: 'json' };
import visitSummary from './fixtures/visit-summary-document.json' with { type: 'json' };
import type { FhirResource } from './types.ts';

const golden: Record<string, unknown> = {
  'visit-summary-document': visitSummary,
  'care-plan': carePlan,
  goal,
  'goal-peg': goalPeg,
  'allergy-intolerance': allergyIntolerance,
  'allergy-intolerance-error': allergyIntoleranceError,
  communication,
};

type Entry = { fullUrl: string; resource: FhirResource };
type Section = {
  title: string;
  text: { div: string };
  entry?: { reference: string }[];
  emptyReason?: unknown;
};
const entriesOf = (bundle: FhirResource) => bundle.entry as Entry[];
const sectionsOf = (bundle: FhirResource) => entriesOf(bundle)[0]!.resource.section as Section[];

/** Every Reference.reference anywhere in a value (DetectedIssue.reference, a uri, is not one). */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') {
    const isResource = 'resourceType' in value;
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'reference' && typeof v === 'string' && !isResource ? [v] : referencesIn(v),
    );
  }
  return [];
}

const uuidUrn = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('FHIR documents (golden fixtures)', () => {
  for (const [name, resource] of Object.entries(documentSamples)) {
    it(`maps ${name} exactly as fixtures/${name}.json`, () => {
      expect(resource).toEqual(golden[name]);
    });
  }
});

describe('visit summary document', () => {
  const bundle = visitSummaryDocument(sampleVisitSummary, {});

  it('is a document Bundle: identifier, timestamp, the Composition first', () => {
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'document',
      identifier: {
        system: 'https://meridian.example.org/fhir/sid/visit-summary',
        value: sampleVisitSummary.id,
      },
      timestamp: sampleVisitSummary.signedAt,
    });
    expect(entriesOf(bundle)[0]!.resource).toMatchObject({
      resourceType: 'Composition',
      id: sampleVisitSummary.id,
      status: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11488-4' }] },
    });
  });

  it('gives every entry a urn:uuid fullUrl equal to its id, and every reference resolves inside it', () => {
    const entries = entriesOf(bundle);
    const fullUrls = new Set(entries.map((e) => e.fullUrl));
    expect(fullUrls.size).toBe(entries.length);
    for (const e of entries) {
      expect(e.fullUrl).toMatch(uuidUrn);
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    }
    const references = referencesIn(entries.map((e) => e.resource));
    expect(references.length).toBeGreaterThan(30);
    for (const r of references) expect(fullUrls, r).toContain(r);
    // ...and every entry but the Composition is referred to from somewhere.
    for (const e of entries.slice(1)) expect(references, e.fullUrl).toContain(e.fullUrl);
  });

  it('escapes the data in the narratives (the sample has "<and>")', () => {
    const reason = sectionsOf(bundle).find((s) => s.title === 'Reason for visit')!;
    expect(reason.text.div).toContain('&lt;and&gt;');
    expect(JSON.stringify(bundle)).not.toContain('<and>');
    for (const s of sectionsOf(bundle)) {
      expect(s.text.div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
    }
  });

  it('has the sections of a visit summary, each with text and its entries', () => {
    expect(sectionsOf(bundle).map((s) => [s.title, s.entry?.length ?? 0])).toEqual([
      ['Reason for visit', 0],
      ['Assessment', 0],
      ['Problems', 3],
      ['Medications and supplements', 2],
      ['Allergies', 1],
      ['Safety findings', 1],
      ['Plan', 2],
      ['Follow-up', 0],
    ]);
    const followUp = sectionsOf(bundle).find((s) => s.title === 'Follow-up')!;
    expect(followUp.text.div).toContain('2026-11-27 09:00 (America/Phoenix)');
  });

  it('says "no known allergies" with emptyReason nilknown, and "not recorded" with unavailable', () => {
    const none: VisitSummaryData = { ...sampleVisitSummary, allergies: [], noKnownAllergies: true };
    const allergies = sectionsOf(visitSummaryDocument(none)).find((s) => s.title === 'Allergies')!;
    expect(allergies.entry).toBeUndefined();
    expect(allergies.emptyReason).toEqual({
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
          code: 'nilknown',
          display: 'Nil Known',
        },
      ],
    });
    expect(allergies.text.div).toContain('No known allergies.');
    const unknown = { ...none, noKnownAllergies: false };
    const section = sectionsOf(visitSummaryDocument(unknown)).find((s) => s.title === 'Allergies')!;
    expect(section.emptyReason).toMatchObject({ coding: [{ code: 'unavailable' }] });
    expect(
      entriesOf(visitSummaryDocument(unknown)).some((e) => e.resource.resourceType === 'AllergyIntolerance'),
    ).toBe(false);
  });

  it('keeps condition codes as given and adds the Meridian code only for recognised conditions', () => {
    const conditions = entriesOf(bundle)
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'Condition');
    expect(conditions.map((c) => c.code)).toEqual([
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'M54.50',
            display: 'Low back pain, unspecified',
          },
          {
            system: 'https://meridian.example.org/fhir/CodeSystem/condition',
            code: 'chronic-low-back-pain',
            display: 'Chronic low back pain',
          },
        ],
        text: 'Chronic low back pain',
      },
      {
        coding: [
          {
            system: 'https://meridian.example.org/fhir/CodeSystem/condition',
            code: 'anxiety',
            display: 'Anxiety',
          },
        ],
        text: 'Anxiety',
      },
      { text: 'Jaw clicking' },
    ]);
  });

  it('gives the same ids for the same summary, and without a PCP has no PCP entry', () => {
    expect(visitSummaryDocument(sampleVisitSummary)).toEqual(bundle);
    const noPcp = visitSummaryDocument({ ...sampleVisitSummary, pcp: null });
    const practitioners = entriesOf(noPcp).filter((e) => e.resource.resourceType === 'Practitioner');
    expect(practitioners).toHaveLength(1);
    expect(entriesOf(noPcp)[1]!.resource.generalPractitioner).toBeUndefined();
  });

  it('attaches the letter as a DocumentReference in base64 and links the $document URL', () => {
    const html = '<!doctype html><p>Dear Dr Reyes ≤ 4</p>';
    const doc = visitSummaryDocument(sampleVisitSummary, {
      letterHtml: html,
      baseUrl: 'http://localhost:3000/fhir/R4',
    });
    expect(doc.link).toEqual([
      {
        relation: 'self',
        url: `http://localhost:3000/fhir/R4/Composition/${sampleVisitSummary.id}/$document`,
      },
    ]);
    const letter = entriesOf(doc).at(-1)!.resource;
    expect(letter).toMatchObject({
      resourceType: 'DocumentReference',
      status: 'current',
      content: [{ attachment: { contentType: 'text/html', data: base64Utf8(html) } }],
    });
    const section = sectionsOf(doc).at(-1)!;
    expect(section.title).toBe('Letter to the primary care provider');
    expect(section.entry).toEqual([{ reference: `urn:uuid:${letter.id}` }]);
  });
});

describe('helpers', () => {
  it('makes RFC 4122 version 5 UUIDs', () => {
    // The well-known example: uuid5(NAMESPACE_DNS, "python.org").
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    // Non-ASCII names are hashed as UTF-8 (checked against node:crypto when written).
    expect(nameUuid(sampleVisitSummary.id, 'Goal/g1 ≤ é 😀')).toBe('21f7a7b7-2f58-5d19-898d-2c3cf7a51907');
    expect(() => nameUuid('not-a-uuid', 'x')).toThrow();
  });

  it('encodes UTF-8 text in base64', () => {
    expect(base64Utf8('')).toBe('');
    expect(base64Utf8('Ma')).toBe('TWE=');
    expect(base64Utf8('Man')).toBe('TWFu');
    expect(base64Utf8('<p>Maria ≤ 4 😀</p>')).toBe('PHA+TWFyaWEg4omkIDQg8J+YgDwvcD4=');
  });

  it('escapes XHTML', () => {
    expect(escapeXhtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});
