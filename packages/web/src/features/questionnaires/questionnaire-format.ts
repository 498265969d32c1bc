import type { PatientQuestionnaires, QuestionnaireId } from '../../api/types.ts';
import { formatCalendarDate } from '../time/format.ts';

// Questionnaire scores in plain words for the patient. The bands are the published ones the server
// gives (PHQ-9: Kroenke 2001; GAD-7: Spitzer 2006); the PEG and "pain now" have none and are read as
// a number out of 10, lower being better.

export const questionnaireIds: readonly QuestionnaireId[] = ['peg', 'phq-9', 'gad-7', 'pain-nrs'];

/** What each questionnaire is about, in a few words. */
export const questionnaireAbout: Record<QuestionnaireId, string> = {
  peg: 'Pain, and how much it gets in the way of enjoying life and daily activity, over the past week',
  'phq-9': 'Mood over the last 2 weeks',
  'gad-7': 'Worry and anxiety over the last 2 weeks',
  'pain-nrs': 'Your pain right now',
};

/** The short names the charts and lists use. */
export const questionnaireShortName: Record<QuestionnaireId, string> = {
  peg: 'PEG',
  'phq-9': 'PHQ-9',
  'gad-7': 'GAD-7',
  'pain-nrs': 'Pain now',
};

/** The highest possible score of each (the PEG is the mean of three 0–10 items). */
export const questionnaireMax: Record<QuestionnaireId, number> = {
  peg: 10,
  'phq-9': 27,
  'gad-7': 21,
  'pain-nrs': 10,
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The band in words: "Mild depression symptoms", "Moderate anxiety symptoms"; null without a band. */
export function bandWords(instrument: QuestionnaireId, band: string | null): string | null {
  if (!band) return null;
  if (instrument === 'phq-9') return `${capitalize(band)} depression symptoms`;
  if (instrument === 'gad-7') return `${capitalize(band)} anxiety symptoms`;
  return capitalize(band);
}

/** "7 out of 27" (PEG and pain keep one decimal when they have one). */
export function scoreOutOf(instrument: QuestionnaireId, score: number): string {
  return `${Number.isInteger(score) ? score : score.toFixed(1)} out of ${questionnaireMax[instrument]}`;
}

/** A score and what it means: "7 out of 27: mild depression symptoms" / "4 out of 10 (lower is better)". */
export function scoreMeaning(instrument: QuestionnaireId, score: number, band: string | null): string {
  const words = bandWords(instrument, band);
  if (words) return `${scoreOutOf(instrument, score)}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
  return `${scoreOutOf(instrument, score)} (lower is better)`;
}

/** "Due now", or "Next due December 5, 2026". */
export function dueWords(due: PatientQuestionnaires['due'][number]): string {
  return due.due ? 'Due now' : `Next due ${formatCalendarDate(due.dueOn)}`;
}

/**
 * The questionnaires in the order the patient sees them: those due now first, then the ones the
 * plan asks for later (soonest first), then the rest.
 */
export function questionnaireOrder(due: PatientQuestionnaires['due']): QuestionnaireId[] {
  const planned = [...due].sort((a, b) => Number(b.due) - Number(a.due) || a.dueOn.localeCompare(b.dueOn));
  const ids = planned.map((d) => d.instrument);
  return [...ids, ...questionnaireIds.filter((id) => !ids.includes(id))];
}

/** Index of the first unanswered item, or -1 when all are answered. */
export function firstUnanswered(answers: readonly string[]): number {
  return answers.indexOf('');
}

/** The answers as numbers, once every item is answered. */
export function answersToNumbers(answers: readonly string[]): number[] | null {
  if (firstUnanswered(answers) !== -1) return null;
  return answers.map(Number);
}

export const crisisMessage =
  'If you are thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) or call 911.';
