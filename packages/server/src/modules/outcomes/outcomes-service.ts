import {
  addDays,
  clinicallyImportantPainChange,
  disciplineLabel,
  minimumCellSize,
  pairedChange,
} from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { Queryable } from '../../db/database.ts';
import { fail } from '../../http/errors.ts';
import {
  bedsideSessions,
  type CohortQuery,
  cohortValues,
  type GroupBy,
  groupNames,
  type Measure,
  therapyOffered,
} from './outcomes-repo.ts';

/** The query of a report once defaults are filled in. */
export interface ReportRequest {
  groupBy: GroupBy;
  measure: Measure;
  from?: string | undefined;
  to?: string | undefined;
  therapy?: string | undefined;
  condition?: string | undefined;
}

export interface ReportRow {
  group: { kind: GroupBy; id: string; name: string };
  n: number | null;
  baselineMean: number | null;
  followUpMean: number | null;
  meanChange: number | null;
  ci95: [number, number] | null;
  improvedShare: number | null;
  suppressed: boolean;
}

/** Reports read at most this many days, so one request cannot scan the whole history at once. */
export const longestPeriodDays = 5 * 366;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The period asked for, or the last 365 days up to today (UTC); refuses an inverted or overlong one. */
export function periodOf(from: string | undefined, to: string | undefined, now: Date) {
  const end = to ?? now.toISOString().slice(0, 10);
  const start = from ?? addDays(end, -364);
  if (start > end) fail('VALIDATION', `The period starts (${start}) after it ends (${end}).`);
  if (daysBetween(start, end) >= longestPeriodDays)
    fail('VALIDATION', `A report covers at most ${longestPeriodDays} days; ask for a shorter period.`);
  return { from: start, to: end };
}

function therapyName(id: string, fallback?: string): string {
  return safetyIndex().therapies.get(id)?.name ?? fallback ?? id;
}

function conditionName(id: string, fallback?: string): string {
  return capitalised(safetyIndex().conditions.get(id)?.name ?? fallback ?? id);
}

/** Checks the filters name a therapy some service delivers and a condition of the knowledge base. */
async function filtersOf(q: Queryable, therapy?: string, condition?: string) {
  let therapyFilter: { id: string; name: string } | null = null;
  if (therapy) {
    const offered = await therapyOffered(q, therapy);
    if (!offered && !safetyIndex().therapies.has(therapy))
      fail(
        'VALIDATION',
        `No service delivers the therapy "${therapy}"; use a therapy id such as acupuncture.`,
      );
    therapyFilter = { id: therapy, name: therapyName(therapy, offered ?? undefined) };
  }
  let conditionFilter: { id: string; name: string } | null = null;
  if (condition) {
    if (!safetyIndex().conditions.has(condition))
      fail(
        'VALIDATION',
        `"${condition}" is not a condition Meridian knows; use a condition id such as chronic-low-back-pain.`,
      );
    conditionFilter = { id: condition, name: conditionName(condition) };
  }
  return { therapy: therapyFilter, condition: conditionFilter };
}

const membership: Record<GroupBy, string> = {
  therapy:
    "a patient is in a therapy's group when they attended at least one session of a service of that therapy in the period; their start is their first such session",
  condition:
    "a patient is in a condition's group when that condition is active on their condition list and they attended at least one therapy session in the period; their start is their first attended therapy session",
  location:
    "a patient is in their home location's group when they attended at least one therapy session in the period (at any location); their start is their first attended therapy session",
  discipline:
    "a patient is in a discipline's group when they attended at least one session with a practitioner of that discipline in the period; their start is their first such session",
};

