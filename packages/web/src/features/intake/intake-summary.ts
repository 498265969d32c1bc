import type { Intake } from '@meridian/domain';
import {
  budgetLabels,
  describeAllergy,
  describeMedicine,
  frequencyAnswerLabel,
  gad2Questions,
  kindLabels,
  pegQuestions,
  phq2Questions,
  sleepQualityLabels,
  telehealthLabels,
  tobaccoLabels,
} from './intake-form.ts';
import { therapyLabelFromId } from './therapy-options.ts';

export interface SummaryItem {
  label: string;
  value: string;
}

export interface SummarySection {
  heading: string;
  items: SummaryItem[];
}

const answered = (items: (SummaryItem | null)[]): SummaryItem[] =>
  items.filter((i): i is SummaryItem => i !== null && i.value.trim() !== '');
const item = (label: string, value: string | number | undefined): SummaryItem | null =>
  value === undefined ? null : { label, value: String(value) };

/** The pain-question wording without its "(0 = …)" hint. */
const shortQuestion = (question: string) => question.replace(/\s*\(.*\)$/, '');

/**
 * The submitted answers as sections of label and answer, for the read-only view. Questions left
 * unanswered are left out; a section with no answers is left out too.
 */
export function intakeSummary(
  intake: Intake,
  therapyName: (id: string) => string = therapyLabelFromId,
): SummarySection[] {
  const {
    physical: body,
    emotional: mind,
    social,
    spiritual,
    environmental,
    lifestyle,
    preferences,
  } = intake;
  const sections: SummarySection[] = [
    {
      heading: 'Why you are coming and your goals',
      items: answered([
        item('Why you are coming', intake.reasons),
        ...intake.goals.map((g, i) => item(`Goal ${i + 1}`, g)),
      ]),
    },
    {
      heading: 'Conditions',
      items: answered(intake.conditions.map((c) => item(c.name, c.since ? `since ${c.since}` : 'yes'))),
    },
    {
      heading: 'Medicines and supplements',
      items: intake.noMedicines
        ? [{ label: 'Medicines and supplements', value: 'I take no medicines or supplements' }]
        : answered(intake.medicines.map((m) => item(kindLabels[m.kind], describeMedicine(m)))),
    },
    {
      heading: 'Allergies',
      items: intake.noKnownAllergies
        ? [{ label: 'Allergies', value: 'No known allergies' }]
        : answered(intake.allergies.map((a) => item('Allergy', describeAllergy(a)))),
    },
    {
      heading: 'Body',
      items: answered([
        item('Pain right now (0–10)', body.painNow),
        item('Where', body.painLocations),
        item('Hours of sleep', body.sleepHours),
        item('Sleep', body.sleepQuality ? sleepQualityLabels[body.sleepQuality] : undefined),
        item('Activity', body.activity),
        item('Energy (0–10)', body.energy),
      ]),
    },
    {
      heading: 'Mind',
      items: answered([
        item('Stress (0–10)', mind.stress),
        item('Mood', mind.mood),
        ...(mind.phq2 ?? []).map((v, i) => item(phq2Questions[i] ?? '', frequencyAnswerLabel(v))),
        ...(mind.gad2 ?? []).map((v, i) => item(gad2Questions[i] ?? '', frequencyAnswerLabel(v))),
      ]),
    },
    {
      heading: 'Relationships and support',
      items: answered([
        item('Who supports you', social.support),
        item('Home', social.home),
        item('Work and daily life', social.work),
      ]),
    },
    {
      heading: 'Meaning and spirit',
      items: answered([item('Meaning and joy', spiritual.meaning), item('Practices', spiritual.practices)]),
    },
    {
      heading: 'Home and environment',
      items: answered([
        item('Home and neighbourhood', environmental.home),
        item('Things around you', environmental.exposures),
      ]),
    },
    {
      heading: 'Lifestyle',
      items: answered([
        item('Eating and drinking', lifestyle.nutrition),
        item('Movement', lifestyle.movement),
        item('Tobacco', lifestyle.tobacco ? tobaccoLabels[lifestyle.tobacco] : undefined),
        item('Alcoholic drinks a week', lifestyle.alcoholDrinksPerWeek),
        item('Other substances', lifestyle.otherSubstances),
      ]),
    },
    {
      heading: 'Pain over the last week',
      items: intake.peg
        ? [
            { label: shortQuestion(pegQuestions.pain), value: `${intake.peg.pain} of 10` },
            { label: shortQuestion(pegQuestions.enjoyment), value: `${intake.peg.enjoyment} of 10` },
            { label: shortQuestion(pegQuestions.activity), value: `${intake.peg.activity} of 10` },
          ]
        : [],
    },
    {
      heading: 'Preferences',
      items: answered([
        item('Would like to try', preferences.wanted.map(therapyName).join(', ')),
        item('Would rather not have', preferences.declined.map(therapyName).join(', ')),
        preferences.needleAversion ? item('Needles', 'I would rather avoid them') : null,
        item('What you can spend', preferences.budget ? budgetLabels[preferences.budget] : undefined),
        item('Video visits', preferences.telehealth ? telehealthLabels[preferences.telehealth] : undefined),
        item('Limits', preferences.limits),
      ]),
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}
