import type { CarePlanVersion, VisitSummaryListItem } from '../../api/types.ts';
import { formatCalendarDate } from '../time/format.ts';

type Goal = CarePlanVersion['goals'][number];
type Intervention = CarePlanVersion['interventions'][number];
type Supplement = CarePlanVersion['content']['supplements'][number];
type SelfCare = CarePlanVersion['content']['selfCare'][number];

/** "Acupuncture — weekly, 6 visits" (with whom, when the plan names the practitioner). */
export function therapyLine(i: Intervention): string {
  const visits = `${i.sessions} visit${i.sessions === 1 ? '' : 's'}`;
  const who = i.practitionerName ? ` with ${i.practitionerName}` : '';
  return `${i.therapyName} — ${i.frequency}, ${visits}${who}`;
}

/** "PEG ≤ 4 by 12 weeks (by March 3, 2027)": the target and the date it falls due. */
export function goalDue(goal: Goal): string {
  return `${goal.target} (by ${formatCalendarDate(goal.dueDate)})`;
}

/** "Paced breathing — twice a day". */
export function selfCareLine(s: SelfCare): string {
  return `${s.practice} — ${s.frequency}`;
}

const actionWords: Record<Supplement['action'], string> = {
  start: 'Start',
  continue: 'Keep taking',
  stop: 'Stop',
};

/** "Start magnesium glycinate, 200 mg, at night. Why: to help with sleep". */
export function supplementLine(s: Supplement): string {
  const how = [s.dose, s.frequency].filter(Boolean).join(', ');
  const why = s.reason ? `. Why: ${s.reason}` : '';
  return `${actionWords[s.action]} ${s.name}${how ? `, ${how}` : ''}${why}`;
}

/** The most recent visit summary, or null when there is none yet. */
export function latestSummary(summaries: readonly VisitSummaryListItem[]): VisitSummaryListItem | null {
  let latest: VisitSummaryListItem | null = null;
  for (const s of summaries) if (!latest || s.createdAt > latest.createdAt) latest = s;
  return latest;
}

/** The article's page in the portal. */
export const articlePath = (articleId: string) => `/patient/learn/${encodeURIComponent(articleId)}`;

const localDate = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

/** "November 9, 2026": the day of an instant as the reader's own clock has it. */
export function formatLocalDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDate.format(date);
}
