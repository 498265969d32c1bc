import type { PlanContent, PlanGoal, SummaryTherapy, VisitSummaryData } from '@meridian/domain';
import { meridianSystems, v2IdentifierType } from './codes.ts';
import type { Bundle, FhirResource } from './types.ts';

// The visit summary as a FHIR R4 document (a Bundle of type "document" whose first entry is a Composition),
// and the resources of the plan (CarePlan, Goal), allergies and the record of sending the summary
// (Communication). Every code below was checked on the page named beside it; anything that is not in a
// published code system is a Meridian code under a Meridian URL (codes.ts).

/** LOINC (http://loinc.org), e.g. in https://www.hl7.org/fhir/us/ccda/ValueSet-2.16.840.1.113883.11.20.9.31.html */
const loinc = 'http://loinc.org';

/** LOINC 11488-4 "Consult note": https://loinc.org/11488-4.html (also in the C-CDA on FHIR ConsultDocumentType
 * value set, https://www.hl7.org/fhir/us/ccda/ValueSet-2.16.840.1.113883.11.20.9.31.html). */
const consultNote = { system: loinc, code: '11488-4', display: 'Consult note' };

/** Section codes: the LOINC sections of a consultation note (C-CDA R2.x, panel 81222-2), listed on
 * https://loinc.org/11488-4.html. Sections without a matching code (safety findings, follow-up) have none. */
const sectionCodes = {
  reason: '29299-5',
  assessment: '51848-0',
  problems: '11450-4',
  medications: '10160-0',
  allergies: '48765-2',
  plan: '18776-5',
} as const;

const hl7 = {
  /** https://hl7.org/fhir/R4/codesystem-condition-ver-status.html */
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  /** https://hl7.org/fhir/r4/codesystem-condition-clinical.html (as in clinical.ts) */
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  /** problem-list-item: https://hl7.org/fhir/2018Dec/codesystem-condition-category.html (R4 ballot) and
   * https://hl7.org/fhir/r4b/valueset-condition-category.html (same system and codes) */
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  /** nilknown, unavailable: https://hl7.org/fhir/r4/codesystem-list-empty-reason.xml.html */
  listEmptyReason: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
  /** active, inactive: https://hl7.org/fhir/R4/codesystem-allergyintolerance-clinical.xml.html */
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  /** confirmed, unconfirmed, entered-in-error: https://hl7.org/fhir/r4/codesystem-allergyintolerance-verification.html */
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  /** FAXWRIT (https://hl7.org/fhir/uv/xver-r5.r4/0.0.1-snapshot-2/ValueSet-R5-v3-ParticipationModeWritten-for-R4.xml.html),
   * EMAILWRIT, MAILWRIT, ONLINEWRIT (the same written-mode hierarchy; R4 code system
   * https://hl7.org/fhir/r4/v3/ParticipationMode/v3-ParticipationMode.cs.xml.html) */
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
} as const;

// Codes of required bindings (plain `code` elements), each from its R4 code system page:
// Composition.status final: https://hl7.org/fhir/r4/codesystem-composition-status.html
// Composition.attester.mode legal: https://hl7.org/fhir/R4/codesystem-composition-attestation-mode.html
// MedicationStatement.status active: https://hl7.org/fhir/R4/codesystem-medication-statement-status.html
// DetectedIssue.severity high | moderate | low: https://hl7.org/fhir/r4/codesystem-detectedissue-severity.xml.html
// CarePlan.status active (request-status), CarePlan.intent plan (care-plan-intent):
//   https://hl7.org/fhir/r4/valueset-care-plan-intent.xml.html
// CarePlan.activity.detail.status not-started | scheduled | in-progress:
//   https://hl7.org/fhir/R4/codesystem-care-plan-activity-status.html
// Goal.lifecycleStatus active: https://hl7.org/fhir/R4/codesystem-goal-status.html
// AllergyIntolerance.reaction.severity mild | moderate | severe: https://hl7.org/fhir/R4/codesystem-reaction-event-severity.html
// Communication.status completed (event-status): https://hl7.org/fhir/r4/codesystem-event-status.xml.html
// DocumentReference.status current: https://hl7.org/fhir/R4/codesystem-document-reference-status.html
// ContactPoint.system phone | fax | email: https://hl7.org/fhir/R4/codesystem-contact-point-system.html
// Composition.confidentiality is optional in R4 (0..1, https://hl7.org/fhir/R4/composition-dependencies.html)
// and is left out.

