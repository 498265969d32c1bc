// Pure helpers of the program outcome reports: the filters (kept in the URL so a report can be bookmarked
// or shared), the query strings and CSV link, and the formatting of means, intervals and shares.

import type {
  BedsideServiceRow,
  OutcomeGroupBy,
  OutcomeMeasure,
  OutcomeReportRow,
  Period,
} from './outcomes-types.ts';

export const groupByOptions: { value: OutcomeGroupBy; label: string }[] = [
  { value: 'therapy', label: 'Therapy' },
  { value: 'condition', label: 'Condition' },
  { value: 'location', label: 'Location' },
  { value: 'discipline', label: 'Discipline' },
];

export const measureOptions: { value: OutcomeMeasure; label: string }[] = [
  { value: 'pain', label: 'Pain (0–10, from the daily diary)' },
  { value: 'peg', label: 'PEG score (0–10, pain, enjoyment and activity)' },
];

/** The group-by choice as a column heading, e.g. "Therapy". */
export function groupByLabel(groupBy: OutcomeGroupBy): string {
  return groupByOptions.find((o) => o.value === groupBy)?.label ?? groupBy;
}

/** The measure in a sentence, e.g. "pain" or "the PEG score". */
export function measureName(measure: OutcomeMeasure): string {
  return measure === 'pain' ? 'pain' : 'the PEG score';
}

export interface OutcomeFilters {
  groupBy: OutcomeGroupBy;
  measure: OutcomeMeasure;
  /** YYYY-MM-DD, first day included. */
  from: string;
  /** YYYY-MM-DD, last day included. */
  to: string;
  /** A therapy id (e.g. "acupuncture"), or '' for every therapy. */
  therapy: string;
  /** A condition id (e.g. "chronic-low-back-pain"), or '' for every condition. */
  condition: string;
}

