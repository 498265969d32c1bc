/** A plan's rule for one service. */
export interface PlanServiceRule {
  covered: boolean;
  requiresReferral: boolean;
  requiresPriorAuthorisation: boolean;
  /** Covered visits per calendar year, or null for no limit. */
  visitsPerYear: number | null;
  /** What the patient pays per covered visit, or null for nothing. */
  copayCents: number | null;
}

/** A referral or prior authorisation on file for this patient and service. */
export interface AuthorisationOnFile {
  kind: 'referral' | 'prior_authorisation';
  /** 'YYYY-MM-DD' */
  validFrom: string;
  validUntil: string;
  /** Visits it allows, or null for no limit; and how many it has already been used for. */
  visits: number | null;
  used: number;
}

export interface CoverageQuestion {
  /** The visit's date in the location's zone, 'YYYY-MM-DD'. */
  onDate: string;
  /** The patient's plan on that date and its rule for this service; null when uninsured or no rule. */
  plan: { name: string; rule: PlanServiceRule | null } | null;
  onFile: AuthorisationOnFile[];
  /** Visits of this service already booked or attended in the same calendar year under this plan. */
  visitsThisYear: number;
  selfPayCents: number | null;
}

export type Missing = 'referral' | 'prior_authorisation';

export interface CoverageAnswer {
  /**
   * covered: the plan pays (less any copay); waiting: covered once what is missing is on file;
   * self_pay: the plan does not pay for this visit.
   */
  status: 'covered' | 'waiting' | 'self_pay';
  missing: Missing[];
  /** This visit's number in the year, and the plan's limit (null when none). */
  visitNumber: number;
  visitsPerYear: number | null;
  copayCents: number | null;
  selfPayCents: number | null;
  /** Plain sentences for the person booking. */
  explanation: string[];
}

const label: Record<Missing, string> = {
  referral: 'a referral',
  prior_authorisation: 'a prior authorisation',
};

function valid(onFile: AuthorisationOnFile[], kind: Missing, onDate: string): boolean {
  return onFile.some(
    (a) =>
      a.kind === kind &&
      a.validFrom <= onDate &&
      a.validUntil >= onDate &&
      (a.visits === null || a.used < a.visits),
  );
}

/** What a visit costs the patient and what must be on file before it is confirmed. */
export function decideCoverage(q: CoverageQuestion): CoverageAnswer {
  const visitNumber = q.visitsThisYear + 1;
  const selfPay = (why: string, limit: number | null = null): CoverageAnswer => ({
    status: 'self_pay',
    missing: [],
    visitNumber,
    visitsPerYear: limit,
    copayCents: null,
    selfPayCents: q.selfPayCents,
    explanation: [
      why,
      q.selfPayCents === null
        ? 'Ask the front desk for the self-pay price.'
        : `Self-pay price: $${(q.selfPayCents / 100).toFixed(2)}.`,
    ],
  });
  if (!q.plan) return selfPay('No insurance plan on file for this date.');
  const rule = q.plan.rule;
  if (!rule?.covered) return selfPay(`${q.plan.name} does not cover this service.`);
  if (rule.visitsPerYear !== null && visitNumber > rule.visitsPerYear) {
    return selfPay(
      `${q.plan.name} covers ${rule.visitsPerYear} visits a year; this would be visit ${visitNumber}.`,
      rule.visitsPerYear,
    );
  }
  const missing: Missing[] = [];
  if (rule.requiresReferral && !valid(q.onFile, 'referral', q.onDate)) missing.push('referral');
  if (rule.requiresPriorAuthorisation && !valid(q.onFile, 'prior_authorisation', q.onDate))
    missing.push('prior_authorisation');
  const counted =
    rule.visitsPerYear === null
      ? `Visit ${visitNumber} this year.`
      : `Visit ${visitNumber} of ${rule.visitsPerYear} covered this year.`;
  const copay = rule.copayCents === null ? 'No copay.' : `Copay: $${(rule.copayCents / 100).toFixed(2)}.`;
  return {
    status: missing.length ? 'waiting' : 'covered',
    missing,
    visitNumber,
    visitsPerYear: rule.visitsPerYear,
    copayCents: rule.copayCents,
    selfPayCents: q.selfPayCents,
    explanation: [
      `Covered by ${q.plan.name}.`,
      counted,
      copay,
      ...missing.map((m) => `${q.plan!.name} needs ${label[m]} on file before this visit is confirmed.`),
    ],
  };
}
