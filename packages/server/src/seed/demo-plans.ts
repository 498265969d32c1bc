import { addDays, type Intake, intakeSchema, type PlanContent, planContentSchema } from '@meridian/domain';
import type { Queryable } from '../db/database.ts';
import {
  openConsultation,
  saveConsultation,
  signConsultation,
} from '../modules/consultations/consultation-service.ts';
import { saveIntake, submitIntake } from '../modules/intake/intake-service.ts';
import { reviewPlan } from '../modules/progress/progress-service.ts';

// The demo's story for intake and plans: Maria had her consultation six weeks ago, her plan is in its
// second version after a review, and her primary care provider was sent the summary; James has
// submitted his intake and waits for his consultation.

const mariaIntake: Intake = intakeSchema.parse({
  reasons:
    'Low back pain for two years and widespread aches from fibromyalgia. I sleep badly and want to rely less on ibuprofen.',
  goals: [
    'Work a full day without stopping for pain',
    'Sleep through the night',
    'Walk with my sister on weekends',
  ],
  conditions: [
    { name: 'fibromyalgia', since: '2019' },
    { name: 'chronic low back pain', since: '2024' },
  ],
  medicines: [
    { kind: 'medicine', name: 'sertraline', dose: '50 mg', frequency: 'once daily', since: '2021' },
    { kind: 'medicine', name: 'ibuprofen', dose: '400 mg', frequency: 'as needed, up to three times daily' },
    {
      kind: 'supplement',
      name: "St John's wort",
      dose: '300 mg',
      frequency: 'three times daily',
      since: '2025',
    },
    { kind: 'supplement', name: 'ginkgo', dose: '120 mg', frequency: 'once daily' },
  ],
  noKnownAllergies: true,
  physical: {
    painNow: 7,
    painLocations: 'Lower back, shoulders',
    sleepHours: 5,
    sleepQuality: 'poor',
    energy: 3,
  },
  emotional: { stress: 7, mood: 'Low on bad pain days', phq2: [1, 2], gad2: [2, 1] },
  social: { support: 'Lives with her husband; sister nearby', work: 'Office manager, full time' },
  spiritual: { meaning: 'Family and her church choir' },
  environmental: { home: 'Two-storey house; desk job at a computer' },
  lifestyle: {
    nutrition: 'Skips breakfast, takeaway lunches',
    movement: 'Little since the back pain',
    tobacco: 'never',
    alcoholDrinksPerWeek: 2,
  },
  peg: { pain: 7, enjoyment: 6, activity: 7 },
  preferences: {
    wanted: ['acupuncture', 'massage', 'yoga'],
    declined: [],
    needleAversion: false,
    budget: 'some-self-pay',
    telehealth: 'open',
  },
});

const jamesIntake: Intake = intakeSchema.parse({
  reasons: 'Knee pain when walking and on stairs; my doctor suggested the integrative program.',
  goals: ['Walk the dog for 30 minutes', 'Garden again this spring'],
  conditions: [
    { name: 'knee osteoarthritis', since: '2022' },
    { name: 'deep vein thrombosis', since: '2025' },
  ],
  medicines: [
    { kind: 'medicine', name: 'warfarin', dose: '5 mg', frequency: 'once daily', since: '2025' },
    { kind: 'supplement', name: 'fish oil', dose: '2 g', frequency: 'once daily' },
    { kind: 'supplement', name: 'turmeric', dose: '500 mg', frequency: 'twice daily' },
  ],
  allergies: [{ substance: 'Sulfa drugs', reaction: 'Rash', severity: 'mild' }],
  physical: {
    painNow: 5,
    painLocations: 'Both knees, right worse',
    sleepHours: 7,
    sleepQuality: 'fair',
    energy: 6,
  },
  emotional: { stress: 3, phq2: [0, 1], gad2: [1, 0] },
  lifestyle: { movement: 'Short walks', tobacco: 'former', alcoholDrinksPerWeek: 4 },
  peg: { pain: 5, enjoyment: 4, activity: 6 },
  preferences: { wanted: ['massage', 'tai-chi'], declined: ['cupping'], needleAversion: true },
});