/** The definitions of a report in plain words, for the answer and for the page that prints it. */
export function definitionsOf(
  query: { groupBy: GroupBy; measure: Measure; from: string; to: string },
  filters: { therapy: { name: string } | null; condition: { name: string } | null },
) {
  const measure =
    query.measure === 'pain'
      ? "Pain is the patient's own 0–10 rating in their daily diary: the day's average pain, or the pain at the time of writing when the average is missing."
      : 'The PEG score (0–10, the mean of its three items: pain, interference with enjoyment of life and with general activity), from questionnaires the patient completed; days are counted in the time zone of their home location.';
  const improved =
    query.measure === 'pain'
      ? 'A clinically important fall in pain: at least 2 points or at least 30% below baseline (Farrar et al., Pain 2001).'
      : 'A fall of at least 2 points or at least 30% below baseline. This borrows the rule for pain intensity (Farrar et al., Pain 2001); it is not a threshold published for the PEG.';
  const definitions = [
    {
      term: 'Period',
      meaning: `${query.from} to ${query.to}, both days included. A session's day is its date at the location where it took place.`,
    },
    {
      term: 'Session',
      meaning:
        'An appointment of a service that delivers a therapy (consultations are not sessions), which the patient attended: booked, missed and cancelled visits do not count.',
    },
    { term: 'Group', meaning: `${capitalised(membership[query.groupBy])}.` },
    ...(filters.therapy
      ? [
          {
            term: 'Therapy',
            meaning: `Only ${filters.therapy.name} sessions are counted, so each patient's start is their first ${filters.therapy.name} session in the period.`,
          },
        ]
      : []),
    ...(filters.condition
      ? [
          {
            term: 'Condition',
            meaning: `Only patients with ${filters.condition.name.toLowerCase()} active on their condition list are counted.`,
          },
        ]
      : []),
    { term: 'Measure', meaning: measure },
    {
      term: 'Baseline',
      meaning: "The mean of the patient's values on the 14 days up to and including their start.",
    },
    {
      term: 'Follow-up',
      meaning:
        "The mean of the patient's values on the last 14 days of the period, counting only days at least 28 days after their start.",
    },
    {
      term: 'Counted patients (n)',
      meaning: 'Patients with both a baseline and a follow-up value; the others are left out.',
    },
    {
      term: 'Change',
      meaning:
        'Follow-up minus baseline, averaged over the counted patients (negative is a fall), with its 95% confidence interval from the paired t distribution.',
    },
    { term: 'Improved', meaning: improved },
    {
      term: 'Suppressed',
      meaning: `Groups with fewer than ${minimumCellSize} counted patients show no numbers at all, so that no one can be recognised from a small group.`,
    },
  ];
  return { definitions, method: definitions.map((d) => `${d.term}: ${d.meaning}`).join(' ') };
}

function summaryOf(values: { baseline: number; followUp: number }[]) {
  if (values.length < minimumCellSize)
    return {
      n: null,
      baselineMean: null,
      followUpMean: null,
      meanChange: null,
      ci95: null,
      improvedShare: null,
      suppressed: true,
    };
  const change = pairedChange(values);
  const improved = values.filter((v) => clinicallyImportantPainChange(v.baseline, v.followUp).important);
  return {
    n: change.n,
    baselineMean: change.baselineMean,
    followUpMean: change.followUpMean,
    meanChange: change.meanChange,
    ci95: change.ci95,
    improvedShare: round3(improved.length / values.length),
    suppressed: false,
  };
}

/** The outcome report: one row per group, statistics only, small groups suppressed. */
export async function outcomeReport(q: Queryable, request: ReportRequest, now: Date) {
  const period = periodOf(request.from, request.to, now);
  const filters = await filtersOf(q, request.therapy, request.condition);
  const query: CohortQuery = {
    groupBy: request.groupBy,
    measure: request.measure,
    ...period,
    therapy: filters.therapy?.id ?? null,
    condition: filters.condition?.id ?? null,
  };
  const members = await cohortValues(q, query);
  const groups = new Map<string, { baseline: number; followUp: number }[]>();
  for (const m of members) {
    const values = groups.get(m.group_id) ?? [];
    if (m.baseline !== null && m.follow_up !== null)
      values.push({ baseline: m.baseline, followUp: m.follow_up });
    groups.set(m.group_id, values);
  }
  const names = await groupNames(q, request.groupBy, [...groups.keys()]);
  const nameOf = (id: string): string => {
    switch (request.groupBy) {
      case 'therapy':
        return therapyName(id, names.get(id));
      case 'condition':
        return conditionName(id, names.get(id));
      case 'discipline':
        return disciplineLabel(id);
      case 'location':
        return names.get(id) ?? id;
    }
  };
  const rows: ReportRow[] = [...groups]
    .map(([id, values]) => ({
      group: { kind: request.groupBy, id, name: nameOf(id) },
      ...summaryOf(values),
    }))
    .sort((a, b) => a.group.name.localeCompare(b.group.name));
  return {
    period,
    groupBy: request.groupBy,
    measure: request.measure,
    filters,
    minimumCellSize,
    ...definitionsOf(query, filters),
    rows,
  };
}

