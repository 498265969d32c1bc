import { describe, expect, it } from 'vitest';
import { type Actor, decidePatientAccess, type PatientRelation } from './policy.ts';

const patientId = '00000000-0000-4000-8000-000000000001';
const none: PatientRelation = {
  patientExists: true,
  onCareTeam: false,
  hasBedsideAssignment: false,
  breakGlass: null,
};
const actor = (role: Actor['role'], patient: string | null = null): Actor => ({
  userId: 'u1',
  role,
  patientId: patient,
});
const grant = { reason: 'Covering the on-call service tonight', expiresAt: new Date('2030-01-01') };

describe('the patient access policy', () => {
  it('lets a patient read their own record and hides every other record as not found', () => {
    expect(
      decidePatientAccess(actor('patient', patientId), none, patientId, 'clinical', 'read'),
    ).toMatchObject({
      allowed: true,
      basis: 'self',
    });
    const other = decidePatientAccess(
      actor('patient', 'someone-else'),
      none,
      patientId,
      'demographics',
      'read',
    );
    expect(other).toMatchObject({ allowed: false, answer: 'not_found', breakGlassAllowed: false });
  });

  it('lets a clinician on the care team read and write clinical data', () => {
    const onTeam = { ...none, onCareTeam: true };
    expect(decidePatientAccess(actor('clinician'), onTeam, patientId, 'clinical', 'write')).toMatchObject({
      allowed: true,
      basis: 'care_team',
    });
  });

  it('hides a record from a clinician outside the care team until they break the glass, then flags the access', () => {
    expect(decidePatientAccess(actor('clinician'), none, patientId, 'clinical', 'read')).toMatchObject({
      allowed: false,
      answer: 'not_found',
      breakGlassAllowed: true,
    });
    expect(
      decidePatientAccess(actor('clinician'), { ...none, breakGlass: grant }, patientId, 'clinical', 'read'),
    ).toEqual({
      allowed: true,
      basis: 'break_glass',
      breakGlassReason: grant.reason,
    });
  });

  it('gives a coordinator demographics and scheduling but not clinical data', () => {
    expect(decidePatientAccess(actor('coordinator'), none, patientId, 'demographics', 'write')).toMatchObject(
      { allowed: true },
    );
    expect(decidePatientAccess(actor('coordinator'), none, patientId, 'scheduling', 'read')).toMatchObject({
      allowed: true,
    });
    expect(decidePatientAccess(actor('coordinator'), none, patientId, 'clinical', 'read')).toMatchObject({
      allowed: false,
      answer: 'forbidden',
    });
  });

  it('lets a volunteer read only the patients of their assigned bedside visits and record those visits, never clinical data', () => {
    const assigned = { ...none, hasBedsideAssignment: true };
    expect(decidePatientAccess(actor('volunteer'), assigned, patientId, 'scheduling', 'read')).toMatchObject({
      allowed: true,
    });
    expect(decidePatientAccess(actor('volunteer'), assigned, patientId, 'scheduling', 'write')).toMatchObject(
      {
        allowed: true,
      },
    );
    expect(decidePatientAccess(actor('volunteer'), none, patientId, 'scheduling', 'write')).toMatchObject({
      allowed: false,
    });
    expect(decidePatientAccess(actor('volunteer'), assigned, patientId, 'clinical', 'read')).toMatchObject({
      allowed: false,
    });
    expect(
      decidePatientAccess(actor('volunteer'), assigned, patientId, 'demographics', 'write'),
    ).toMatchObject({ allowed: false });
    expect(decidePatientAccess(actor('volunteer'), none, patientId, 'demographics', 'read')).toMatchObject({
      allowed: false,
      answer: 'not_found',
    });
  });

  it('keeps an admin out of patient records unless they break the glass, and never lets them write', () => {
    expect(decidePatientAccess(actor('admin'), none, patientId, 'demographics', 'read')).toMatchObject({
      allowed: false,
      breakGlassAllowed: true,
    });
    const withGrant = { ...none, breakGlass: grant };
    expect(decidePatientAccess(actor('admin'), withGrant, patientId, 'clinical', 'read')).toMatchObject({
      allowed: true,
    });
    expect(decidePatientAccess(actor('admin'), withGrant, patientId, 'clinical', 'write')).toMatchObject({
      allowed: false,
    });
  });

  it('never opens a record to a researcher, even with a grant on file', () => {
    for (const category of ['demographics', 'scheduling', 'clinical'] as const) {
      expect(
        decidePatientAccess(
          actor('researcher'),
          { ...none, onCareTeam: true, breakGlass: grant },
          patientId,
          category,
          'read',
        ),
      ).toMatchObject({ allowed: false, answer: 'not_found', breakGlassAllowed: false });
    }
  });

  it('answers not found for a record that does not exist, whoever asks', () => {
    const missing = { ...none, patientExists: false };
    for (const role of ['patient', 'clinician', 'coordinator', 'volunteer', 'admin', 'researcher'] as const) {
      expect(
        decidePatientAccess(actor(role, patientId), missing, patientId, 'demographics', 'read'),
      ).toMatchObject({
        allowed: false,
        answer: 'not_found',
      });
    }
  });
});
