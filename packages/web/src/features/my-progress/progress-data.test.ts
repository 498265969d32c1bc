import { describe, expect, it } from 'vitest';
import type { DiaryEntry, ProgressView } from '../../api/types.ts';
import {
  bandLines,
  bookedSessions,
  changeWords,
  daysBetween,
  goalDetail,
  latestScoreSentence,
  marksByDate,
  painRows,
  planMarks,
  rangeStart,
  scoreRows,
  sessionMarks,
  sessionName,
  shortDay,
  sincePlanSentence,
  sinceReviewSentence,
  sleepRows,
  tableDay,
  weeklyPainSentence,
  weeklySleepSentence,
} from './progress-data.ts';

const day = (date: string, patch: Partial<DiaryEntry>) => ({ date, ...patch }) as DiaryEntry;

type Session = ProgressView['sessions'][number];
const session = (date: string, patch: Partial<Session> = {}): Session => ({
  date,
  at: `${date}T15:00:00.000Z`,
  kind: 'visit',
  service: 'Acupuncture',
  therapy: 'acupuncture',
  status: 'attended',
  painBefore: null,
  painAfter: null,
  ...patch,
});

describe('chart rows', () => {
  it('has a row for every day, null where there is no entry, so time is true on the axis', () => {
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    const rows = painRows(
      [
        day('2026-11-20', { painNow: 5, painAverage: 4, painWorst: 6 }),
        day('2026-11-22', { painNow: 3, painAverage: 3, painWorst: 4 }),
      ],
      '2026-11-20',
      '2026-11-22',
    );
    expect(rows).toEqual([
      { date: '2026-11-20', label: 'Nov 20', painNow: 5, painAverage: 4, painWorst: 6 },
      { date: '2026-11-21', label: 'Nov 21', painNow: null, painAverage: null, painWorst: null },
      { date: '2026-11-22', label: 'Nov 22', painNow: 3, painAverage: 3, painWorst: 4 },
    ]);
    expect(
      sleepRows([day('2026-11-21', { sleepHours: 6.5, sleepQuality: 'fair' })], '2026-11-21', '2026-11-22'),
    ).toEqual([
      { date: '2026-11-21', label: 'Nov 21', sleepHours: 6.5, sleepQuality: 'fair' },
      { date: '2026-11-22', label: 'Nov 22', sleepHours: null, sleepQuality: null },
    ]);
  });

  it('shows the last weeks up to today, today included', () => {
    expect(rangeStart('2026-11-22', 12)).toBe('2026-08-31');
    expect(daysBetween(rangeStart('2026-11-22', 4), '2026-11-22')).toHaveLength(28);
  });

  it('formats days as calendar days, whatever the browser’s zone', () => {
    expect(shortDay('2026-11-01')).toBe('Nov 1');
    expect(tableDay('2026-11-22')).toBe('Sun, Nov 22, 2026');
  });
});

describe('marks on the time axis', () => {
  const sessions = [
    session('2026-10-18'),
    session('2026-11-08'),
    session('2026-11-24', { status: 'booked', therapy: null, service: 'Integrative medicine follow-up' }),
    session('2026-11-26', { status: 'booked', therapy: 'yoga', service: 'Yoga class' }),
  ];

  it('marks attended sessions with their therapy, and plan versions as "Plan v2"', () => {
    expect(sessionMarks(sessions, '2026-10-01', '2026-11-22')).toEqual([
      { date: '2026-10-18', label: 'Acupuncture', kind: 'session' },
      { date: '2026-11-08', label: 'Acupuncture', kind: 'session' },
    ]);
    expect(sessionMarks(sessions, '2026-11-01', '2026-11-22')).toHaveLength(1);
    const plans = planMarks(
      [
        { version: 1, date: '2026-10-11', reason: 'First plan' },
        { version: 2, date: '2026-11-08', reason: 'Review' },
      ],
      '2026-10-15',
      '2026-11-22',
    );
    expect(plans).toEqual([{ date: '2026-11-08', label: 'Plan v2', kind: 'plan' }]);
    expect(
      marksByDate([...sessionMarks(sessions, '2026-10-01', '2026-11-22'), ...plans]).get('2026-11-08'),
    ).toBe('Acupuncture; Plan v2');
  });

  it('names sessions by therapy, else by service, and lists booked ones ahead', () => {
    expect(sessionName(session('2026-11-01', { therapy: 'tai-chi' }))).toBe('Tai chi');
    expect(
      sessionName(session('2026-11-01', { therapy: null, service: 'Integrative medicine follow-up' })),
    ).toBe('Integrative medicine follow-up');
    expect(bookedSessions(sessions, '2026-11-22').map((s) => s.date)).toEqual(['2026-11-24', '2026-11-26']);
  });
});

