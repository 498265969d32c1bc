import type { SummaryFinding, VisitSummaryData } from '@meridian/domain';
import { formatCalendarDate, formatDateInZone, formatInstant, severityOrder } from './letter-html.ts';

// The patient's version of the visit summary, for the patient portal: plain words (aimed at a 6th to
// 8th grade reading level), no codes, no evidence grades. Plain text values: the portal escapes them.

export interface PatientPlanSummary {
  intro: string;
  sections: { heading: string; items: string[] }[];
  notice: string;
}

export const patientSummaryNotice =
  'Your care team made this plan with you. The computer program that helped them does not replace ' +
  'their advice. If you feel worse or something in this plan does not seem right, call us. In an ' +
  'emergency, call 911 or your local emergency number.';

const frequencyWords: Record<string, string> = {
  daily: 'every day',
  'once daily': 'once a day',
  'twice daily': 'twice a day',
  'three times daily': 'three times a day',
  weekly: 'once a week',
  'once weekly': 'once a week',
  'twice weekly': 'twice a week',
  'three times weekly': 'three times a week',
  fortnightly: 'every two weeks',
  biweekly: 'every two weeks',
  monthly: 'once a month',
  'once monthly': 'once a month',
};

/** "weekly" → "once a week"; wording we do not know is kept as written. */
export function plainFrequency(frequency: string): string {
  const trimmed = frequency.trim();
  return frequencyWords[trimmed.toLowerCase()] ?? trimmed;
}

const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};
/** Lower-cases a leading capital, but not an acronym: "Interacts…" → "interacts…", "PEG…" stays. */
const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** "A", "A with B", "A, B and C" */
function together(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} with ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A safety finding in plain words: what to do, never the pharmacology. */
function safetyPoint(finding: SummaryFinding): string {
  const items = finding.items.filter((i) => i.trim());
  const what = together(items) || 'this';
  const both = items.length > 1;
  switch (finding.severity) {
    case 'contraindicated':
      return both
        ? `Very important: do not take ${items.slice(0, -1).join(', ')} and ${items.at(-1)} together. Talk to your care team first.`
        : `Very important: do not take ${what}. Talk to your care team first.`;
    case 'major':
      return `Important: talk to your care team before taking ${what}.`;
    case 'moderate':
      return `Check with your care team or pharmacist before taking ${what}.`;
    case 'minor':
      return both
        ? `Good to know: ${items.join(' and ')} can affect each other a little. Ask us if you have questions.`
        : `Good to know: ask us if you have questions about ${what}.`;
  }
}

function supplementItem(s: VisitSummaryData['supplements'][number]): string {
  const verb = { start: 'Start taking', continue: 'Keep taking', stop: 'Stop taking' }[s.action];
  const how = [s.dose?.trim(), s.frequency ? plainFrequency(s.frequency) : undefined].filter(Boolean);
  const head =
    s.action === 'stop' || !how.length ? `${verb} ${s.name}.` : `${verb} ${s.name}, ${how.join(', ')}.`;
  return s.reason?.trim() ? `${head} Why: ${sentence(s.reason)}` : head;
}

/** The visit summary for the patient, in plain language. */
export function patientPlanSummary(data: VisitSummaryData): PatientPlanSummary {
  const sections: PatientPlanSummary['sections'] = [];
  const add = (heading: string, items: string[]) => {
    const kept = [...new Set(items.map((i) => i.trim()).filter(Boolean))];
    if (kept.length) sections.push({ heading, items: kept });
  };

  add('What we talked about', [
    data.reasons.trim() ? `Why you came in: ${sentence(data.reasons)}` : '',
    ...data.conditions.map((c) => c.name),
  ]);

  add(
    'Your goals',
    data.goals.map(
      (g) =>
        `By ${formatCalendarDate(g.dueDate)}: ${g.what.trim()} — we'll check with ${lowerFirst(g.howMeasured.trim())}`,
    ),
  );

  add('Your therapies', [
    ...data.therapies.map(
      (t) =>
        `${t.therapy.name} ${plainFrequency(t.frequency)}, ${t.sessions} visit${t.sessions === 1 ? '' : 's'}`,
    ),
    ...data.therapies.flatMap((t) => t.cautions.map((c) => `${t.therapy.name}: ${sentence(c)}`)),
  ]);

  add(
    'Things to do yourself',
    data.selfCare.map((s) => `${s.practice.trim()}, ${plainFrequency(s.frequency)}`),
  );

  add('Supplements', data.supplements.map(supplementItem));

  add(
    'Staying safe',
    [...data.findings]
      .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))
      .map(safetyPoint),
  );

  add(
    'Things to read',
    data.education.map((e) => e.title),
  );

  const { reviewDate, nextVisit } = data.followUp;
  add('Next steps', [
    nextVisit ? `Your next visit: ${formatInstant(nextVisit, data.timeZone)}.` : '',
    reviewDate ? `We will look at how your plan is going on ${formatCalendarDate(reviewDate)}.` : '',
    data.program.phone ? `Questions? Call ${data.program.name} at ${data.program.phone}.` : '',
  ]);

  return {
    intro:
      `Hi ${data.patient.givenName}. This is a summary of your visit with ${data.clinician.name} on ` +
      `${formatDateInZone(data.signedAt, data.timeZone)}. It lists what we talked about and the plan we made together.`,
    sections,
    notice: patientSummaryNotice,
  };
}
