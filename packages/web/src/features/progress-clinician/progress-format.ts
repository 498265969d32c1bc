import { addDays, instruments } from '@meridian/domain';
import type {
  GoalStatus,
  PainResponse,
  ProgressDiaryEntry,
  ProgressInstrument,
  ProgressSession,
  ProgressView,
  ReviewHistoryEntry,
  ScorePoint,
  WeekSummary,
} from './progress-types.ts';

// Pure helpers for the clinician's progress charts and the plan review: chart rows, marks on the time
// axis, and the sentences that say what the numbers mean. Dates are YYYY-MM-DD in the patient's zone.

const minus = '\u2212';

/** "−2.9", "+0.5", "0": a signed change with a true minus sign. */
export function signed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toString();
  return rounded < 0 ? `${minus}${text}` : `+${text}`;
}

/** "−41%" from −40.8. */
export function signedPercent(percent: number): string {
  return `${signed(Math.round(percent), 0)}%`;
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Oct 18" for a chart tick. */
export function shortDate(date: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${shortMonths[Number(match[1]) - 1]} ${Number(match[2])}`;
}

/** Every day from `from` to `to`, both included (none when `to` is before `from`). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 1000; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Where the time axis starts: the first diary day, attended session or plan version in the window. */
export function chartStart(
  progress: Pick<ProgressView, 'from' | 'today' | 'diary' | 'sessions' | 'planVersions'>,
) {
  const candidates = [
    ...progress.diary.map((d) => d.date),
    ...progress.sessions.filter((s) => s.status === 'attended').map((s) => s.date),
    ...progress.planVersions.map((v) => v.date),
  ].filter((d) => d >= progress.from && d <= progress.today);
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (a < b ? a : b));
}

export interface PainRow {
  date: string;
  average: number | null;
  now: number | null;
  worst: number | null;
}

/** One row a day from the chart's start to today; days without an entry have nulls. */
export function painRows(
  progress: Pick<ProgressView, 'from' | 'today' | 'diary' | 'sessions' | 'planVersions'>,
): PainRow[] {
  const start = chartStart(progress);
  if (!start) return [];
  const byDate = new Map(progress.diary.map((d) => [d.date, d]));
  return daysFrom(start, progress.today).map((date) => {
    const entry = byDate.get(date);
    return {
      date,
      average: entry?.painAverage ?? null,
      now: entry?.painNow ?? null,
      worst: entry?.painWorst ?? null,
    };
  });
}

export interface SleepRow {
  date: string;
  hours: number | null;
  quality: ProgressDiaryEntry['sleepQuality'];
}

export function sleepRows(diary: readonly ProgressDiaryEntry[]): SleepRow[] {
  return diary
    .filter((d) => d.sleepHours !== null)
    .map((d) => ({ date: d.date, hours: d.sleepHours, quality: d.sleepQuality }));
}

export interface AxisMark {
  date: string;
  label: string;
}

/**
 * Attended sessions in the chart's window, one mark a day, labelled by therapy (the service's name,
 * e.g. "Acupuncture"); two therapies on one day share a mark.
 */
export function sessionMarks(sessions: readonly ProgressSession[], from: string, to: string): AxisMark[] {
  const byDate = new Map<string, string[]>();
  for (const s of sessions) {
    if (s.status !== 'attended' || s.date < from || s.date > to) continue;
    const labels = byDate.get(s.date) ?? [];
    if (!labels.includes(s.service)) labels.push(s.service);
    byDate.set(s.date, labels);
  }
  return [...byDate].map(([date, labels]) => ({ date, label: labels.join(', ') }));
}

/** "Plan v2" on the day each version was made, within the window. */
export function planMarks(
  versions: readonly { version: number; date: string }[],
  from: string,
  to: string,
): AxisMark[] {
  const byDate = new Map<string, number[]>();
  for (const v of versions) {
    if (v.date < from || v.date > to) continue;
    byDate.set(v.date, [...(byDate.get(v.date) ?? []), v.version]);
  }
  return [...byDate].map(([date, numbers]) => ({
    date,
    label: `Plan v${numbers.join(', v')}`,
  }));
}

/** Attended sessions, oldest first, for the sessions table. */
export function attendedSessions(sessions: readonly ProgressSession[]): ProgressSession[] {
  return sessions.filter((s) => s.status === 'attended');
}

export interface ScoreBand {
  from: number;
  to: number;
  label: string;
}

/** The instrument's published bands as ranges ("mild: 5–9"); none for the PEG. */
export function bandsOf(instrument: ProgressInstrument): ScoreBand[] {
  const def = instruments[instrument];
  return def.bands.map((b, i) => ({
    from: b.from,
    to: (def.bands[i + 1]?.from ?? def.max + 1) - 1,
    label: b.label,
  }));
}

export const instrumentMax: Record<ProgressInstrument, number> = {
  peg: instruments.peg.max,
  'phq-9': instruments['phq-9'].max,
  'gad-7': instruments['gad-7'].max,
  'pain-nrs': instruments['pain-nrs'].max,
};

export const instrumentTitle: Record<ProgressInstrument, string> = {
  peg: 'PEG (pain, enjoyment, general activity; 0–10)',
  'phq-9': 'PHQ-9 (depression; 0–27)',
  'gad-7': 'GAD-7 (anxiety; 0–21)',
  'pain-nrs': 'Pain now (0–10)',
};

/** "10 (moderate)" or "4.7". */
export function scoreText(point: Pick<ScorePoint, 'score' | 'band'>): string {
  return point.band ? `${point.score} (${point.band})` : `${point.score}`;
}

/** "PHQ-9: 10 (moderate) → 7 (mild)" — first and latest score. */
export function scoreTrend(points: readonly ScorePoint[]): string | null {
  if (points.length === 0) return null;
  const first = points[0]!;
  const last = points.at(-1)!;
  if (points.length === 1) return `${scoreText(first)}, once`;
  return `${scoreText(first)} → ${scoreText(last)} (${signed(last.score - first.score)})`;
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The response flag: "Clinically important fall in pain: −2.9 points (−41%) since the plan started",
 * or why there is none.
 */
export function responseHeadline(response: PainResponse): string {
  if (response.change === null) return 'Not enough diary entries yet to compare pain since the plan started';
  const amount = `${signed(response.change)} points${response.percent === null ? '' : ` (${signedPercent(response.percent)})`}`;
  if (response.important) return `Clinically important fall in pain: ${amount} since the plan started`;
  if (response.change > 0) return `Pain is higher: ${amount} since the plan started`;
  return `No clinically important fall in pain yet: ${amount} since the plan started`;
}

/** The numbers behind the flag. */
export function responseDetail(response: Pick<PainResponse, 'baselinePain' | 'recentPain'>): string {
  const { baselinePain: before, recentPain: recent } = response;
  if (before === null)
    return recent === null
      ? 'No diary entries in the two weeks before the plan started, nor in the last 7 days.'
      : `No diary entries in the two weeks before the plan started; average pain ${oneDecimal(recent)} over the last 7 days.`;
  const first = `Average pain ${oneDecimal(before)} in the two weeks before the plan started`;
  return recent === null
    ? `${first}; no diary entries in the last 7 days.`
    : `${first}; ${oneDecimal(recent)} over the last 7 days.`;
}

/** "Since the last review (November 8, 2026): −1.3 points (−24%), not a clinically important change." */
export function sinceReviewText(
  since: ProgressView['sinceLastReview'],
  formatDate: (date: string) => string,
): string {
  if (!since.reviewedOn) return 'The plan has not been reviewed yet.';
  const when = `Since the last review (${formatDate(since.reviewedOn)})`;
  if (since.change === undefined) return `${when}: not enough diary entries to compare pain.`;
  const amount = `${signed(since.change)} points${
    since.percent === null || since.percent === undefined ? '' : ` (${signedPercent(since.percent)})`
  }`;
  return `${when}: pain ${amount}, ${since.important ? 'a clinically important fall' : 'not a clinically important change'}.`;
}

/** "This week: average pain 4.2 over 5 days, sleep 6.4 hours; last week: …". */
export function weekText(label: string, week: WeekSummary): string {
  if (week.days === 0) return `${label}: no diary entries.`;
  const pain = week.painAverage === null ? 'no pain scores' : `average pain ${oneDecimal(week.painAverage)}`;
  const sleep = week.sleepHours === null ? '' : `, sleep ${oneDecimal(week.sleepHours)} hours a night`;
  return `${label}: ${pain} over ${week.days} ${week.days === 1 ? 'day' : 'days'}${sleep}.`;
}

export const goalStatusLabel: Record<GoalStatus, string> = {
  met: 'Met',
  'on-track': 'On track',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** Badge colours (with the status in words on them, so colour is never the only signal). */
export const goalStatusColor: Record<GoalStatus, string> = {
  met: 'teal.9',
  'on-track': 'blue.8',
  'off-track': 'orange.9',
  'no-data': 'gray.7',
};

/** "5 of 29 planned sessions attended (17%)". */
export function sessionsText(attended: number, planned: number): string {
  if (planned === 0)
    return `${attended} ${attended === 1 ? 'session' : 'sessions'} attended; the plan lists none.`;
  return `${attended} of ${planned} planned sessions attended (${Math.round((attended / planned) * 100)}%)`;
}

/** "24 of the last 28 days". */
export function diaryDaysText(days: number): string {
  return `Diary kept on ${days} of the last 28 days`;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** "in 6 days", "today", "tomorrow", "3 days ago". */
export function relativeDays(date: string, today: string): string {
  const diff = Math.round(dayNumber(date) - dayNumber(today));
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}

/** "November 28, 2026 (in 6 days)". */
export function reviewDateInWords(
  reviewDate: string | null,
  today: string,
  formatDate: (date: string) => string,
): string {
  if (!reviewDate) return 'No review date set';
  return `${formatDate(reviewDate)} (${relativeDays(reviewDate, today)})`;
}

/** "Confirmed version 2" / "Adjusted version 2: version 3 made". */
export function reviewOutcomeText(
  entry: Pick<ReviewHistoryEntry, 'outcome' | 'version' | 'resultingVersion'>,
) {
  if (entry.outcome === 'confirmed') return `Confirmed version ${entry.version}`;
  return `Adjusted version ${entry.version}${entry.resultingVersion ? `: version ${entry.resultingVersion} made` : ''}`;
}
