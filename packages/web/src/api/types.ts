// Shapes of the JSON the Meridian server returns. Kept by hand in step with
// packages/server; the web app never imports server code so it can be built alone.

export type Role = 'patient' | 'clinician' | 'coordinator' | 'volunteer' | 'admin';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  discipline: string | null;
  patientId: string | null;
  csrfToken: string | null;
}

export interface LoginResponse {
  user: Me;
  csrfToken: string;
}

export interface Location {
  id: string;
  name: string;
  city: string;
  state: string;
  timeZone: string;
}

export interface LocationRef {
  id: string;
  name: string;
  timeZone: string;
}

export interface PatientSummary {
  id: string;
  mrn: string;
  name: { given: string; family: string };
  birthDate: string;
  age: number;
  sex: string;
  location: LocationRef;
}

export interface Address {
  line: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface PrimaryCareProvider {
  name: string;
  organization: string;
  phone: string;
}

export interface CareTeamMember {
  userId: string;
  name: string;
  discipline: string | null;
  role: string;
}

export interface PatientDetail extends PatientSummary {
  phone: string | null;
  email: string | null;
  address: Address | null;
  primaryCareProvider: PrimaryCareProvider | null;
  careTeam: CareTeamMember[];
}

export interface PatientAccess {
  breakGlass: boolean;
  breakGlassExpiresAt: string | null;
}

export interface PatientRecord {
  patient: PatientDetail;
  access: PatientAccess;
}

export interface BreakGlassGrant {
  patientId: string;
  reason: string;
  expiresAt: string;
}

export interface Visit {
  id: string;
  service: string;
  startsAt: string;
  endsAt: string;
  unit: string;
  room: string;
  patient: { id: string; displayName: string };
  location: LocationRef;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string; role: Role } | null;
  patient: { id: string; name: string } | null;
  action: string;
  resourceType: string;
  resourceId: string;
  outcome: string;
  breakGlass: boolean;
  reason: string | null;
  ip: string | null;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBefore: string | null;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  discipline: string | null;
  active: boolean;
  lockedUntil: string | null;
}

// Regimen and safety (GET/POST /api/patients/:id/regimen, POST /api/safety/check).

export type RegimenCategory = 'medicine' | 'supplement' | 'therapy' | 'condition';
export type Severity = 'contraindicated' | 'major' | 'moderate' | 'minor';
export type FindingBasis = 'documented' | 'inferred';

export interface ResolvedRef {
  id: string;
  name: string;
  kind: string;
}

export interface RegimenItem {
  id: string;
  category: RegimenCategory;
  /** What was written, as written. */
  text: string;
  dose: string | null;
  frequency: string | null;
  startedOn: string | null;
  status: 'active' | 'stopped';
  /** What the knowledge base recognised it as; null when it could not be matched. */
  resolved: ResolvedRef | null;
  enteredBy: string;
  addedAt: string;
}

export interface FindingItem {
  id: string;
  name: string;
}

/** Shared by stored findings and the findings of an ad hoc check. */
export interface FindingBase {
  severity: Severity;
  kind: string;
  basis: FindingBasis;
  summary: string;
  mechanism: string;
  management: string;
  evidence: string;
  sources: string[];
}

export interface SafetyFinding extends FindingBase {
  id: string;
  items: FindingItem[];
  firstFoundAt: string;
  acknowledged: { by: string | null; at: string; note: string | null } | null;
  /** The finding in plain words, for the patient. */
  plain: string;
}

export interface NotAssessedItem {
  itemId: string;
  text: string;
  suggestions: string[];
}

export interface RegimenView {
  items: RegimenItem[];
  /** Most severe first. */
  findings: SafetyFinding[];
  notAssessed: NotAssessedItem[];
}

export interface NewRegimenItem {
  category: RegimenCategory;
  text: string;
  dose?: string;
  frequency?: string;
  startedOn?: string;
}

export interface CheckResolved {
  input: string;
  id: string;
  name: string;
  kind: string;
}

export interface CheckUnresolved {
  input: string;
  suggestions: string[];
}

export interface CheckFinding extends FindingBase {
  /** Ids of the resolved items involved (the server sends ids; names come from `resolved`). */
  items: (string | FindingItem)[];
  ref: string;
}

export interface SafetyCheckResult {
  resolved: CheckResolved[];
  unresolved: CheckUnresolved[];
  findings: CheckFinding[];
}
