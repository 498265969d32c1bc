import type { VisitSummaryData } from './visit-summary.ts';

/** A complete, synthetic visit summary (Maria Lopez), for tests of the letter and the FHIR document. */
export const sampleVisitSummary: VisitSummaryData = {
  id: '5d0c1a52-8f7e-4c1e-9d55-2f1f4f0c9a01',
  consultationId: '0b6c3f61-3c1e-4f7a-a1d4-6e0f2d8c7b11',
  signedAt: '2026-11-20T17:30:00.000Z',
  timeZone: 'America/Phoenix',
  program: { name: 'Meridian Integrative Medicine', location: 'Phoenix, Arizona', phone: '+1 480 555 0100' },
  patient: {
    id: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'Maria Lopez',
    givenName: 'Maria',
    familyName: 'Lopez',
    birthDate: '1972-03-14',
    sex: 'female',
    mrn: 'AZ-100234',
  },
  clinician: {
    id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
    name: 'Dr. Priya Patel, MD',
    discipline: 'integrative-medicine',
  },
  pcp: {
    name: 'Dr. Alan Reyes',
    organization: 'Desert Family Practice',
    phone: '+1 480 555 0142',
    fax: '+1 480 555 0143',
    email: null,
    address: '100 Main St, Phoenix, AZ 85004',
  },
  reasons: 'Low back pain for two years <and> poor sleep; wants to cut down on ibuprofen.',
  conditions: [
    {
      id: 'chronic-low-back-pain',
      name: 'Chronic low back pain',
      codes: [
        {
          system: 'http://hl7.org/fhir/sid/icd-10-cm',
          code: 'M54.50',
          display: 'Low back pain, unspecified',
        },
      ],
    },
    { id: 'anxiety', name: 'Anxiety', codes: [] },
    { id: null, name: 'Jaw clicking', codes: [] },
  ],
  medications: [
    {
      id: 'b1a0c7e2-1111-4a1a-9a1a-000000000001',
      kind: 'medicine',
      name: 'sertraline',
      text: 'sertraline',
      dose: '50 mg',
      frequency: 'daily',
      unverified: false,
    },
    {
      id: 'b1a0c7e2-1111-4a1a-9a1a-000000000002',
      kind: 'supplement',
      name: "St John's wort",
      text: "St John's wort",
      dose: '300 mg',
      frequency: 'three times a day',
      unverified: true,
    },
  ],
  allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' }],
  noKnownAllergies: false,
  findings: [
    {
      id: 'c2b1d0e9-2222-4b2b-8b2b-000000000001',
      severity: 'major',
      items: ['sertraline', "St John's wort"],
      summary: "sertraline with St John's wort: risk of serotonin syndrome.",
      management: "Stop St John's wort; do not combine with SSRIs.",
      sources: ['https://www.nccih.nih.gov/health/st-johns-wort'],
      acknowledgement: "Advised to stop St John's wort; discussed with patient.",
    },
  ],
  therapies: [
    {
      id: 'i1',
      therapy: { id: 'acupuncture', name: 'Acupuncture' },
      frequency: 'weekly',
      sessions: 6,
      discipline: 'acupuncture',
      evidence: {
        grade: 'strong recommendation; low-quality evidence',
        guideline: 'ACP 2017: noninvasive treatments for low back pain',
        source: 'https://www.acpjournals.org/doi/10.7326/M16-2367',
      },
      cautions: [],
    },
    {
      id: 'i2',
      therapy: { id: 'yoga', name: 'Yoga' },
      frequency: 'twice a week',
      sessions: 12,
      discipline: null,
      evidence: null,
      cautions: ['Avoid deep forward bends for now.'],
    },
  ],
  goals: [
    {
      id: 'g1',
      what: 'Get through the work day with less pain',
      target: 'PEG ≤ 4 by 12 weeks',
      howMeasured: 'PEG every 2 weeks',
      dueDate: '2027-02-12',
    },
  ],
  selfCare: [{ practice: 'Ten minutes of paced breathing', frequency: 'daily' }],
  supplements: [{ name: "St John's wort", action: 'stop', reason: 'Interacts with sertraline.' }],
  education: [{ id: 'sleep-hygiene', title: 'Sleep hygiene: habits for better sleep' }],
  formulation: {
    biological: 'Deconditioning after a lifting injury.',
    psychological: 'Worry about re-injury.',
  },
  followUp: { reviewDate: '2027-02-12', nextVisit: '2026-11-27T16:00:00.000Z' },
  plan: { id: '9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0', version: 1 },
};
