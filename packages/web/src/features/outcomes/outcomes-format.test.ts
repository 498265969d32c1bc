import { describe, expect, it } from 'vitest';
import {
  bedsideBars,
  changeBars,
  changeDomain,
  defaultFilters,
  defaultPeriod,
  filtersFromSearchParams,
  filtersToSearchParams,
  formatBeforeAfter,
  formatChange,
  formatCi,
  formatScore,
  formatShare,
  listInWords,
  type OutcomeFilters,
  reportCsvHref,
  reportQueryString,
  suppressedGroupNames,
  suppressedServiceNames,
  suppressedText,
  validateFilters,
} from './outcomes-format.ts';
import type { BedsideServiceRow, OutcomeReportRow } from './outcomes-types.ts';

const now = new Date('2026-03-15T18:30:00Z');

const row = (id: string, over: Partial<OutcomeReportRow> = {}): OutcomeReportRow => ({
  group: { kind: 'therapy', id, name: id.charAt(0).toUpperCase() + id.slice(1) },
  n: 14,
  baselineMean: 6.2,
  followUpMean: 4.1,
  meanChange: -2.1,
  ci95: [-2.8, -1.4],
  improvedShare: 0.643,
  suppressed: false,
  ...over,
});

const suppressedRow = (id: string) =>
  row(id, {
    n: null,
    baselineMean: null,
    followUpMean: null,
    meanChange: null,
    ci95: null,
    improvedShare: null,
    suppressed: true,
  });

describe('formatting numbers', () => {
  it('writes means to one decimal with a true minus sign', () => {
    expect(formatScore(-2.14)).toBe('\u22122.1');
    expect(formatScore(3)).toBe('3.0');
    expect(formatScore(-0.04)).toBe('0.0');
  });

  it('writes a change with its 95% CI as "−2.1 (−2.8 to −1.4)"', () => {
    expect(formatChange(-2.1, [-2.8, -1.4])).toBe('−2.1 (−2.8 to −1.4)');
    expect(formatChange(0.25, [-0.5, 1])).toBe('0.3 (−0.5 to 1.0)');
    expect(formatChange(-1, null)).toBe('−1.0');
    expect(formatCi([-2.75, -1.449])).toBe('−2.8 to −1.4');
  });

  it('writes a share as a whole percentage', () => {
    expect(formatShare(0.643)).toBe('64%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
  });

  it('says "fewer than 11 patients" for a suppressed group, never a number of its own', () => {
    expect(suppressedText(11)).toBe('fewer than 11 patients — not shown');
  });

  it('writes before and after scores, or nothing when one is missing', () => {
    expect(formatBeforeAfter(6.08, 3.9)).toBe('6.1 → 3.9');
    expect(formatBeforeAfter(null, 3.9)).toBe('');
  });

  it('lists names in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['Reiki'])).toBe('Reiki');
    expect(listInWords(['Reiki', 'Yoga', 'Tai chi'])).toBe('Reiki, Yoga and Tai chi');
  });
});

describe('the period and filters', () => {
  it('defaults to the last 12 months up to today (UTC), as the server does', () => {
    expect(defaultPeriod(now)).toEqual({ from: '2025-03-16', to: '2026-03-15' });
    expect(defaultFilters(now)).toEqual({
      groupBy: 'therapy',
      measure: 'pain',
      from: '2025-03-16',
      to: '2026-03-15',
      therapy: '',
      condition: '',
    });
  });

  it('reads the filters from the URL, falling back to the defaults for anything malformed', () => {
    const params = new URLSearchParams(
      'groupBy=condition&measure=peg&from=2025-01-01&to=2025-12-31&therapy=acupuncture&condition=Bad Id',
    );
    expect(filtersFromSearchParams(params, now)).toEqual({
      groupBy: 'condition',
      measure: 'peg',
      from: '2025-01-01',
      to: '2025-12-31',
      therapy: 'acupuncture',
      condition: '',
    });
    expect(
      filtersFromSearchParams(new URLSearchParams('groupBy=patient&measure=x&from=2025-02-30'), now),
    ).toEqual(defaultFilters(now));
  });

  it('round-trips through the URL', () => {
    const filters: OutcomeFilters = {
      groupBy: 'location',
      measure: 'pain',
      from: '2025-06-01',
      to: '2026-05-31',
      therapy: 'massage',
      condition: 'chronic-low-back-pain',
    };
    expect(filtersFromSearchParams(filtersToSearchParams(filters), now)).toEqual(filters);
  });

  it('refuses an inverted, missing or overlong period', () => {
    const ok = defaultFilters(now);
    expect(validateFilters(ok)).toBeNull();
    expect(validateFilters({ ...ok, from: '' })).toMatch(/first day/);
    expect(validateFilters({ ...ok, to: '2026-02-30' })).toMatch(/last day/);
    expect(validateFilters({ ...ok, from: '2026-03-16' })).toMatch(/start on or before/);
    expect(validateFilters({ ...ok, from: '2020-01-01' })).toMatch(/at most 1830 days/);
  });
});

