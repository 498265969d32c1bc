import { addDays, instruments } from '@meridian/domain';
import type { DiaryEntry, GoalStatus, ProgressView, QuestionnaireId } from '../../api/types.ts';
import { commonTherapies, therapyLabelFromId } from '../intake/therapy-options.ts';
import { scoreMeaning } from '../questionnaires/questionnaire-format.ts';
import { formatCalendarDate } from '../time/format.ts';

// Shapes the progress view into chart rows, marks on the time axis and sentences. Every date here is
// a calendar day in the patient's zone (the server's YYYY-MM-DD), so it is formatted as a date, never
// converted through the browser's clock.

const shortFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const dayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Nov 22": the axis label of a day. */
export const shortDay = (date: string) => shortFormat.format(utcNoon(date));

/** "Sun, Nov 22, 2026": a day in the data tables. */
export const tableDay = (date: string) => dayFormat.format(utcNoon(date));

/** Every day from `start` to `end`, inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The first day shown when the last `weeks` weeks are shown (today included). */
export const rangeStart = (today: string, weeks: number) => addDays(today, -(weeks * 7 - 1));

export interface PainRow {
  date: string;
  /** The axis label ("Nov 22"); also the x of the marks. */
  label: string;
  painNow: number | null;
  painAverage: number | null;
  painWorst: number | null;
}

/** One row a day from `start` to `end` (null on days without an entry, so the axis is true to time). */
export function painRows(diary: readonly DiaryEntry[], start: string, end: string): PainRow[] {
  const byDate = new Map(diary.map((d) => [d.date, d]));
  return daysBetween(start, end).map((date) => {
    const e = byDate.get(date);
    return {
      date,
      label: shortDay(date),
      painNow: e?.painNow ?? null,
      painAverage: e?.painAverage ?? null,
      painWorst: e?.painWorst ?? null,
    };
  });
}

export interface SleepRow {
  date: string;
  label: string;
  sleepHours: number | null;
  sleepQuality: DiaryEntry['sleepQuality'];
}

export function sleepRows(diary: readonly DiaryEntry[], start: string, end: string): SleepRow[] {
  const byDate = new Map(diary.map((d) => [d.date, d]));
  return daysBetween(start, end).map((date) => {
    const e = byDate.get(date);
    return {
      date,
      label: shortDay(date),
      sleepHours: e?.sleepHours ?? null,
      sleepQuality: e?.sleepQuality ?? null,
    };
  });
}

const therapyNames = new Map(commonTherapies.map((t) => [t.value, t.label]));

/** "Acupuncture" for a session: its therapy's name, else the service's. */
export function sessionName(session: ProgressView['sessions'][number]): string {
  if (session.therapy) return therapyNames.get(session.therapy) ?? therapyLabelFromId(session.therapy);
  return session.service;
}

export interface Mark {
  date: string;
  label: string;
  kind: 'session' | 'plan';
}

/** Sessions attended between `start` and `end` (by today: a booked one ahead is not a mark). */
export function sessionMarks(sessions: ProgressView['sessions'], start: string, end: string): Mark[] {
  return sessions
    .filter((s) => s.status === 'attended' && s.date >= start && s.date <= end)
    .map((s) => ({ date: s.date, label: sessionName(s), kind: 'session' as const }));
}

/** "Plan v2" on the day each plan version began. */
export function planMarks(versions: ProgressView['planVersions'], start: string, end: string): Mark[] {
  return versions
    .filter((v) => v.date >= start && v.date <= end)
    .map((v) => ({ date: v.date, label: `Plan v${v.version}`, kind: 'plan' as const }));
}

/** What happened on each day (sessions and plan versions), for the "Sessions and plan" column. */
export function marksByDate(marks: readonly Mark[]): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const m of marks) out.set(m.date, [...(out.get(m.date) ?? []), m.label]);
  return new Map([...out].map(([date, labels]) => [date, labels.join('; ')]));
}

/** Sessions booked from today on, soonest first. */
export function bookedSessions(sessions: ProgressView['sessions'], today: string) {
  return sessions
    .filter((s) => s.status === 'booked' && s.date >= today)
    .sort((a, b) => a.at.localeCompare(b.at));
}

const one = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "This week: average pain 4.1 over 6 days; last week 4.8." */
export function weeklyPainSentence(weekly: ProgressView['weekly']): string {
  const { thisWeek, lastWeek } = weekly;
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const now =
    thisWeek.painAverage === null
      ? 'This week: no average pain written down yet'
      : `This week: average pain ${one(thisWeek.painAverage)} over ${days(thisWeek.days)}`;
  const before =
    lastWeek.painAverage === null ? 'last week had no entries' : `last week ${one(lastWeek.painAverage)}`;
  return `${now}; ${before}.`;
}