describe('sentences', () => {
  it('sums up this week against last week', () => {
    const weekly = {
      thisWeek: { days: 6, painAverage: 4.1, sleepHours: 6.4 },
      lastWeek: { days: 7, painAverage: 4.8, sleepHours: 6 },
    };
    expect(weeklyPainSentence(weekly)).toBe('This week: average pain 4.1 over 6 days; last week 4.8.');
    expect(weeklySleepSentence(weekly)).toBe('Sleep: 6.4 hours a night this week; 6 last week.');
    expect(
      weeklyPainSentence({
        thisWeek: { days: 0, painAverage: null, sleepHours: null },
        lastWeek: { days: 0, painAverage: null, sleepHours: null },
      }),
    ).toBe('This week: no average pain written down yet; last week had no entries.');
  });

  it('words a change in pain', () => {
    expect(changeWords(-1.3, -23.6)).toBe('down 1.3 points (24%)');
    expect(changeWords(1, 20)).toBe('up 1 point (20%)');
    expect(changeWords(0, 0)).toBe('no change');
  });

  it('says what changed since the last review and since the plan started', () => {
    expect(
      sinceReviewSentence({ reviewedOn: '2026-11-08', change: -1.3, percent: -23.6, important: false }),
    ).toBe('Since your review on November 8, 2026, your average pain is down 1.3 points (24%).');
    expect(sinceReviewSentence({ reviewedOn: null })).toMatch(/not been reviewed yet/);
    expect(sinceReviewSentence({ reviewedOn: '2026-11-08' })).toMatch(/not enough diary entries/);
    expect(
      sincePlanSentence({
        baselinePain: 7.1,
        recentPain: 4.2,
        change: -2.9,
        percent: -40.8,
        important: true,
        rule: '',
        source: '',
      }),
    ).toBe(
      'Since your plan started, your average pain went from 7.1 to 4.2: down 2.9 points (41%). That is a change that matters: a fall of 2 points or 30% makes a real difference.',
    );
  });

  it('gives a goal’s latest value and aim', () => {
    expect(
      goalDetail({
        goalId: 'g1',
        what: 'Work a full day',
        target: 'PEG ≤ 4 by 16 weeks',
        status: 'met',
        baseline: 6.3,
        latest: { date: '2026-11-21', value: 4 },
        expected: 4,
        dueDate: '2027-01-31',
      }),
    ).toBe('Latest: 4 on November 21, 2026. Aim: PEG ≤ 4 by 16 weeks (by January 31, 2027).');
  });
});

describe('questionnaire charts', () => {
  const view = {
    questionnaires: {
      'phq-9': [
        { date: '2026-11-08', score: 7, band: 'mild' },
        { date: '2026-10-11', score: 10, band: 'moderate' },
      ],
      peg: [{ date: '2026-11-21', score: 4, band: null }],
    },
  } as unknown as ProgressView;

  it('puts scores in time order with their meaning', () => {
    expect(scoreRows(view, 'phq-9')).toEqual([
      {
        date: '2026-10-11',
        label: 'Oct 11',
        score: 10,
        meaning: '10 out of 27: moderate depression symptoms',
      },
      { date: '2026-11-08', label: 'Nov 8', score: 7, meaning: '7 out of 27: mild depression symptoms' },
    ]);
    expect(scoreRows(view, 'gad-7')).toEqual([]);
    expect(latestScoreSentence(scoreRows(view, 'phq-9'))).toBe(
      'Latest: 7 out of 27: mild depression symptoms on November 8, 2026. First: 10 on October 11, 2026.',
    );
    expect(latestScoreSentence(scoreRows(view, 'peg'))).toBe(
      'Latest: 4 out of 10 (lower is better) on November 21, 2026.',
    );
  });

  it('draws the published band cut-offs, none for the PEG', () => {
    expect(bandLines('phq-9')).toEqual([
      { y: 5, label: 'mild' },
      { y: 10, label: 'moderate' },
      { y: 15, label: 'moderately severe' },
      { y: 20, label: 'severe' },
    ]);
    expect(bandLines('peg')).toEqual([]);
  });
});
