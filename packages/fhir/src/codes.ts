// Code systems Meridian uses, each with where it was checked. Anything that is not in a published code
// system is a Meridian code under a Meridian canonical URL, never passed off as a standard one.

/** The canonical base of Meridian's own identifier systems, code systems and extensions. */
export const meridianBase = 'https://meridian.example.org/fhir';

/** HL7 v2 table 0203 (identifier type); MR = medical record number. Checked against published R4 IGs
 * (e.g. HL7 AU Base "au-medicalrecordnumber" and the HL7 AE Research R4 backport example patient). */
export const v2IdentifierType = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/** FHIR R4 IssueType (http://hl7.org/fhir/issue-type), from https://hl7.org/fhir/r4/codesystem-issue-type.html */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'processing'
  | 'not-supported'
  | 'duplicate'
  | 'not-found'
  | 'too-costly'
  | 'business-rule'
  | 'conflict'
  | 'throttled'
  | 'exception';

export const meridianSystems = {
  mrn: `${meridianBase}/sid/mrn`,
  location: `${meridianBase}/sid/location`,
  credentialKind: `${meridianBase}/CodeSystem/credential-kind`,
  discipline: `${meridianBase}/CodeSystem/discipline`,
  service: `${meridianBase}/CodeSystem/service`,
  agent: `${meridianBase}/CodeSystem/agent`,
  condition: `${meridianBase}/CodeSystem/condition`,
  findingKind: `${meridianBase}/CodeSystem/safety-finding-kind`,
  /** Therapies of the knowledge base (e.g. "acupuncture"), for CarePlan activities. */
  therapy: `${meridianBase}/CodeSystem/therapy`,
  /** Visit summary ids: the identifier of the FHIR document Bundle made from a summary. */
  visitSummary: `${meridianBase}/sid/visit-summary`,
  timeZoneExtension: `${meridianBase}/StructureDefinition/time-zone`,
} as const;
