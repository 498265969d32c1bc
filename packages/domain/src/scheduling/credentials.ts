import { addDays } from '../shared/dates.ts';

/** A licence, certification, registration or program training a practitioner holds. */
export interface HeldCredential {
  kind: string;
  /** 'YYYY-MM-DD' or null when it does not expire (e.g. a completed program training). */
  expiresOn: string | null;
  issuedOn?: string | null;
}

export interface CredentialProblem {
  kind: string;
  problem: 'missing' | 'expired' | 'not_yet_valid';
}

/**
 * What stops a practitioner from delivering a service on a date: every required credential must be
 * held and valid that day (a licence that expires on the 10th is valid on the 10th, not the 11th).
 */
export function credentialProblems(
  required: readonly string[],
  held: readonly HeldCredential[],
  onDate: string,
): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  for (const kind of required) {
    const mine = held.filter((c) => c.kind === kind);
    if (mine.length === 0) {
      problems.push({ kind, problem: 'missing' });
      continue;
    }
    const valid = mine.some(
      (c) => (!c.issuedOn || c.issuedOn <= onDate) && (!c.expiresOn || c.expiresOn >= onDate),
    );
    if (valid) continue;
    const started = mine.some((c) => !c.issuedOn || c.issuedOn <= onDate);
    problems.push({ kind, problem: started ? 'expired' : 'not_yet_valid' });
  }
  return problems;
}

/** Credentials that expire within `days` days of `today` (or have already expired), soonest first. */
export function expiringCredentials<T extends HeldCredential>(
  held: readonly T[],
  today: string,
  days: number,
): T[] {
  const limit = addDays(today, days);
  return held
    .filter((c) => c.expiresOn !== null && c.expiresOn <= limit)
    .sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : a.expiresOn! > b.expiresOn! ? 1 : 0));
}
