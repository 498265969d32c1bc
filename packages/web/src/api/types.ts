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
