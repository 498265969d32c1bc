import { describe, expect, it } from 'vitest';
import {
  bandsOf,
  chartStart,
  daysFrom,
  painRows,
  planMarks,
  relativeDays,
  responseDetail,
  responseHeadline,
  reviewDateInWords,
  reviewOutcomeText,
  scoreTrend,
  sessionMarks,
  sessionsText,
  shortDate,
  signed,
  signedPercent,
  sinceReviewText,
  sleepRows,
  weekText,
} from './progress-format.ts';
import type { PainResponse, ProgressDiaryEntry, ProgressSession } from './progress-types.ts';

const rule =
  'A fall of 2 points or 30% in pain intensity (0–10) is clinically important (Farrar et al. 2001).';
const response = (change: Partial<PainResponse>): PainResponse => ({
  baselinePain: 7.1,
  recentPain: 4.2,
  change: -2.9,
  percent: -40.8,
  important: true,
  rule,
  source: 'https://pubmed.ncbi.nlm.nih.gov/11690728/',
  ...change,
});

function entry(date: string, painAverage: number | null, extra: Partial<ProgressDiaryEntry> = {}) {
  return {
    id: date,
    date,
    painNow: painAverage === null ? null : painAverage + 1,
    painAverage,
    painWorst: null,
    locations: [],
    triggers: [],
    sleepHours: null,
    sleepQuality: null,
    mood: null,
    activity: null,
    therapies: [],
    selfCare: [],
    taken: [],
    notes: '',
    backdated: false,
    recordedAt: `${date}T20:00:00Z`,
    ...extra,
  } satisfies ProgressDiaryEntry;
}

function session(date: string, service: string, status: ProgressSession['status'] = 'attended') {
  return {
    date,
    at: `${date}T15:00:00.000Z`,
    kind: 'visit',
    service,
    therapy: service.toLowerCase(),
    status,
    painBefore: null,
    painAfter: null,
  } satisfies ProgressSession;
}

describe('numbers in words', () => {
  it('signs changes with a true minus and rounds percentages', () => {
    expect(signed(-2.9)).toBe('−2.9');
    expect(signed(0.54)).toBe('+0.5');
    expect(signed(0.04)).toBe('0');
    expect(signedPercent(-40.8)).toBe('−41%');
    expect(signedPercent(12.2)).toBe('+12%');
  });

  it('writes short axis dates', () => {
    expect(shortDate('2026-10-18')).toBe('Oct 18');
    expect(shortDate('2026-01-05')).toBe('Jan 5');
    expect(shortDate('not a date')).toBe('not a date');
  });
});

describe('the response flag', () => {
  it('says a clinically important fall with points and percent since the plan started', () => {
    expect(responseHeadline(response({}))).toBe(
      'Clinically important fall in pain: −2.9 points (−41%) since the plan started',
    );
    expect(responseDetail(response({}))).toBe(
      'Average pain 7.1 in the two weeks before the plan started; 4.2 over the last 7 days.',
    );
  });

  it('says when the fall is not important, when pain rose, and when there is too little data', () => {
    expect(responseHeadline(response({ change: -1.3, percent: -23.6, important: false }))).toBe(
      'No clinically important fall in pain yet: −1.3 points (−24%) since the plan started',
    );
    expect(responseHeadline(response({ change: 0.5, percent: 7, important: false }))).toBe(
      'Pain is higher: +0.5 points (+7%) since the plan started',
    );
    expect(
      responseHeadline(response({ baselinePain: null, change: null, percent: null, important: false })),
    ).toBe('Not enough diary entries yet to compare pain since the plan started');
    expect(responseDetail({ baselinePain: null, recentPain: 4 })).toBe(
      'No diary entries in the two weeks before the plan started; average pain 4 over the last 7 days.',
    );
    expect(responseDetail({ baselinePain: 6, recentPain: null })).toBe(
      'Average pain 6 in the two weeks before the plan started; no diary entries in the last 7 days.',
    );
  });

  it('describes the change since the last review', () => {
    const format = (d: string) => `<${d}>`;
    expect(sinceReviewText({ reviewedOn: null }, format)).toBe('The plan has not been reviewed yet.');
    expect(
      sinceReviewText({ reviewedOn: '2026-11-08', change: -1.3, percent: -23.6, important: false }, format),
    ).toBe(
      'Since the last review (<2026-11-08>): pain −1.3 points (−24%), not a clinically important change.',
    );
    expect(sinceReviewText({ reviewedOn: '2026-11-08' }, format)).toBe(
      'Since the last review (<2026-11-08>): not enough diary entries to compare pain.',
    );
  });

  it('summarises a week of the diary', () => {
    expect(weekText('This week', { days: 5, painAverage: 4.2, sleepHours: 6.4 })).toBe(
      'This week: average pain 4.2 over 5 days, sleep 6.4 hours a night.',
    );
    expect(weekText('Last week', { days: 1, painAverage: null, sleepHours: null })).toBe(
      'Last week: no pain scores over 1 day.',
    );
    expect(weekText('Last week', { days: 0, painAverage: null, sleepHours: null })).toBe(
      'Last week: no diary entries.',
    );
  });
});