/** The server refuses periods of this many days or more. */
export const longestPeriodDays = 5 * 366;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidDay(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last 12 months up to today (UTC), as the server reads a report without a period. */
export function defaultPeriod(now: Date): Period {
  const to = now.toISOString().slice(0, 10);
  return { from: addDays(to, -364), to };
}

export function defaultFilters(now: Date): OutcomeFilters {
  return { groupBy: 'therapy', measure: 'pain', ...defaultPeriod(now), therapy: '', condition: '' };
}

function isGroupBy(value: string | null): value is OutcomeGroupBy {
  return groupByOptions.some((o) => o.value === value);
}

function isMeasure(value: string | null): value is OutcomeMeasure {
  return measureOptions.some((o) => o.value === value);
}

/** The filters in the URL; anything missing or malformed falls back to the default. */
export function filtersFromSearchParams(params: URLSearchParams, now: Date): OutcomeFilters {
  const filters = defaultFilters(now);
  const groupBy = params.get('groupBy');
  if (isGroupBy(groupBy)) filters.groupBy = groupBy;
  const measure = params.get('measure');
  if (isMeasure(measure)) filters.measure = measure;
  const from = params.get('from')?.trim() ?? '';
  if (isValidDay(from)) filters.from = from;
  const to = params.get('to')?.trim() ?? '';
  if (isValidDay(to)) filters.to = to;
  const therapy = params.get('therapy')?.trim() ?? '';
  if (idPattern.test(therapy)) filters.therapy = therapy;
  const condition = params.get('condition')?.trim() ?? '';
  if (idPattern.test(condition)) filters.condition = condition;
  return filters;
}

/** The reason the filters cannot be used, or null when they are fine. */
export function validateFilters(filters: OutcomeFilters): string | null {
  if (!isValidDay(filters.from)) return 'Enter the first day of the period as a date.';
  if (!isValidDay(filters.to)) return 'Enter the last day of the period as a date.';
  if (filters.from > filters.to) return 'The period must start on or before the day it ends.';
  if (daysBetween(filters.from, filters.to) >= longestPeriodDays)
    return `A report covers at most ${longestPeriodDays} days; choose a shorter period.`;
  return null;
}

/** The query string of /api/outcomes/report and report.csv, in a fixed order. */
export function reportQueryString(filters: OutcomeFilters): string {
  const params = new URLSearchParams({
    groupBy: filters.groupBy,
    measure: filters.measure,
    from: filters.from,
    to: filters.to,
  });
  if (filters.therapy !== '') params.set('therapy', filters.therapy);
  if (filters.condition !== '') params.set('condition', filters.condition);
  return params.toString();
}

/** The same query as the page's search params (the page's URL and the API take the same names). */
export function filtersToSearchParams(filters: OutcomeFilters): URLSearchParams {
  return new URLSearchParams(reportQueryString(filters));
}

/** A plain link: the browser downloads the CSV of the report on screen with the session cookie. */
export function reportCsvHref(filters: OutcomeFilters): string {
  return `/api/outcomes/report.csv?${reportQueryString(filters)}`;
}

export function bedsideQueryString(period: Period): string {
  return new URLSearchParams({ from: period.from, to: period.to }).toString();
}

const minus = '\u2212';

/** A mean to one decimal with a true minus sign, e.g. "−2.1"; "0.0" never carries a sign. */
export function formatScore(value: number): string {
  const text = value.toFixed(1);
  if (Number(text) === 0) return '0.0';
  return text.replace('-', minus);
}

/** A 95% confidence interval, e.g. "−2.8 to −1.4". */
export function formatCi(ci: readonly [number, number]): string {
  return `${formatScore(ci[0])} to ${formatScore(ci[1])}`;
}

/** A mean change and its interval, e.g. "−2.1 (−2.8 to −1.4)". */
export function formatChange(change: number, ci: readonly [number, number] | null): string {
  return ci ? `${formatScore(change)} (${formatCi(ci)})` : formatScore(change);
}

/** A share from 0 to 1 as a whole percentage, e.g. 0.643 → "64%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** What a suppressed group shows in place of its numbers. */
export function suppressedText(minimumCellSize: number): string {
  return `fewer than ${minimumCellSize} patients — not shown`;
}

export interface ChangeBar {
  id: string;
  group: string;
  change: number;
  /** Distances from the mean down to the lower and up to the upper end of the 95% CI (for error bars). */
  ciError: [number, number];
  label: string;
}

/** The chart's bars: groups with numbers only; suppressed groups are left out and named separately. */
export function changeBars(rows: readonly OutcomeReportRow[]): ChangeBar[] {
  return rows.flatMap((r) =>
    r.suppressed || r.meanChange === null
      ? []
      : [
          {
            id: r.group.id,
            group: r.group.name,
            change: r.meanChange,
            ciError: r.ci95
              ? [Math.max(0, r.meanChange - r.ci95[0]), Math.max(0, r.ci95[1] - r.meanChange)]
              : [0, 0],
            label: formatChange(r.meanChange, r.ci95),
          },
        ],
  );
}

/** The change axis: whole points from the lowest to the highest CI end, always including 0. */
export function changeDomain(bars: readonly ChangeBar[]): [number, number] {
  const lows = bars.map((b) => b.change - b.ciError[0]);
  const highs = bars.map((b) => b.change + b.ciError[1]);
  const low = Math.floor(Math.min(0, ...lows));
  const high = Math.ceil(Math.max(0, ...highs));
  return low === high ? [-1, 1] : [low, high];
}

/** The groups the chart leaves out because they are suppressed. */
export function suppressedGroupNames(rows: readonly OutcomeReportRow[]): string[] {
  return rows.filter((r) => r.suppressed).map((r) => r.group.name);
}

/** The bedside services the chart leaves out because they are suppressed. */
export function suppressedServiceNames(services: readonly BedsideServiceRow[]): string[] {
  return services.filter((s) => s.suppressed).map((s) => s.service.name);
}

/** "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface BedsideBar {
  id: string;
  service: string;
  'Pain before': number | null;
  'Pain after': number | null;
  'Anxiety before': number | null;
  'Anxiety after': number | null;
}

/** Before/after means per bedside service with numbers, for a grouped bar chart. */
export function bedsideBars(services: readonly BedsideServiceRow[]): BedsideBar[] {
  return services
    .filter((s) => !s.suppressed)
    .map((s) => ({
      id: s.service.id,
      service: s.service.name,
      'Pain before': s.pain.meanBefore,
      'Pain after': s.pain.meanAfter,
      'Anxiety before': s.anxiety.meanBefore,
      'Anxiety after': s.anxiety.meanAfter,
    }));
}

/** "6.1 → 3.9" for a before/after pair, or '' when there is nothing to show. */
export function formatBeforeAfter(before: number | null, after: number | null): string {
  return before === null || after === null ? '' : `${formatScore(before)} → ${formatScore(after)}`;
}