/** Goal measures with a verified LOINC code. Measures without one (PEG, average pain, sleep, custom) are
 * described in words only, because R4 requires target.measure whenever target.detail is given (gol-1). */
const goalMeasureCodes: Partial<Record<PlanGoal['measure'], { code: string; display: string }>> = {
  // https://cdn.loinc.org/44261-6
  'phq-9': { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  // MII PRO IG ObservationDefinition mii-obsdef-pro-score-gad-7:
  // https://build.fhir.org/ig/medizininformatik-initiative/kerndatensatzmodul-proms/branches/v2026.7.0/en/ObservationDefinition-mii-obsdef-pro-score-gad-7.json
  'gad-7': {
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------------------
// Small pure helpers: name-based UUIDs (RFC 4122 version 5, SHA-1) so that every entry of a document has a
// stable urn:uuid, UTF-8 and base64 for the attached letter, and XHTML escaping for the narratives.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The RFC 4122 URL namespace, for ids that are not UUIDs themselves. */
const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) ?? 0xfffd;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function sha1(message: number[]): number[] {
  const bytes = [...message, 0x80];
  while (bytes.length % 64 !== 56) bytes.push(0);
  const bits = message.length * 8;
  bytes.push(0, 0, 0, 0, (bits >>> 24) & 0xff, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w: number[] = [];
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const at = offset + 4 * i;
      w[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  return h.flatMap((x) => [(x >>> 24) & 0xff, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff]);
}

/**
 * A name-based UUID (RFC 4122 version 5): the same namespace UUID and name always give the same UUID.
 * Used for the entries of a document that have no UUID of their own (goals, allergies, the PCP...).
 */
export function nameUuid(namespace: string, name: string): string {
  if (!uuidPattern.test(namespace))
    throw new Error(`nameUuid: the namespace must be a UUID, got "${namespace}"`);
  const ns = (namespace.replace(/-/g, '').match(/../g) ?? []).map((x) => Number.parseInt(x, 16));
  const hash = sha1([...ns, ...utf8(name)]).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The UTF-8 bytes of `text` in base64 (FHIR base64Binary), without Buffer or btoa. */
export function base64Utf8(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += base64Alphabet.charAt(n >> 18) + base64Alphabet.charAt((n >> 12) & 63);
    out += b1 === undefined ? '=' : base64Alphabet.charAt((n >> 6) & 63);
    out += b2 === undefined ? '=' : base64Alphabet.charAt(n & 63);
  }
  return out;
}

/** Escapes text for FHIR narrative XHTML (only the XML entities and numeric references are allowed there). */
export function escapeXhtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A generated narrative; `xhtml` must already be escaped. */
const narrative = (xhtml: string) => ({
  status: 'generated',
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${xhtml}</div>`,
});

const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const para = (text: string) => `<p>${escapeXhtml(text)}</p>`;

/** The calendar date and clock time of an instant in a time zone (null for an unknown zone or date). */
function zoned(iso: string, timeZone: string): { date: string; time: string } | null {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(iso))
        .map((p) => [p.type, p.value]),
    );
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  } catch {
    return null;
  }
}

/** "2026-11-27 09:00 (America/Phoenix)": a date and time in the patient's zone, zone named. */
function localTime(iso: string, timeZone: string): string {
  const z = zoned(iso, timeZone);
  return z ? `${z.date} ${z.time} (${timeZone})` : iso;
}

// ---------------------------------------------------------------------------------------------------------
// Standalone resources (also served by the FHIR API). References are relative (Patient/<id>); the document
// rewrites them to its urn:uuid entries.

export interface AllergyRecord {
  id: string;
  patientId: string;
  substance: string;
  reaction: string | null;
  severity: 'mild' | 'moderate' | 'severe' | null;
  status: 'active' | 'inactive' | 'entered-in-error';
  recordedAt: Date;
  /** Confirmed by a clinician (else reported, unconfirmed). */
  verified: boolean;
}

/** An allergy or intolerance. R4: an entered-in-error record has no clinicalStatus (ait-1, ait-2). */
export function allergyIntoleranceResource(a: AllergyRecord): FhirResource {
  const verification =
    a.status === 'entered-in-error'
      ? { code: 'entered-in-error', display: 'Entered in Error' }
      : a.verified
        ? { code: 'confirmed', display: 'Confirmed' }
        : { code: 'unconfirmed', display: 'Unconfirmed' };
  return {
    resourceType: 'AllergyIntolerance',
    id: a.id,
    ...(a.status === 'entered-in-error'
      ? {}
      : {
          clinicalStatus: {
            coding: [
              {
                system: hl7.allergyClinical,
                code: a.status,
                display: a.status === 'active' ? 'Active' : 'Inactive',
              },
            ],
          },
        }),
    verificationStatus: { coding: [{ system: hl7.allergyVerification, ...verification }] },
    code: { text: a.substance },
    patient: { reference: `Patient/${a.patientId}` },
    recordedDate: a.recordedAt.toISOString(),
    // reaction.manifestation is required (1..*): a severity without a described reaction still says so.
    ...(a.reaction || a.severity
      ? {
          reaction: [
            {
              manifestation: [{ text: a.reaction ?? 'Reaction not described' }],
              ...(a.severity ? { severity: a.severity } : {}),
            },
          ],
        }
      : {}),
  };
}

export interface GoalRecord {
  id: string;
  patientId: string;
  /** In the patient's words, e.g. "Get through the work day with less pain". */
  what: string;
  /** Short form, e.g. "PEG ≤ 4 by 12 weeks" (goalTarget). */
  target: string;
  howMeasured: string;
  dueDate: string;
  startDate?: string | null;
  /** The structured target of a plan goal, when known. It becomes target.measure + detailQuantity only
   * for measures with a verified LOINC code; otherwise the words of `target` carry it. */
  measure?: Pick<PlanGoal, 'measure' | 'comparator' | 'target'> | null;
  expressedBy?: { id: string; name: string } | null;
}

/** A measurable goal of the plan. */
export function goalResource(g: GoalRecord): FhirResource {
  const loincMeasure = g.measure ? goalMeasureCodes[g.measure.measure] : undefined;
  return {
    resourceType: 'Goal',
    id: g.id,
    lifecycleStatus: 'active',
    description: { text: `${g.what} (target: ${g.target}; measured by: ${g.howMeasured})` },
    subject: { reference: `Patient/${g.patientId}` },
    ...(g.startDate ? { startDate: g.startDate } : {}),
    target: [
      {
        ...(g.measure && loincMeasure
          ? {
              measure: { coding: [{ system: loinc, ...loincMeasure }] },
              detailQuantity: { value: g.measure.target, comparator: g.measure.comparator },
            }
          : {}),
        dueDate: g.dueDate,
      },
    ],
    ...(g.expressedBy
      ? { expressedBy: { reference: `Practitioner/${g.expressedBy.id}`, display: g.expressedBy.name } }
      : {}),
  };
}

export interface CarePlanRecord {
  id: string;
  patientId: string;
  /** Plan version (the CarePlan is the plan; its versions are Meridian plan versions). */
  version: number;
  /** When the plan was signed (ISO date-time): created and period.start. */
  signedAt: string;
  author: { id: string; name: string };
  /** Recommended therapies; `scheduled` when a booking exists. */
  therapies: (SummaryTherapy & { scheduled?: boolean })[];
  selfCare: { practice: string; frequency: string }[];
  supplements: PlanContent['supplements'];
  goalIds: string[];
  /** Condition resource ids the plan addresses. */
  conditionIds?: string[];
  education?: { id: string; title: string }[];
  reviewDate?: string | null;
}

const therapyDescription = (t: SummaryTherapy) =>
  `${t.frequency}, ${plural(t.sessions, 'session')}${t.cautions.length ? `. Caution: ${t.cautions.join(' ')}` : ''}`;

const supplementDescription = (s: PlanContent['supplements'][number]) => {
  const action = { start: 'Start', continue: 'Continue', stop: 'Stop' }[s.action];
  const how = [s.dose, s.frequency].filter(Boolean).join(', ');
  return `${action} ${s.name}${how ? ` (${how})` : ''}${s.reason ? `: ${s.reason}` : ''}`;
};

/** The personalised plan: therapies (Meridian therapy codes), self-care and supplement actions, its goals. */
export function carePlanResource(p: CarePlanRecord): FhirResource {
  const notes = [
    ...p.therapies
      .filter((t) => t.evidence)
      .map(
        (t) =>
          `${t.therapy.name} — evidence: ${t.evidence!.grade} (${t.evidence!.guideline}). Source: ${t.evidence!.source}`,
      ),
    ...(p.education?.length ? [`Reading: ${p.education.map((e) => e.title).join('; ')}`] : []),
    ...(p.reviewDate ? [`Review by ${p.reviewDate}`] : []),
  ];
  return {
    resourceType: 'CarePlan',
    id: p.id,
    status: 'active',
    intent: 'plan',
    title: `Integrative medicine plan, version ${p.version}`,
    subject: { reference: `Patient/${p.patientId}` },
    period: { start: p.signedAt },
    created: p.signedAt,
    author: { reference: `Practitioner/${p.author.id}`, display: p.author.name },
    ...(p.conditionIds?.length
      ? { addresses: p.conditionIds.map((id) => ({ reference: `Condition/${id}` })) }
      : {}),
    ...(p.goalIds.length ? { goal: p.goalIds.map((id) => ({ reference: `Goal/${id}` })) } : {}),
    activity: [
      ...p.therapies.map((t) => ({
        detail: {
          code: {
            coding: [{ system: meridianSystems.therapy, code: t.therapy.id, display: t.therapy.name }],
            text: t.therapy.name,
          },
          status: t.scheduled ? 'scheduled' : 'not-started',
          description: therapyDescription(t),
        },
      })),
      ...p.selfCare.map((s) => ({
        detail: { status: 'not-started', description: `${s.practice}, ${s.frequency}` },
      })),
      ...p.supplements.map((s) => ({
        detail: {
          status: s.action === 'continue' ? 'in-progress' : 'not-started',
          description: supplementDescription(s),
        },
      })),
    ],
    ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
  };
}

export interface CommunicationRecord {
  id: string;
  patientId: string;
  /** The visit summary sent (the document Bundle's identifier value). */
  summaryId: string;
  recipient: { name: string; organization: string | null };
  channel: 'fax' | 'secure-email' | 'mail' | 'portal' | 'hand';
  sentAt: Date;
  senderId: string;
}

/** v3 ParticipationMode of each channel; handing over in person has no fitting code and gets none. */
const channelModes: Record<CommunicationRecord['channel'], { code: string; display: string } | null> = {
  fax: { code: 'FAXWRIT', display: 'telefax' },
  'secure-email': { code: 'EMAILWRIT', display: 'email' },
  mail: { code: 'MAILWRIT', display: 'mail' },
  portal: { code: 'ONLINEWRIT', display: 'online written' },
  hand: null,
};

/** That the visit summary was sent to the primary care provider (R4 Composition has no recipient). */
export function communicationResource(c: CommunicationRecord): FhirResource {
  const mode = channelModes[c.channel];
  const to = [c.recipient.name, c.recipient.organization].filter(Boolean).join(', ');
  return {
    resourceType: 'Communication',
    id: c.id,
    // The PCP is not a resource Meridian holds: a contained Practitioner, referenced from recipient (dom-3).
    contained: [{ resourceType: 'Practitioner', id: 'recipient', name: [{ text: c.recipient.name }] }],
    status: 'completed',
    ...(mode ? { medium: [{ coding: [{ system: hl7.participationMode, ...mode }] }] } : {}),
    subject: { reference: `Patient/${c.patientId}` },
    topic: { text: 'Visit summary' },
    sent: c.sentAt.toISOString(),
    recipient: [{ reference: '#recipient', display: to }],
    sender: { reference: `Practitioner/${c.senderId}` },
    payload: [
      {
        contentString: `Visit summary for the primary care provider (FHIR document Bundle ${meridianSystems.visitSummary}|${c.summaryId}).`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The document.

/** Replaces every Reference.reference found in `map` (Type/id → urn:uuid:id), anywhere in the value.
 * A resource's own `reference` (DetectedIssue.reference is a uri) is left alone. */
function localiseReferences<T>(value: T, map: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v) => localiseReferences(v, map)) as T;
  if (value && typeof value === 'object') {
    const isResource = 'resourceType' in value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'reference' && typeof v === 'string' && !isResource
          ? (map.get(v) ?? v)
          : localiseReferences(v, map),
      ]),
    ) as T;
  }
  return value;
}

const genders = new Set(['male', 'female', 'other', 'unknown']);
const allergySeverities = new Set(['mild', 'moderate', 'severe']);
const fhirSeverity = { contraindicated: 'high', major: 'high', moderate: 'moderate', minor: 'low' } as const;
const systemNames: Record<string, string> = {
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://snomed.info/sct': 'SNOMED CT',
};
const formulationDomains = ['biological', 'psychological', 'social', 'environmental', 'behavioural'] as const;
const isHttpUrl = (s: string) => /^https?:\/\/\S+$/.test(s);

/**
 * The visit summary as a FHIR R4 document Bundle: the Composition first, then every resource it refers to,
 * each with fullUrl urn:uuid:<id> and every reference pointing at those fullUrls, so the document stands on
 * its own. `letterHtml` (the signed letter) is attached as a DocumentReference; `baseUrl` (the server's
 * FHIR base) adds the Bundle's self link, [base]/Composition/<id>/$document.
 */
export function visitSummaryDocument(
  data: VisitSummaryData,
  options: { baseUrl?: string; letterHtml?: string } = {},
): FhirResource {
  const root = uuidPattern.test(data.id)
    ? data.id
    : nameUuid(urlNamespace, `${meridianSystems.visitSummary}/${data.id}`);
  const own = (id: string, name: string) => (uuidPattern.test(id) ? id : nameUuid(root, name));
  const ids = {
    composition: root,
    patient: own(data.patient.id, 'Patient'),
    clinician: own(data.clinician.id, 'Practitioner/clinician'),
    pcp: nameUuid(root, 'Practitioner/pcp'),
    organization: nameUuid(root, 'Organization/program'),
    plan: own(data.plan.id, 'CarePlan'),
    letter: nameUuid(root, 'DocumentReference/letter'),
  };
  const goalId = (id: string) => nameUuid(ids.plan, `Goal/${id}`);
  const patientRef = { reference: `Patient/${ids.patient}`, display: data.patient.name };
  const clinicianRef = { reference: `Practitioner/${ids.clinician}`, display: data.clinician.name };
  const organizationRef = { reference: `Organization/${ids.organization}`, display: data.program.name };
  const pcpName = data.pcp ? [data.pcp.name, data.pcp.organization].filter(Boolean).join(', ') : '';

  // People and the program.
  const patient: FhirResource = {
    resourceType: 'Patient',
    id: ids.patient,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: v2IdentifierType, code: 'MR', display: 'Medical record number' }] },
        system: meridianSystems.mrn,
        value: data.patient.mrn,
      },
    ],
    name: [
      {
        use: 'official',
        text: data.patient.name,
        family: data.patient.familyName,
        given: [data.patient.givenName],
      },
    ],
    gender: genders.has(data.patient.sex) ? data.patient.sex : 'unknown',
    birthDate: data.patient.birthDate,
    ...(data.pcp
      ? { generalPractitioner: [{ reference: `Practitioner/${ids.pcp}`, display: pcpName }] }
      : {}),
    managingOrganization: organizationRef,
  };
  const clinician: FhirResource = {
    resourceType: 'Practitioner',
    id: ids.clinician,
    name: [{ text: data.clinician.name }],
  };
  const pcp: FhirResource | null = data.pcp
    ? (() => {
        const p = data.pcp;
        const telecom = [
          ...(p.phone ? [{ system: 'phone', value: p.phone, use: 'work' }] : []),
          ...(p.fax ? [{ system: 'fax', value: p.fax, use: 'work' }] : []),
          ...(p.email ? [{ system: 'email', value: p.email, use: 'work' }] : []),
        ];
        return {
          resourceType: 'Practitioner',
          id: ids.pcp,
          name: [{ text: p.name }],
          ...(telecom.length ? { telecom } : {}),
          ...(p.address ? { address: [{ use: 'work', text: p.address }] } : {}),
        };
      })()
    : null;
  const organization: FhirResource = {
    resourceType: 'Organization',
    id: ids.organization,
    active: true,
    name: data.program.name,
    ...(data.program.phone ? { telecom: [{ system: 'phone', value: data.program.phone, use: 'work' }] } : {}),
    address: [{ text: data.program.location }],
  };

  // Problems.
  const conditions = data.conditions.map((c, i) => {
    const coding = [
      ...c.codes.map((code) => ({ system: code.system, code: code.code, display: code.display })),
      ...(c.id ? [{ system: meridianSystems.condition, code: c.id, display: c.name }] : []),
    ];
    return {
      resourceType: 'Condition',
      id: nameUuid(root, `Condition/${i}`),
      clinicalStatus: { coding: [{ system: hl7.conditionClinical, code: 'active', display: 'Active' }] },
      verificationStatus: {
        coding: [{ system: hl7.conditionVerification, code: 'confirmed', display: 'Confirmed' }],
      },
      category: [
        {
          coding: [
            { system: hl7.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' },
          ],
        },
      ],
      code: { ...(coding.length ? { coding } : {}), text: c.name },
      subject: patientRef,
      recordedDate: data.signedAt,
      recorder: clinicianRef,
    };
  });

  // Medicines and supplements.
  const medications = data.medications.map((m) => {
    const dosage = [m.dose, m.frequency].filter(Boolean).join(', ');
    const notes = [
      ...(m.kind === 'supplement' ? ['Herb, supplement or food supplement'] : []),
      ...(m.text && m.text !== m.name ? [`As written: ${m.text}`] : []),
      ...(m.unverified ? ['Reported by the patient; not yet verified by a clinician.'] : []),
    ];
    return {
      resourceType: 'MedicationStatement',
      id: own(m.id, `MedicationStatement/${m.id}`),
      status: 'active',
      // SummaryMedication carries no knowledge-base id, so no Meridian agent code: the name is the text.
      medicationCodeableConcept: { text: m.name },
      subject: patientRef,
      dateAsserted: data.signedAt,
      ...(m.unverified ? { informationSource: patientRef } : {}),
      ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
      ...(dosage ? { dosage: [{ text: dosage }] } : {}),
    };
  });

  // Allergies (not verified in the summary data: recorded as unconfirmed).
  const allergies = data.allergies.map((a, i) =>
    allergyIntoleranceResource({
      id: nameUuid(root, `AllergyIntolerance/${i}`),
      patientId: ids.patient,
      substance: a.substance,
      reaction:
        a.severity && !allergySeverities.has(a.severity)
          ? [a.reaction, `severity: ${a.severity}`].filter(Boolean).join('; ')
          : a.reaction,
      severity:
        a.severity && allergySeverities.has(a.severity)
          ? (a.severity as 'mild' | 'moderate' | 'severe')
          : null,
      status: 'active',
      recordedAt: new Date(data.signedAt),
      verified: false,
    }),
  );

  // Safety findings, implicating the medicines or conditions they name.
  const implicatedBy = (name: string) => {
    const n = name.trim().toLowerCase();
    const med = data.medications.findIndex((m) => m.name.toLowerCase() === n || m.text.toLowerCase() === n);
    if (med >= 0) return `MedicationStatement/${medications[med]!.id}`;
    const condition = data.conditions.findIndex((c) => c.name.toLowerCase() === n || c.id === n);
    return condition >= 0 ? `Condition/${conditions[condition]!.id}` : null;
  };
  const findings = data.findings.map((f) => {
    const implicated = f.items.map(implicatedBy).filter((r): r is string => r !== null);
    const [firstUrl, ...moreSources] = f.sources.filter(isHttpUrl);
    const otherSources = [...moreSources, ...f.sources.filter((s) => !isHttpUrl(s))];
    return {
      resourceType: 'DetectedIssue',
      id: own(f.id, `DetectedIssue/${f.id}`),
      status: 'final',
      severity: fhirSeverity[f.severity],
      patient: patientRef,
      identifiedDateTime: data.signedAt,
      ...(implicated.length ? { implicated: implicated.map((reference) => ({ reference })) } : {}),
      detail: `${f.summary} What to do: ${f.management}${otherSources.length ? ` Sources: ${otherSources.join('; ')}` : ''}`,
      ...(firstUrl ? { reference: firstUrl } : {}),
      ...(f.acknowledgement
        ? {
            mitigation: [
              {
                action: { text: `Acknowledged by the signing clinician: ${f.acknowledgement}` },
                date: data.signedAt,
                author: clinicianRef,
              },
            ],
          }
        : {}),
    };
  });

  // The plan and its goals.
  const goals = data.goals.map((g) =>
    goalResource({
      id: goalId(g.id),
      patientId: ids.patient,
      what: g.what,
      target: g.target,
      howMeasured: g.howMeasured,
      dueDate: g.dueDate,
      startDate: zoned(data.signedAt, data.timeZone)?.date ?? data.signedAt.slice(0, 10),
      expressedBy: { id: ids.clinician, name: data.clinician.name },
    }),
  );
  const carePlan = carePlanResource({
    id: ids.plan,
    patientId: ids.patient,
    version: data.plan.version,
    signedAt: data.signedAt,
    author: { id: ids.clinician, name: data.clinician.name },
    therapies: data.therapies,
    selfCare: data.selfCare,
    supplements: data.supplements,
    goalIds: goals.map((g) => g.id as string),
    conditionIds: conditions.map((c) => c.id),
    education: data.education,
    reviewDate: data.followUp.reviewDate,
  });

  const letter: FhirResource | null = options.letterHtml
    ? {
        resourceType: 'DocumentReference',
        id: ids.letter,
        status: 'current',
        docStatus: 'final',
        type: { coding: [consultNote], text: 'Visit summary letter' },
        subject: patientRef,
        date: data.signedAt,
        author: [clinicianRef],
        custodian: organizationRef,
        description: 'The signed visit summary letter to the primary care provider (HTML).',
        content: [
          {
            attachment: {
              contentType: 'text/html',
              language: 'en',
              data: base64Utf8(options.letterHtml),
              title: `Visit summary for ${data.patient.name}`,
              creation: data.signedAt,
            },
          },
        ],
      }
    : null;

  // Sections: title, narrative (all data escaped) and the entries they are made of.
  const e = escapeXhtml;
  const ref = (r: FhirResource) => ({ reference: `${r.resourceType}/${r.id}` });
  const section = (
    title: string,
    code: string | null,
    xhtml: string,
    entries: FhirResource[],
    emptyReason?: { code: string; display: string },
  ) => ({
    title,
    ...(code ? { code: { coding: [{ system: loinc, code }] } } : {}),
    text: narrative(xhtml),
    ...(entries.length ? { entry: entries.map(ref) } : {}),
    ...(!entries.length && emptyReason
      ? { emptyReason: { coding: [{ system: hl7.listEmptyReason, ...emptyReason }] } }
      : {}),
  });

  const formulation = formulationDomains
    .filter((d) => data.formulation[d])
    .map((d) => `<b>${d[0]!.toUpperCase()}${d.slice(1)}:</b> ${e(data.formulation[d]!)}`);
  const conditionLines = data.conditions.map((c) => {
    const codes = c.codes.map((x) => `${systemNames[x.system] ?? x.system} ${x.code} ${x.display}`);
    return e(codes.length ? `${c.name} (${codes.join('; ')})` : c.name);
  });
  const medicationLines = data.medications.map((m) => {
    const how = [m.dose, m.frequency].filter(Boolean).join(', ');
    return e(
      `${m.name}${m.kind === 'supplement' ? ' (supplement)' : ''}${how ? `: ${how}` : ''}${m.unverified ? ' — reported by the patient, not yet verified' : ''}`,
    );
  });
  const allergyLines = data.allergies.map((a) =>
    e(
      `${a.substance}${a.reaction ? ` — reaction: ${a.reaction}` : ''}${a.severity ? ` (${a.severity})` : ''}`,
    ),
  );
  const findingLines = data.findings.map((f) =>
    [
      `<b>${e(f.severity[0]!.toUpperCase() + f.severity.slice(1))}</b>: ${e(f.summary)}`,
      `What to do: ${e(f.management)}`,
      ...(f.acknowledgement ? [`Clinician: ${e(f.acknowledgement)}`] : []),
      ...(f.sources.length ? [`Sources: ${e(f.sources.join('; '))}`] : []),
    ].join(' '),
  );
  const therapyLines = data.therapies.map((t) =>
    e(
      [
        `${t.therapy.name}: ${t.frequency}, ${plural(t.sessions, 'session')}.`,
        ...(t.discipline ? [`Discipline: ${t.discipline}.`] : []),
        ...(t.evidence
          ? [`Evidence: ${t.evidence.grade} (${t.evidence.guideline}; ${t.evidence.source}).`]
          : []),
        ...(t.cautions.length ? [`Caution: ${t.cautions.join(' ')}`] : []),
      ].join(' '),
    ),
  );
  const planParts = [
    ...(therapyLines.length ? [`<p><b>Therapies</b></p>${list(therapyLines)}`] : []),
    ...(data.goals.length
      ? [
          `<p><b>Goals</b></p>${list(
            data.goals.map((g) =>
              e(`${g.what} — target ${g.target}; measured by ${g.howMeasured}; due ${g.dueDate}`),
            ),
          )}`,
        ]
      : []),
    ...(data.selfCare.length
      ? [`<p><b>Self-care</b></p>${list(data.selfCare.map((s) => e(`${s.practice}, ${s.frequency}`)))}`]
      : []),
    ...(data.supplements.length
      ? [`<p><b>Supplements</b></p>${list(data.supplements.map((s) => e(supplementDescription(s))))}`]
      : []),
    ...(data.education.length ? [`<p><b>Reading</b></p>${list(data.education.map((x) => e(x.title)))}`] : []),
  ];
  const followUpLines = [
    ...(data.followUp.reviewDate ? [e(`Review date: ${data.followUp.reviewDate}`)] : []),
    ...(data.followUp.nextVisit
      ? [e(`Next visit: ${localTime(data.followUp.nextVisit, data.timeZone)}`)]
      : []),
    ...(data.program.phone ? [e(`Questions: ${data.program.name}, ${data.program.phone}`)] : []),
  ];

  const sections = [
    section('Reason for visit', sectionCodes.reason, para(data.reasons || 'Not recorded.'), []),
    section(
      'Assessment',
      sectionCodes.assessment,
      formulation.length ? list(formulation) : para('No formulation recorded.'),
      [],
    ),
    section(
      'Problems',
      sectionCodes.problems,
      conditionLines.length ? list(conditionLines) : para('No problems recorded.'),
      conditions,
    ),
    section(
      'Medications and supplements',
      sectionCodes.medications,
      medicationLines.length ? list(medicationLines) : para('No medicines or supplements recorded.'),
      medications,
    ),
    section(
      'Allergies',
      sectionCodes.allergies,
      allergyLines.length
        ? list(allergyLines)
        : para(data.noKnownAllergies ? 'No known allergies.' : 'Allergies were not recorded.'),
      allergies,
      data.noKnownAllergies
        ? { code: 'nilknown', display: 'Nil Known' }
        : { code: 'unavailable', display: 'Unavailable' },
    ),
    section(
      'Safety findings',
      null,
      findingLines.length ? list(findingLines) : para('No safety findings.'),
      findings,
    ),
    section('Plan', sectionCodes.plan, planParts.length ? planParts.join('') : para('No plan recorded.'), [
      carePlan,
      ...goals,
    ]),
    section('Follow-up', null, followUpLines.length ? list(followUpLines) : para('No follow-up set.'), []),
    ...(letter
      ? [
          section(
            'Letter to the primary care provider',
            null,
            para('The signed letter is attached (HTML).'),
            [letter],
          ),
        ]
      : []),
  ];

  const composition: FhirResource = {
    resourceType: 'Composition',
    id: ids.composition,
    status: 'final',
    type: { coding: [consultNote], text: 'Integrative medicine visit summary' },
    subject: patientRef,
    date: data.signedAt,
    author: [clinicianRef],
    title: 'Integrative medicine visit summary',
    attester: [{ mode: 'legal', time: data.signedAt, party: clinicianRef }],
    custodian: organizationRef,
    section: sections,
  };

  const resources: FhirResource[] = [
    composition,
    patient,
    clinician,
    ...(pcp ? [pcp] : []),
    organization,
    ...conditions,
    ...medications,
    ...allergies,
    ...findings,
    carePlan,
    ...goals,
    ...(letter ? [letter] : []),
  ];
  const fullUrls = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, `urn:uuid:${r.id}`]));
  const bundle: Bundle = {
    resourceType: 'Bundle',
    identifier: { system: meridianSystems.visitSummary, value: data.id },
    type: 'document',
    timestamp: data.signedAt,
    ...(options.baseUrl
      ? { link: [{ relation: 'self', url: `${options.baseUrl}/Composition/${ids.composition}/$document` }] }
      : {}),
    entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: localiseReferences(r, fullUrls) })),
  };
  return bundle;
}