/** "Sleep: 6.4 hours a night this week; 6.2 last week." */
export function weeklySleepSentence(weekly: ProgressView['weekly']): string {
  const { thisWeek, lastWeek } = weekly;
  if (thisWeek.sleepHours === null && lastWeek.sleepHours === null)
    return 'Sleep: no hours written down yet.';
  const now =
    thisWeek.sleepHours === null
      ? 'none written down this week'
      : `${one(thisWeek.sleepHours)} hours a night this week`;
  const before = lastWeek.sleepHours === null ? 'none last week' : `${one(lastWeek.sleepHours)} last week`;
  return `Sleep: ${now}; ${before}.`;
}

/** "down 1.3 points (24%)", "up 0.5 points (10%)", "no change". */
export function changeWords(change: number, percent: number | null | undefined): string {
  if (change === 0) return 'no change';
  const size = Math.abs(change);
  const pct = percent === null || percent === undefined ? '' : ` (${Math.round(Math.abs(percent))}%)`;
  return `${change < 0 ? 'down' : 'up'} ${one(size)} point${size === 1 ? '' : 's'}${pct}`;
}

/** Pain since the last review, in a sentence. */
export function sinceReviewSentence(since: ProgressView['sinceLastReview']): string {
  if (!since.reviewedOn)
    return 'Your plan has not been reviewed yet; your care team will review it with you.';
  const on = formatCalendarDate(since.reviewedOn);
  if (since.change === undefined)
    return `Your plan was last reviewed on ${on}. There are not enough diary entries around then and this week to compare your pain yet.`;
  const meaningful = since.important ? ' That is a change that matters.' : '';
  return `Since your review on ${on}, your average pain is ${changeWords(since.change, since.percent)}.${meaningful}`;
}

/** Pain since the plan started (the two weeks before it against the last 7 days). */
export function sincePlanSentence(response: ProgressView['response']): string | null {
  const { baselinePain, recentPain, change, percent, important } = response;
  if (baselinePain === null || recentPain === null || change === null) return null;
  const meaningful = important
    ? ' That is a change that matters: a fall of 2 points or 30% makes a real difference.'
    : '';
  return `Since your plan started, your average pain went from ${one(baselinePain)} to ${one(recentPain)}: ${changeWords(change, percent)}.${meaningful}`;
}

export const goalStatusWords: Record<GoalStatus, string> = {
  met: 'Met',
  'on-track': 'On track',
  'off-track': 'Not on track yet',
  'no-data': 'Not enough entries yet',
};

/** "Latest: 4 on November 21, 2026. Aim: PEG ≤ 4 by 16 weeks (by January 31, 2027)." */
export function goalDetail(goal: ProgressView['goals'][number]): string {
  const latest = goal.latest
    ? `Latest: ${one(goal.latest.value)} on ${formatCalendarDate(goal.latest.date)}. `
    : '';
  return `${latest}Aim: ${goal.target} (by ${formatCalendarDate(goal.dueDate)}).`;
}

export interface ScoreRow {
  date: string;
  label: string;
  score: number;
  meaning: string;
}

/** One questionnaire's scores over time, oldest first, each with what it means. */
export function scoreRows(view: ProgressView, instrument: QuestionnaireId): ScoreRow[] {
  return [...(view.questionnaires[instrument] ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((s) => ({
      date: s.date,
      label: shortDay(s.date),
      score: s.score,
      meaning: scoreMeaning(instrument, s.score, s.band),
    }));
}

/** The published band cut-offs of a questionnaire as lines on its chart ("mild" at 5 …). */
export function bandLines(instrument: QuestionnaireId): { y: number; label: string }[] {
  return instruments[instrument].bands.filter((b) => b.from > 0).map((b) => ({ y: b.from, label: b.label }));
}

/** "Latest: 7 out of 27 on November 8, 2026: mild depression symptoms." */
export function latestScoreSentence(rows: readonly ScoreRow[]): string {
  const last = rows.at(-1);
  if (!last) return 'No answers yet.';
  const first = rows[0]!;
  const since = rows.length > 1 ? ` First: ${one(first.score)} on ${formatCalendarDate(first.date)}.` : '';
  return `Latest: ${last.meaning} on ${formatCalendarDate(last.date)}.${since}`;
}
