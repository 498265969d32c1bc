import { z } from 'zod';

// The patient's intake before the first consultation, in the patient's own words: why they come, what
// they want, what they take (with doses), and the whole-person review the program asks about
// (physical, emotional, social, spiritual, environmental, lifestyle). Drafts may be incomplete; a
// submitted intake must say why the patient comes.

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const optionalText = (max: number) => text(max).optional();
const scale = (max: number, what: string) =>
  z
    .number()
    .int(`${what} is a whole number.`)
    .min(0, `${what} is from 0 to ${max}.`)
    .max(max, `${what} is from 0 to ${max}.`);
const frequencyItem = scale(3, 'Each screening answer');

export const intakeMedicineSchema = z.strictObject({
  kind: z.enum(['medicine', 'supplement']),
  name: text(200).min(1, 'Write the name of the medicine or supplement.'),
  dose: optionalText(100),
  frequency: optionalText(100),
  since: optionalText(60),
});

export const intakeAllergySchema = z.strictObject({
  substance: text(200).min(1, 'Write what you are allergic to.'),
  reaction: optionalText(300),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
});

export const intakeSchema = z.strictObject({
  reasons: text(4000).default(''),
  goals: z.array(text(500).min(1)).max(10, 'List up to 10 goals.').default([]),
  conditions: z
    .array(z.strictObject({ name: text(200).min(1), since: optionalText(60) }))
    .max(40)
    .default([]),
  medicines: z.array(intakeMedicineSchema).max(80, 'List up to 80 medicines and supplements.').default([]),
  /** The patient confirms they take no medicines or supplements. */
  noMedicines: z.boolean().default(false),
  noKnownAllergies: z.boolean().default(false),
  allergies: z.array(intakeAllergySchema).max(40).default([]),
  physical: z
    .strictObject({
      painNow: scale(10, 'Pain').optional(),
      painLocations: optionalText(500),
      sleepHours: z.number().min(0).max(24).optional(),
      sleepQuality: z.enum(['good', 'fair', 'poor']).optional(),
      activity: optionalText(1000),
      energy: scale(10, 'Energy').optional(),
    })
    .default({}),
  emotional: z
    .strictObject({
      stress: scale(10, 'Stress').optional(),
      mood: optionalText(1000),
      /** PHQ-2 answers, each 0–3. */
      phq2: z.tuple([frequencyItem, frequencyItem]).optional(),
      /** GAD-2 answers, each 0–3. */
      gad2: z.tuple([frequencyItem, frequencyItem]).optional(),
    })
    .default({}),
  social: z
    .strictObject({ support: optionalText(1000), home: optionalText(1000), work: optionalText(1000) })
    .default({}),
  spiritual: z.strictObject({ meaning: optionalText(1000), practices: optionalText(1000) }).default({}),
  environmental: z.strictObject({ home: optionalText(1000), exposures: optionalText(1000) }).default({}),
  lifestyle: z
    .strictObject({
      nutrition: optionalText(1000),
      movement: optionalText(1000),
      tobacco: z.enum(['never', 'former', 'current']).optional(),
      alcoholDrinksPerWeek: z.number().int().min(0).max(200).optional(),
      otherSubstances: optionalText(500),
    })
    .default({}),
  /** Baseline PEG: average pain, interference with enjoyment of life, with general activity (0–10 each). */
  peg: z
    .strictObject({
      pain: scale(10, 'Pain'),
      enjoyment: scale(10, 'Enjoyment'),
      activity: scale(10, 'Activity'),
    })
    .optional(),
  preferences: z
    .strictObject({
      /** Therapy ids from the knowledge base. */
      wanted: z.array(z.string().max(80)).max(40).default([]),
      declined: z.array(z.string().max(80)).max(40).default([]),
      needleAversion: z.boolean().default(false),
      budget: z.enum(['insurance-only', 'some-self-pay', 'self-pay-ok']).optional(),
      telehealth: z.enum(['prefer', 'open', 'no']).optional(),
      limits: optionalText(1000),
    })
    .default({ wanted: [], declined: [], needleAversion: false }),
});

export type Intake = z.infer<typeof intakeSchema>;
export type IntakeMedicine = z.infer<typeof intakeMedicineSchema>;

/** What still stops a draft from being submitted, in words for the patient; empty when it can be. */
export function intakeGaps(intake: Intake): string[] {
  const gaps: string[] = [];
  if (!intake.reasons.trim()) gaps.push('Tell us why you are coming to the program.');
  if (intake.medicines.length === 0 && !intake.noMedicines)
    gaps.push('List your medicines and supplements with their doses, or confirm that you take none.');
  if (intake.allergies.length === 0 && !intake.noKnownAllergies)
    gaps.push('List your allergies, or confirm that you have none.');
  return gaps;
}