describe('chart data', () => {
  const progress = {
    from: '2026-07-25',
    today: '2026-10-20',
    diary: [entry('2026-10-14', 7), entry('2026-10-16', 5)],
    sessions: [
      session('2026-10-15', 'Acupuncture'),
      session('2026-10-15', 'Massage'),
      session('2026-10-18', 'Acupuncture'),
      session('2026-10-22', 'Yoga', 'booked'),
    ],
    planVersions: [{ version: 1, date: '2026-10-13', reason: 'First plan' }],
  };

  it('runs the time axis from the first diary day, session or plan version to today, a row a day', () => {
    expect(chartStart(progress)).toBe('2026-10-13');
    const rows = painRows(progress);
    expect(rows.map((r) => r.date)).toEqual(daysFrom('2026-10-13', '2026-10-20'));
    expect(rows).toHaveLength(8);
    expect(rows[1]).toEqual({ date: '2026-10-14', average: 7, now: 8, worst: null });
    expect(rows[2]).toEqual({ date: '2026-10-15', average: null, now: null, worst: null });
    expect(chartStart({ ...progress, diary: [], sessions: [], planVersions: [] })).toBeNull();
    expect(painRows({ ...progress, diary: [], sessions: [], planVersions: [] })).toEqual([]);
  });

  it('marks attended sessions by therapy (booked ones are not marked) and plan versions', () => {
    expect(sessionMarks(progress.sessions, '2026-10-13', '2026-10-30')).toEqual([
      { date: '2026-10-15', label: 'Acupuncture, Massage' },
      { date: '2026-10-18', label: 'Acupuncture' },
    ]);
    expect(sessionMarks(progress.sessions, '2026-10-16', '2026-10-30')).toEqual([
      { date: '2026-10-18', label: 'Acupuncture' },
    ]);
    expect(
      planMarks(
        [
          { version: 1, date: '2026-10-13' },
          { version: 2, date: '2026-11-08' },
          { version: 3, date: '2026-11-08' },
        ],
        '2026-10-01',
        '2026-11-30',
      ),
    ).toEqual([
      { date: '2026-10-13', label: 'Plan v1' },
      { date: '2026-11-08', label: 'Plan v2, v3' },
    ]);
  });

  it('keeps the days with sleep recorded', () => {
    const diary = [entry('2026-10-14', 7, { sleepHours: 5.5, sleepQuality: 'fair' }), entry('2026-10-15', 6)];
    expect(sleepRows(diary)).toEqual([{ date: '2026-10-14', hours: 5.5, quality: 'fair' }]);
  });

  it('turns published bands into ranges, and the PEG has none', () => {
    expect(bandsOf('phq-9')).toEqual([
      { from: 0, to: 4, label: 'none or minimal' },
      { from: 5, to: 9, label: 'mild' },
      { from: 10, to: 14, label: 'moderate' },
      { from: 15, to: 19, label: 'moderately severe' },
      { from: 20, to: 27, label: 'severe' },
    ]);
    expect(bandsOf('gad-7').at(-1)).toEqual({ from: 15, to: 21, label: 'severe' });
    expect(bandsOf('peg')).toEqual([]);
  });

  it('says where scores started and where they are now', () => {
    expect(
      scoreTrend([
        { date: '2026-10-11', score: 10, band: 'moderate' },
        { date: '2026-11-08', score: 7, band: 'mild' },
      ]),
    ).toBe('10 (moderate) → 7 (mild) (−3)');
    expect(scoreTrend([{ date: '2026-10-11', score: 4.7, band: null }])).toBe('4.7, once');
    expect(scoreTrend([])).toBeNull();
  });
});

describe('adherence and review dates', () => {
  it('counts sessions against the plan', () => {
    expect(sessionsText(5, 29)).toBe('5 of 29 planned sessions attended (17%)');
    expect(sessionsText(1, 0)).toBe('1 session attended; the plan lists none.');
  });

  it('says review dates in words', () => {
    expect(relativeDays('2026-11-28', '2026-11-22')).toBe('in 6 days');
    expect(relativeDays('2026-11-23', '2026-11-22')).toBe('tomorrow');
    expect(relativeDays('2026-11-22', '2026-11-22')).toBe('today');
    expect(relativeDays('2026-11-21', '2026-11-22')).toBe('yesterday');
    expect(relativeDays('2026-11-19', '2026-11-22')).toBe('3 days ago');
    const format = (d: string) => `<${d}>`;
    expect(reviewDateInWords('2026-11-28', '2026-11-22', format)).toBe('<2026-11-28> (in 6 days)');
    expect(reviewDateInWords(null, '2026-11-22', format)).toBe('No review date set');
  });

  it('says what each earlier review did', () => {
    expect(reviewOutcomeText({ outcome: 'confirmed', version: 2, resultingVersion: null })).toBe(
      'Confirmed version 2',
    );
    expect(reviewOutcomeText({ outcome: 'adjusted', version: 1, resultingVersion: 2 })).toBe(
      'Adjusted version 1: version 2 made',
    );
  });
});