function mariaPlan(patel: string, reviewDate: string): PlanContent {
  return planContentSchema.parse({
    conditions: ['chronic-low-back-pain', 'fibromyalgia'],
    goals: [
      {
        id: 'g1',
        what: 'Work a full day without stopping for pain',
        measure: 'peg',
        comparator: '<=',
        target: 4,
        byWeeks: 12,
        howMeasured: 'PEG questionnaire every 2 weeks',
      },
      {
        id: 'g2',
        what: 'Sleep through the night',
        measure: 'sleep-hours',
        comparator: '>=',
        target: 7,
        unit: 'hours',
        byWeeks: 12,
        howMeasured: 'Sleep hours in the daily diary',
      },
    ],
    interventions: [
      {
        id: 'i1',
        therapy: 'acupuncture',
        serviceCode: 'acupuncture',
        frequency: 'weekly',
        sessions: 6,
        discipline: 'acupuncture',
      },
      { id: 'i2', therapy: 'yoga', frequency: 'twice a week', sessions: 12 },
      { id: 'i3', therapy: 'meditation', frequency: 'daily, 10 minutes', sessions: 1 },
    ],
    selfCare: [
      { id: 's1', practice: 'A short walk after lunch', frequency: 'daily' },
      { id: 's2', practice: 'The same bedtime and no screens for the last hour', frequency: 'nightly' },
    ],
    supplements: [
      { name: "St John's wort", action: 'stop', reason: 'Risk of serotonin syndrome with sertraline.' },
      { name: 'ginkgo', action: 'stop', reason: 'Adds to bleeding risk with ibuprofen.' },
    ],
    education: [
      'what-to-expect-acupuncture',
      'herbs-supplements-safety',
      'sleep-hygiene',
      'pain-plan-checklist',
    ],
    leadUserId: patel,
    reviewDate,
  });
}

export async function seedDemoPlans(
  q: Queryable,
  demo: {
    now: Date;
    patients: Map<string, string>;
    clinicians: Map<string, string>;
    patientUsers: Map<string, string>;
  },
): Promise<void> {
  const day = 86_400_000;
  const maria = demo.patients.get('maria')!;
  const patel = demo.clinicians.get('patel')!;
  const intakeAt = new Date(demo.now.getTime() - 45 * day);
  const consultAt = new Date(demo.now.getTime() - 42 * day);
  const reviewAt = new Date(demo.now.getTime() - 14 * day);
  const mariaUser = { userId: demo.patientUsers.get(maria)!, role: 'patient' };
  await saveIntake(q, maria, mariaIntake, mariaUser.userId, intakeAt);
  await submitIntake(q, maria, mariaUser, intakeAt);

  const { consultation } = await openConsultation(q, maria, patel, null, consultAt);
  const firstReview = addDays(consultAt.toISOString().slice(0, 10), 28);
  await saveConsultation(q, maria, consultation.id, {
    formulation: {
      biological:
        'Deconditioning and guarding after a lifting strain; widespread pain sensitivity (fibromyalgia).',
      psychological: 'Worry about re-injury; low mood on bad pain days.',
      social: 'Supportive family; full-time desk job.',
      environmental: 'Long hours at a computer without breaks.',
      behavioural: 'Little movement, short and broken sleep, relies on ibuprofen.',
    },
    plan: mariaPlan(patel, firstReview),
  });
  await signConsultation(q, maria, consultation.id, { sendVia: 'fax' }, patel, consultAt);

  // The next review is due in five days, so it shows on Dr Patel's worklist.
  const v2 = mariaPlan(patel, addDays(demo.now.toISOString().slice(0, 10), 5));
  v2.interventions = v2.interventions.map((i) => (i.id === 'i1' ? { ...i, sessions: 8 } : i));
  v2.interventions.push({ id: 'i4', therapy: 'tai-chi', frequency: 'weekly class', sessions: 8 });
  v2.goals = v2.goals.map((g) => (g.id === 'g1' ? { ...g, byWeeks: 16 } : g));
  await reviewPlan(
    q,
    maria,
    {
      outcome: 'adjusted',
      note: 'At 4 weeks pain is easing since acupuncture began; two more sessions and a tai chi class agreed.',
      basedOn: 1,
      content: v2,
    },
    patel,
    reviewAt,
  );

  const james = demo.patients.get('james')!;
  const jamesUser = { userId: demo.patientUsers.get(james)!, role: 'patient' };
  const jamesAt = new Date(demo.now.getTime() - 2 * day);
  await saveIntake(q, james, jamesIntake, jamesUser.userId, jamesAt);
  await submitIntake(q, james, jamesUser, jamesAt);
}