/** One score (pain or anxiety) before and after bedside sessions, summarised over the paired sessions. */
function scoreChange(pairs: { before: number; after: number }[]) {
  if (pairs.length === 0)
    return {
      pairedSessions: 0,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      ci95: null,
      fellBy2Share: null,
    };
  const change = pairedChange(pairs.map((p) => ({ baseline: p.before, followUp: p.after })));
  return {
    pairedSessions: change.n,
    meanBefore: change.baselineMean,
    meanAfter: change.followUpMean,
    meanChange: change.meanChange,
    ci95: change.ci95,
    fellBy2Share: round3(pairs.filter((p) => p.after - p.before <= -2).length / pairs.length),
  };
}

const suppressedScore = {
  pairedSessions: null,
  meanBefore: null,
  meanAfter: null,
  meanChange: null,
  ci95: null,
  fellBy2Share: null,
};

/** The bedside report: per bedside service, sessions, patients and the before/after scores. */
export async function bedsideReport(q: Queryable, request: { from?: string; to?: string }, now: Date) {
  const period = periodOf(request.from, request.to, now);
  const rows = await bedsideSessions(q, period.from, period.to);
  const byService = new Map<string, typeof rows>();
  for (const r of rows) byService.set(r.service_id, [...(byService.get(r.service_id) ?? []), r]);
  const pairsOf = (list: typeof rows, kind: 'pain' | 'anxiety') =>
    list.flatMap((r) => {
      const before = kind === 'pain' ? r.pain_before : r.anxiety_before;
      const after = kind === 'pain' ? r.pain_after : r.anxiety_after;
      return before === null || after === null ? [] : [{ before, after }];
    });
  const services = [...byService.values()]
    .map((list) => {
      const first = list[0]!;
      const patients = new Set(list.map((r) => r.patient_id)).size;
      const service = { id: first.service_id, code: first.service_code, name: first.service_name };
      if (patients < minimumCellSize)
        return {
          service,
          suppressed: true,
          sessions: null,
          patients: null,
          pain: suppressedScore,
          anxiety: suppressedScore,
        };
      return {
        service,
        suppressed: false,
        sessions: list.length,
        patients,
        pain: scoreChange(pairsOf(list, 'pain')),
        anxiety: scoreChange(pairsOf(list, 'anxiety')),
      };
    })
    .sort((a, b) => a.service.name.localeCompare(b.service.name));
  const definitions = [
    {
      term: 'Period',
      meaning: `${period.from} to ${period.to}, both days included, at the location of the order.`,
    },
    {
      term: 'Scores',
      meaning:
        'Pain and anxiety, 0–10, asked just before and just after each bedside session by the person who gave it.',
    },
    {
      term: 'Change',
      meaning:
        'After minus before, averaged over the sessions with both scores (negative is a fall), with its 95% confidence interval from the paired t distribution. Each session is one pair, so a patient seen three times counts three times.',
    },
    {
      term: 'Fell by 2 or more',
      meaning: 'The share of those sessions whose score fell by at least 2 points.',
    },
    {
      term: 'Suppressed',
      meaning: `Services whose sessions reached fewer than ${minimumCellSize} different patients show no numbers at all.`,
    },
  ];
  return {
    period,
    minimumCellSize,
    definitions,
    method: definitions.map((d) => `${d.term}: ${d.meaning}`).join(' '),
    services,
  };
}
