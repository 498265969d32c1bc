import type { Role } from '../shared/roles.ts';

/** What part of a patient's record a request touches. */
export type DataCategory = 'demographics' | 'scheduling' | 'clinical';
export type AccessMode = 'read' | 'write';

export interface Actor {
  userId: string;
  role: Role;
  /** The patient record of a patient user. */
  patientId: string | null;
}

/** Facts about one actor and one patient, loaded by the server before asking the policy. */
export interface PatientRelation {
  patientExists: boolean;
  onCareTeam: boolean;
  hasBedsideAssignment: boolean;
  /** An unexpired break-the-glass grant of this actor for this patient, if any. */
  breakGlass: { reason: string; expiresAt: Date } | null;
}

export type AccessBasis = 'self' | 'care_team' | 'front_desk' | 'bedside_assignment' | 'break_glass';

export type AccessDecision =
  | { allowed: true; basis: AccessBasis; breakGlassReason: string | null }
  | {
      allowed: false;
      /** not_found hides whether the record exists; forbidden is used only where the actor may know it does. */
      answer: 'not_found' | 'forbidden';
      breakGlassAllowed: boolean;
      why: string;
    };

/** Roles that may open a record outside their own scope by giving a reason (break the glass). */
export function canBreakGlass(role: Role): boolean {
  return role === 'clinician' || role === 'admin';
}

/**
 * The access policy for one patient's data. Every route that reads or writes patient data asks this
 * function (through the server's access module) and acts on its answer.
 */
export function decidePatientAccess(
  actor: Actor,
  relation: PatientRelation,
  patientId: string,
  category: DataCategory,
  mode: AccessMode,
): AccessDecision {
  const hidden = (why: string): AccessDecision => ({
    allowed: false,
    answer: 'not_found',
    breakGlassAllowed: canBreakGlass(actor.role),
    why,
  });
  if (!relation.patientExists) return hidden('no such patient');
  const viaBreakGlass = (): AccessDecision | null =>
    relation.breakGlass
      ? { allowed: true, basis: 'break_glass', breakGlassReason: relation.breakGlass.reason }
      : null;

  switch (actor.role) {
    case 'patient':
      return actor.patientId === patientId
        ? { allowed: true, basis: 'self', breakGlassReason: null }
        : hidden("another patient's record");
    case 'clinician':
      if (relation.onCareTeam) return { allowed: true, basis: 'care_team', breakGlassReason: null };
      return viaBreakGlass() ?? hidden('not on the care team');
    case 'coordinator':
      if (category === 'clinical') {
        return {
          allowed: false,
          answer: 'forbidden',
          breakGlassAllowed: false,
          why: 'coordinators do not see clinical data',
        };
      }
      return { allowed: true, basis: 'front_desk', breakGlassReason: null };
    case 'volunteer':
      // A volunteer sees who and where for their assigned bedside visits, and records those visits
      // (a hand massage given, with comfort scores); never the clinical record, never demographics edits.
      if (
        relation.hasBedsideAssignment &&
        (category === 'scheduling' || (category === 'demographics' && mode === 'read'))
      ) {
        return { allowed: true, basis: 'bedside_assignment', breakGlassReason: null };
      }
      return hidden('no assigned bedside visit');
    case 'admin':
      // Admins run the program; they read a record only by breaking the glass, and never write it.
      if (mode === 'read') return viaBreakGlass() ?? hidden('admins do not read patient records');
      return hidden('admins do not change patient records');
    case 'researcher':
      // Researchers work with de-identified program reports only; no record, no break-the-glass.
      return {
        allowed: false,
        answer: 'not_found',
        breakGlassAllowed: false,
        why: 'researchers see reports only',
      };
  }
}
