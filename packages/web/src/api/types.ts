// Shapes of the JSON the Meridian server returns. Kept by hand in step with
// packages/server; the web app never imports server code so it can be built alone.

import type { Intake, PlanContent, PlanGoal, PlanIntervention } from '@meridian/domain';

export type Role = 'patient' | 'clinician' | 'coordinator' | 'volunteer' | 'admin' | 'researcher';

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
  /** Where visit summaries are sent (fax is the default channel when there is one). */
  fax?: string | null;
  email?: string | null;
  address?: string | null;
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

// Scheduling (packages/server/src/modules/scheduling/scheduling-routes.ts).

export type CareSetting = 'outpatient' | 'inpatient' | 'telehealth';

export interface Service {
  id: string;
  code: string;
  name: string;
  category: string;
  description: string | null;
  /** Lengths in minutes; the first is the usual one. */
  durations: number[];
  disciplines: string[];
  capacity: number;
  groupClass: boolean;
  settings: CareSetting[];
  selfPayCents: number | null;
  selfBookable: boolean;
  cancelNoticeHours: number;
  active: boolean;
  locationIds: string[];
  /** The knowledge base's therapy the service delivers (e.g. 'acupuncture'); null for consultations. */
  therapy?: string | null;
}

export interface Practitioner {
  id: string;
  name: string;
  role: string;
  discipline: string | null;
  locationIds: string[];
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Slot {
  practitioner: PersonRef;
  roomId: string | null;
  start: string;
  end: string;
  /** Group classes: the session to join and its free places. */
  appointmentId?: string;
  placesLeft?: number;
}

export interface SlotSearchResult {
  service: { id: string; name: string; capacity: number };
  location: LocationRef;
  durationMinutes: number;
  setting: CareSetting;
  slots: Slot[];
}

export type CoverageStatus = 'covered' | 'waiting' | 'self_pay';
export type CoverageMissing = 'referral' | 'prior_authorisation';

export interface Coverage {
  status: CoverageStatus;
  missing: CoverageMissing[];
  visitNumber: number;
  visitsPerYear: number | null;
  copayCents: number | null;
  selfPayCents: number | null;
  /** Plain sentences for the person booking. */
  explanation: string[];
}

/** One patient's place in an appointment (the server calls it an attendance). */
export interface Appointment {
  id: string;
  /** 'booked', 'attended', 'cancelled', 'no_show'. */
  status: string;
  lateCancellation: boolean;
  cancelReason: string | null;
  /** Decided when booked; empty for visits booked before coverage was recorded. */
  coverage: Partial<Coverage>;
  seriesId: string | null;
  appointmentId: string;
  start: string;
  end: string;
  setting: CareSetting;
  groupClass: boolean;
  service: { id: string; name: string; therapy?: string | null };
  location: LocationRef;
  room: string | null;
  practitioner: PersonRef;
}

export interface CalendarAppointment extends Appointment {
  /** id and mrn are null when the booking is not on the viewer's list. */
  patient: { id: string | null; name: string; mrn: string | null };
}

export interface CalendarView {
  location: LocationRef;
  from: string;
  to: string;
  appointments: CalendarAppointment[];
}

export interface BookingRequest {
  serviceId: string;
  locationId: string;
  practitionerId: string;
  start: string;
  durationMinutes?: number;
  setting?: CareSetting;
  appointmentId?: string;
}

export interface SeriesChoice {
  visit: number;
  start: string;
  practitionerId: string;
}

export interface SeriesRequest extends BookingRequest {
  visits: number;
  everyDays: number;
  choices?: SeriesChoice[];
}

export interface ProposedVisit {
  visit: number;
  /** 'YYYY-MM-DD' in the location's zone. */
  date: string;
  slot: Slot | null;
  alternatives: Slot[];
}

export interface SeriesProposal {
  visits: ProposedVisit[];
}

export interface BookedSeries {
  seriesId: string;
  appointments: Appointment[];
}

// Bedside orders, worklist and before/after scores (packages/server/src/modules/bedside/bedside-routes.ts),
// and expiring credentials (GET /api/admin/credentials/expiring).

export interface BedsidePrecautionOption {
  code: string;
  label: string;
  /** The knowledge-base condition the safety check reads it as, if any. */
  condition: string | null;
}

/** What the order form needs from the service catalog (GET /api/services?locationId=). */
export interface BedsideServiceOption {
  id: string;
  code: string;
  name: string;
  settings: string[];
  disciplines: string[];
  deliveredByVolunteers?: boolean;
}

export type BedsideOrderStatus = 'open' | 'accepted' | 'completed' | 'cancelled';

export interface BedsideOrder {
  id: string;
  status: BedsideOrderStatus;
  service: { id: string; name: string };
  location: LocationRef;
  unit: string;
  room: string;
  bed: string;
  precautions: { code: string; label: string }[];
  notes: string;
  orderedBy: string;
  orderedAt: string;
  acceptedBy: string | null;
  /** Safety findings about the therapy for this patient (the ad hoc check's shape); null where not sent. */
  findings: CheckFinding[] | null;
}

export interface WorklistOrder extends BedsideOrder {
  /** null until the order is accepted and the practitioner joins the care team. */
  patient: { id: string; name: string; mrn: string } | null;
}

export interface BedsideScores {
  painBefore: number | null;
  painAfter: number | null;
  anxietyBefore: number | null;
  anxietyAfter: number | null;
}

export interface BedsideSession extends BedsideScores {
  id: string;
  /** null for a volunteer's visit. */
  orderId: string | null;
  service: string;
  deliveredBy: string;
  deliveredAt: string;
  minutes: number;
  notes: string;
}

export interface PatientBedside {
  orders: BedsideOrder[];
  sessions: BedsideSession[];
}

export interface NewBedsideOrder {
  serviceId: string;
  locationId: string;
  unit: string;
  room: string;
  bed?: string;
  precautions: string[];
  notes?: string;
}

export interface NewBedsideSession extends BedsideScores {
  minutes: number;
  notes?: string;
  /** Whether this visit completes the order (the server's default); volunteers leave it out. */
  complete?: boolean;
}

export interface ExpiringCredential {
  id: string;
  practitioner: { id: string; name: string };
  kind: string;
  name: string;
  number: string;
  issuer: string;
  /** 'YYYY-MM-DD'. */
  expiresOn: string;
  expired: boolean;
}

export interface ExpiringCredentials {
  days: number;
  /** 'YYYY-MM-DD', the server's today. */
  today: string;
  credentials: ExpiringCredential[];
}

// Admin configuration (packages/server/src/modules/scheduling/configuration-routes.ts): the catalog as an
// admin edits it, rooms, credential kinds, practitioners' credentials, weekly hours and time off.

/** A catalog entry with everything an admin can change (GET /api/services?includeInactive=true). */
export interface AdminService extends Service {
  deliveredByVolunteers: boolean;
  /** Credential kind codes a practitioner must hold (unexpired) to deliver it. */
  requiredCredentials: string[];
  /** The knowledge-base therapy the safety check reads it as; null for consultations. */
  therapy: string | null;
}

/** PATCH /api/admin/services/:serviceId: any subset. */
export interface ServiceChanges {
  name?: string;
  category?: string;
  description?: string;
  durations?: number[];
  disciplines?: string[];
  deliveredByVolunteers?: boolean;
  requiredCredentials?: string[];
  capacity?: number;
  settings?: CareSetting[];
  therapy?: string | null;
  selfPayCents?: number | null;
  selfBookable?: boolean;
  cancelNoticeHours?: number;
  active?: boolean;
}

export interface Room {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
  serviceIds: string[];
}

export interface NewRoom {
  name: string;
  capacity: number;
  serviceIds: string[];
}

export interface CredentialKind {
  code: string;
  name: string;
  /** 'licence', 'certification', 'training', 'registration'. */
  category: string;
}

export interface HeldCredential {
  kind: string;
  name: string;
  number: string;
  issuer: string;
  /** 'YYYY-MM-DD', or null when it does not expire (most trainings). */
  expiresOn: string | null;
}

/** GET /api/practitioners as staff see it: with credentials. */
export interface PractitionerWithCredentials extends Practitioner {
  credentials: HeldCredential[];
}

export interface NewCredential {
  kind: string;
  number: string;
  issuer: string;
  issuedOn?: string;
  expiresOn?: string;
}

export interface WorkingHoursRow {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM' in the location's wall-clock time. */
  starts: string;
  ends: string;
  breakStarts?: string;
  breakEnds?: string;
}

/** GET /api/admin/users/:userId/working-hours (where the server offers it). */
export interface StoredWorkingHours {
  hours: {
    locationId: string;
    weekday: number;
    starts: string;
    ends: string;
    breakStarts: string | null;
    breakEnds: string | null;
  }[];
  timeOff: { id: string; startsAt: string; endsAt: string; reason: string }[];
}

export interface NewTimeOff {
  startsAt: string;
  endsAt: string;
  reason: string;
}

// --- Intake, visit summaries, care plan and education (patient portal) ---
// The intake's answers and the plan's content are the domain's own types (packages/domain).

export type IntakeStatus = 'draft' | 'submitted';

/** A scored screen (PHQ-2, GAD-2, PEG) as the intake answers carry it. */
export interface IntakeScreenResult {
  score: number;
  positive: boolean | null;
  interpretation: string;
}

/** GET/PUT /api/patients/:id/intake, POST …/intake/submit. */
export interface IntakeView {
  id: string;
  status: IntakeStatus;
  answers: Intake;
  updatedAt: string;
  submittedAt: string | null;
  /** What still stops the draft from being submitted, in words for the patient. */
  gaps: string[];
  screens: {
    phq2: IntakeScreenResult | null;
    gad2: IntakeScreenResult | null;
    peg: IntakeScreenResult | null;
  };
}

export interface IntakeResponse {
  intake: IntakeView | null;
}

export type KnowledgeNameKind = 'medicine' | 'supplement' | 'therapy' | 'condition';

/** GET /api/knowledge/names: typing suggestions. */
export interface KnownName {
  id: string;
  name: string;
  kind: KnowledgeNameKind;
  /** The name that matched when it is not the entry's own (a brand, a synonym). */
  matched: string | null;
}

/** The plain-language visit summary shown in the portal. */
export interface PatientPlanSummary {
  intro: string;
  sections: { heading: string; items: string[] }[];
  notice: string;
}

/** GET /api/patients/:id/visit-summaries (deliveries are left out for patients). */
export interface VisitSummaryListItem {
  id: string;
  consultationId: string;
  createdAt: string;
  clinician: string;
  planVersion: number | null;
  patientSummary: PatientPlanSummary;
  deliveries?: {
    to: string;
    organization: string | null;
    channel: string;
    address: string | null;
    by: string;
    at: string;
  }[];
}

export interface CarePlanVersionInfo {
  version: number;
  reason: string;
  changes: string[];
  createdAt: string;
  createdBy: string;
}

/** One plan version with the names and targets a reader needs. */
export interface CarePlanVersion extends CarePlanVersionInfo {
  content: PlanContent;
  conditions: { id: string; name: string }[];
  /** `target` is the short form, e.g. "PEG ≤ 4 by 12 weeks" (the number is in `content.goals`). */
  goals: (Omit<PlanGoal, 'target'> & { target: string; dueDate: string })[];
  interventions: (PlanIntervention & {
    therapyName: string;
    practitionerName: string | null;
  })[];
  education: { id: string; title: string; summary: string | null }[];
  lead: { id: string; name: string | null } | null;
}

/** GET /api/patients/:id/care-plan and …/care-plan/versions/:n. */
export interface CarePlanResponse {
  plan: {
    id: string;
    latestVersion: number;
    startedOn: string;
    shown: CarePlanVersion;
    versions: CarePlanVersionInfo[];
  } | null;
}

export type EducationBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

/** GET /api/education (without body) and GET /api/education/:id (with it). */
export interface EducationArticleSummary {
  id: string;
  title: string;
  summary: string;
  readingMinutes: number;
  therapies: string[];
  conditions: string[];
  /** https URLs of the pages its facts rest on. */
  sources: string[];
  /** YYYY-MM-DD: when the article was last checked against its sources. */
  reviewed: string;
}

export interface EducationArticle extends EducationArticleSummary {
  body: EducationBlock[];
}

// Pain diary, questionnaires and progress (issue 6: /api/patients/:id/diary, …/questionnaires, …/progress).

export type SleepQuality = 'good' | 'fair' | 'poor';

/** One day's diary entry; `date` is the patient's own local day (YYYY-MM-DD). */
export interface DiaryEntry {
  id: string;
  date: string;
  painNow: number | null;
  painAverage: number | null;
  painWorst: number | null;
  locations: string[];
  triggers: string[];
  sleepHours: number | null;
  sleepQuality: SleepQuality | null;
  mood: number | null;
  activity: number | null;
  /** Therapy ids, e.g. 'acupuncture'. */
  therapies: string[];
  /** The plan's self-care practice texts. */
  selfCare: string[];
  /** Regimen item ids. */
  taken: string[];
  notes: string | null;
  /** Written after the day it is about. */
  backdated: boolean;
  recordedAt: string;
}

/** PUT /api/patients/:id/diary/:date (every field optional; the entry of that day is replaced). */
export interface DiaryInput {
  painNow?: number;
  painAverage?: number;
  painWorst?: number;
  locations?: string[];
  triggers?: string[];
  sleepHours?: number;
  sleepQuality?: SleepQuality;
  mood?: number;
  activity?: number;
  therapies?: string[];
  selfCare?: string[];
  taken?: string[];
  notes?: string;
}

/** GET /api/patients/:id/diary */
export interface DiaryResponse {
  timeZone: string;
  /** Today in the patient's zone. */
  today: string;
  entries: DiaryEntry[];
}

export type QuestionnaireId = 'phq-9' | 'gad-7' | 'peg' | 'pain-nrs';

/** GET /api/questionnaires: the wording, word for word. */
export interface QuestionnaireText {
  id: QuestionnaireId;
  name: string;
  stem: string;
  options?: { value: number; label: string }[];
  scale?: { min: 0; max: number };
  items: string[];
  sources: string[];
}

/** GET /api/patients/:id/questionnaires */
export interface PatientQuestionnaires {
  due: { instrument: QuestionnaireId; dueOn: string; due: boolean }[];
  responses: {
    id: string;
    instrument: QuestionnaireId;
    score: number;
    band: string | null;
    completedAt: string;
    source: string;
  }[];
}

/** POST /api/patients/:id/questionnaires (201). */
export interface QuestionnaireResult {
  response: {
    id: string;
    instrument: QuestionnaireId;
    score: number;
    band: string | null;
    completedAt: string;
    selfHarmItemPositive: boolean;
  };
}

export type GoalStatus = 'met' | 'on-track' | 'off-track' | 'no-data';

/** One score of a questionnaire on the progress time axis. */
export interface ScorePoint {
  date: string;
  score: number;
  band: string | null;
}

/** An attended or booked session (a visit or a bedside session) on the progress time axis. */
export interface ProgressSession {
  date: string;
  at: string;
  kind: 'visit' | 'bedside';
  service: string;
  therapy: string | null;
  status: 'booked' | 'attended';
  painBefore: number | null;
  painAfter: number | null;
}

export interface GoalProgressView {
  goalId: string;
  what: string;
  /** "PEG ≤ 4 by 12 weeks". */
  target: string;
  status: GoalStatus;
  baseline: number | null;
  latest: { date: string; value: number } | null;
  expected: number | null;
  dueDate: string;
}

export interface WeekSummary {
  days: number;
  painAverage: number | null;
  sleepHours: number | null;
}

export interface PainResponse {
  baselinePain: number | null;
  recentPain: number | null;
  change: number | null;
  percent: number | null;
  important: boolean;
  rule: string;
  source: string;
}

export interface ReviewHistoryEntry {
  version: number;
  outcome: 'confirmed' | 'adjusted';
  resultingVersion: number | null;
  note: string;
  by: string | null;
  at: string;
}

/** GET /api/patients/:id/progress */
export interface ProgressView {
  timeZone: string;
  today: string;
  from: string;
  diary: DiaryEntry[];
  questionnaires: Partial<Record<QuestionnaireId, ScorePoint[]>>;
  sessions: ProgressSession[];
  /** Oldest first. */
  planVersions: { version: number; date: string; reason: string }[];
  goals: GoalProgressView[];
  weekly: { thisWeek: WeekSummary; lastWeek: WeekSummary };
  response: PainResponse;
  sinceLastReview: {
    reviewedOn: string | null;
    change?: number;
    percent?: number | null;
    important?: boolean;
  };
  adherence: { sessionsAttended: number; sessionsPlanned: number; diaryDaysLast28: number };
  findingsSinceLastReview: { id: string; severity: Severity; summary: string; firstFoundAt: string }[];
  review: null | {
    due: boolean;
    reviewDate: string | null;
    version: number;
    history: ReviewHistoryEntry[];
  };
}
