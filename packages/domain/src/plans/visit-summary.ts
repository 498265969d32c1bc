import type { PlanContent } from './plan.ts';

// Everything the visit summary says, gathered once when a consultation is signed. The letter (HTML and
// PDF), the FHIR document and the patient's plain-language summary are all made from this one value,
// so they cannot disagree.

export interface SummaryCode {
  system: string;
  code: string;
  display: string;
}

export interface SummaryCondition {
  /** Knowledge-base id when the condition was recognised, else null (kept as written). */
  id: string | null;
  name: string;
  /** Verified codes (ICD-10-CM, SNOMED CT); empty when none was verified. */
  codes: SummaryCode[];
}

export interface SummaryMedication {
  id: string;
  kind: 'medicine' | 'supplement';
  name: string;
  /** As written by the patient or clinician. */
  text: string;
  dose: string | null;
  frequency: string | null;
  /** Reported by the patient or an import and not yet confirmed by a clinician. */
  unverified: boolean;
}

export interface SummaryFinding {
  id: string;
  severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
  items: string[];
  summary: string;
  management: string;
  sources: string[];
  acknowledgement: string | null;
}

export interface SummaryTherapy {
  /** Plan intervention id. */
  id: string;
  therapy: { id: string; name: string };
  frequency: string;
  sessions: number;
  discipline: string | null;
  evidence: { grade: string; guideline: string; source: string } | null;
  cautions: string[];
}

export interface SummaryGoal {
  id: string;
  what: string;
  /** e.g. "PEG ≤ 4 by 12 weeks". */
  target: string;
  howMeasured: string;
  dueDate: string;
}

export interface VisitSummaryData {
  /** Visit summary id (also the FHIR Composition id). */
  id: string;
  consultationId: string;
  signedAt: string;
  /** IANA zone of the patient's location, for dates in the letter. */
  timeZone: string;
  program: { name: string; location: string; phone: string | null };
  patient: {
    id: string;
    name: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: string;
    mrn: string;
  };
  clinician: { id: string; name: string; discipline: string | null };
  pcp: {
    name: string;
    organization: string | null;
    phone: string | null;
    fax: string | null;
    email: string | null;
    address: string | null;
  } | null;
  reasons: string;
  conditions: SummaryCondition[];
  medications: SummaryMedication[];
  allergies: { substance: string; reaction: string | null; severity: string | null }[];
  noKnownAllergies: boolean;
  findings: SummaryFinding[];
  therapies: SummaryTherapy[];
  goals: SummaryGoal[];
  selfCare: { practice: string; frequency: string }[];
  supplements: PlanContent['supplements'];
  education: { id: string; title: string }[];
  formulation: Partial<
    Record<'biological' | 'psychological' | 'social' | 'environmental' | 'behavioural', string>
  >;
  followUp: { reviewDate: string | null; nextVisit: string | null };
  plan: { id: string; version: number };
}

export const decisionSupportNotice =
  'Meridian is decision support for health professionals. It does not replace clinical judgement and is not medical advice.';