describe('the report and CSV links', () => {
  it('asks the API for the filters on screen, leaving out empty therapy and condition', () => {
    expect(reportQueryString(defaultFilters(now))).toBe(
      'groupBy=therapy&measure=pain&from=2025-03-16&to=2026-03-15',
    );
  });

  it('builds the CSV link with the same query as the report', () => {
    const filters: OutcomeFilters = {
      ...defaultFilters(now),
      groupBy: 'discipline',
      measure: 'peg',
      therapy: 'acupuncture',
      condition: 'chronic-low-back-pain',
    };
    const href = reportCsvHref(filters);
    expect(href).toBe(
      '/api/outcomes/report.csv?groupBy=discipline&measure=peg&from=2025-03-16&to=2026-03-15&therapy=acupuncture&condition=chronic-low-back-pain',
    );
    expect(href.split('?')[1]).toBe(reportQueryString(filters));
  });
});

describe('chart data', () => {
  it('draws only groups with numbers, with the CI as distances from the mean, and names the rest', () => {
    const rows = [row('acupuncture'), suppressedRow('reiki'), suppressedRow('yoga')];
    const bars = changeBars(rows);
    expect(bars).toHaveLength(1);
    expect(bars[0]!.group).toBe('Acupuncture');
    expect(bars[0]!.change).toBe(-2.1);
    expect(bars[0]!.ciError[0]).toBeCloseTo(0.7);
    expect(bars[0]!.ciError[1]).toBeCloseTo(0.7);
    expect(bars[0]!.label).toBe('−2.1 (−2.8 to −1.4)');
    expect(suppressedGroupNames(rows)).toEqual(['Reiki', 'Yoga']);
  });

  it('spans the change axis over every interval and zero, in whole points', () => {
    expect(changeDomain(changeBars([row('acupuncture')]))).toEqual([-3, 0]);
    expect(
      changeDomain(changeBars([row('acupuncture'), row('yoga', { meanChange: 0.4, ci95: [-0.2, 1.1] })])),
    ).toEqual([-3, 2]);
    expect(changeDomain([])).toEqual([-1, 1]);
  });

  it('draws bedside before and after means per service, leaving suppressed services out', () => {
    const score = (before: number, after: number) => ({
      pairedSessions: 30,
      meanBefore: before,
      meanAfter: after,
      meanChange: after - before,
      ci95: [after - before - 0.5, after - before + 0.5] as [number, number],
      fellBy2Share: 0.5,
    });
    const empty = {
      pairedSessions: null,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      ci95: null,
      fellBy2Share: null,
    };
    const services: BedsideServiceRow[] = [
      {
        service: { id: 's1', code: 'BEDSIDE-MASSAGE', name: 'Massage at the bedside' },
        suppressed: false,
        sessions: 30,
        patients: 12,
        pain: score(5.5, 3.2),
        anxiety: score(5.1, 2.9),
      },
      {
        service: { id: 's2', code: 'HAND', name: 'Hand massage' },
        suppressed: true,
        sessions: null,
        patients: null,
        pain: empty,
        anxiety: empty,
      },
    ];
    expect(bedsideBars(services)).toEqual([
      {
        id: 's1',
        service: 'Massage at the bedside',
        'Pain before': 5.5,
        'Pain after': 3.2,
        'Anxiety before': 5.1,
        'Anxiety after': 2.9,
      },
    ]);
    expect(suppressedServiceNames(services)).toEqual(['Hand massage']);
  });
});
