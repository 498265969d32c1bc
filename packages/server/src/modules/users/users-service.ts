import { type Discipline, disciplines, type Role, roles } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  discipline?: Discipline | null;
  patientId?: string | null;
  locationId?: string | null;
  password: string;
}

/** Checks a new account's fields and answers with a problem a person can fix, or null. */
export function newUserProblem(u: NewUser): string | null {
  if (!roles.includes(u.role)) return `Role must be one of: ${roles.join(', ')}.`;
  if (!/^[^@\s]+@[^@\s]+$/.test(u.email)) return 'Give a valid email address.';
  if (u.role === 'clinician' && !u.discipline)
    return `A clinician needs a discipline: ${disciplines.join(', ')}.`;
  if (u.role !== 'clinician' && u.discipline) return 'Only clinicians have a discipline.';
  if (u.discipline && !disciplines.includes(u.discipline))
    return `Discipline must be one of: ${disciplines.join(', ')}.`;
  if (u.role === 'patient' && !u.patientId)
    return 'A patient account must be linked to a patient record (its id).';
  return passwordProblem(u.password);
}

/** Creates a user with an argon2id password hash; refuses a duplicate email with a clear message. */
export async function createUser(q: Queryable, u: NewUser): Promise<string> {
  const problem = newUserProblem(u);
  if (problem) fail('VALIDATION', problem);
  const existing = await q.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [u.email]);
  if (existing.length) fail('CONFLICT', `An account with the email ${u.email} already exists.`);
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, role, discipline, display_name, patient_id, location_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      u.email.trim(),
      await hashPassword(u.password),
      u.role,
      u.discipline ?? null,
      u.name,
      u.patientId ?? null,
      u.locationId ?? null,
    ],
  );
  return rows[0]!.id;
}
