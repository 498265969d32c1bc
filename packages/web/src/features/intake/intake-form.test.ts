import { intakeGaps, intakeSchema } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import type { KnownName } from '../../api/types.ts';
import {
  choosePreferences,
  describeAllergy,
  describeMedicine,
  emptyIntakeForm,
  emptyMedicine,
  exactSuggestion,
  formToIntake,
  frequencyAnswerLabel,
  type IntakeForm,
  intakeToForm,
  isKnownName,
  savedStatus,
  submissionGaps,
  validateIntakeForm,
} from './intake-form.ts';

/** David's answers, as the e2e test fills them. */
function davidsForm(): IntakeForm {
  const form = emptyIntakeForm();
  return {
    ...form,
    reasons: '  Low mood and poor sleep since the winter.  ',
    goals: [
      { key: 'g1', text: 'Sleep through the night' },
      { key: 'g2', text: '   ' },
    ],
    medicines: [
      { ...emptyMedicine(), name: 'Sertraline', dose: '50 mg', frequency: 'daily' },
      {
        ...emptyMedicine(),
        kind: 'supplement',
        name: "St John's wort",
        dose: '300 mg',
        frequency: 'three times a day',
      },
      emptyMedicine(),
    ],
    noKnownAllergies: true,
    sleepHours: '5,5',
    sleepQuality: 'poor',
    phq2: ['2', '1'],
    gad2: ['1', '1'],
    pegPain: '3',
    pegEnjoyment: '4',
    pegActivity: '2',
    alcoholDrinksPerWeek: '2',
    wanted: ['acupuncture'],
  };
}

describe('formToIntake', () => {
  it('turns the answers into a body the server accepts, trimmed, without empty rows', () => {
    const intake = formToIntake(davidsForm());
    expect(intakeSchema.safeParse(intake).success).toBe(true);
    expect(intake.reasons).toBe('Low mood and poor sleep since the winter.');
    expect(intake.goals).toEqual(['Sleep through the night']);
    expect(intake.medicines).toEqual([
      { kind: 'medicine', name: 'Sertraline', dose: '50 mg', frequency: 'daily' },
      { kind: 'supplement', name: "St John's wort", dose: '300 mg', frequency: 'three times a day' },
    ]);
    expect(intake.physical).toEqual({ sleepHours: 5.5, sleepQuality: 'poor' });
    expect(intake.emotional).toEqual({ phq2: [2, 1], gad2: [1, 1] });
    expect(intake.peg).toEqual({ pain: 3, enjoyment: 4, activity: 2 });
    expect(intake.lifestyle).toEqual({ alcoholDrinksPerWeek: 2 });
    expect(intake.preferences).toEqual({ wanted: ['acupuncture'], declined: [], needleAversion: false });
    expect(intakeGaps(intake)).toEqual([]);
  });

  it('leaves out unanswered questions, so an empty form is an empty draft with the three gaps', () => {
    const intake = formToIntake(emptyIntakeForm());
    expect(intakeSchema.safeParse(intake).success).toBe(true);
    expect(intake.medicines).toEqual([]);
    expect(intake.peg).toBeUndefined();
    expect(intake.emotional).toEqual({});
    expect(intakeGaps(intake)).toHaveLength(3);
  });

  it('lets "none" win over rows hidden when it was ticked', () => {
    const form = davidsForm();
    form.noMedicines = true;
    form.allergies = [{ key: 'a', substance: 'Penicillin', reaction: '', severity: '' }];
    const intake = formToIntake(form);
    expect(intake.medicines).toEqual([]);
    expect(intake.noMedicines).toBe(true);
    expect(intake.allergies).toEqual([]);
  });

  it('leaves a half-answered two-question screen out of the body', () => {
    const form = emptyIntakeForm();
    form.phq2 = ['2', ''];
    expect(formToIntake(form).emotional.phq2).toBeUndefined();
  });
});

describe('intakeToForm', () => {
  it('gives back the same answers when saved and loaded again', () => {
    const intake = formToIntake(davidsForm());
    const again = formToIntake(intakeToForm(intakeSchema.parse(intake)));
    expect(again).toEqual(intake);
  });

  it('starts with one empty medicine row and one goal, unless the patient takes none', () => {
    const blank = intakeToForm(intakeSchema.parse({}));
    expect(blank.medicines).toHaveLength(1);
    expect(blank.goals).toHaveLength(1);
    expect(intakeToForm(intakeSchema.parse({ noMedicines: true })).medicines).toEqual([]);
  });
});

describe('validateIntakeForm', () => {
  it('accepts a form with answers missing (a draft)', () => {
    expect(validateIntakeForm(emptyIntakeForm())).toEqual({});
    expect(validateIntakeForm(davidsForm())).toEqual({});
  });

  it('names each answer to fix, in the patient’s words', () => {
    const form = emptyIntakeForm();
    form.medicines = [{ ...emptyMedicine(), dose: '50 mg' }];
    form.allergies = [{ key: 'a', substance: '', reaction: 'rash', severity: '' }];
    form.sleepHours = '30';
    form.alcoholDrinksPerWeek = 'a few';
    form.stress = '11';
    form.gad2 = ['', '3'];
    form.pegPain = '5';
    expect(validateIntakeForm(form)).toEqual({
      'medicines.0.name': 'Write the name of the medicine or supplement.',
      'allergies.0.substance': 'Write what you are allergic to.',
      sleepHours: 'Write the hours of sleep as a number from 0 to 24, e.g. 6 or 6.5.',
      alcoholDrinksPerWeek: 'Write a whole number of drinks, e.g. 0 or 4.',
      stress: 'Stress is a whole number from 0 to 10.',
      gad2: 'Answer both questions, or leave both unanswered.',
      peg: 'Answer all three questions, or leave all three unanswered.',
    });
  });

  it('ignores rows hidden by a "none" checkbox', () => {
    const form = emptyIntakeForm();
    form.medicines = [{ ...emptyMedicine(), dose: '50 mg' }];
    form.noMedicines = true;
    expect(validateIntakeForm(form)).toEqual({});
  });
});

describe('typing suggestions', () => {
  const suggestions: KnownName[] = [
    { id: 'sertraline', name: 'Sertraline', kind: 'medicine', matched: null },
    { id: 'st-johns-wort', name: "St John's wort", kind: 'supplement', matched: 'hypericum' },
  ];

  it('knows a name typed in full, whatever its case and punctuation, or by a synonym', () => {
    expect(isKnownName('sertraline', suggestions)).toBe(true);
    expect(isKnownName('St Johns Wort', suggestions)).toBe(true);
    expect(isKnownName('Hypericum', suggestions)).toBe(true);
    expect(exactSuggestion('st. john’s wort', suggestions)?.kind).toBe('supplement');
  });

  it('does not know a name only begun, or one not in the list', () => {
    expect(isKnownName('sert', suggestions)).toBe(false);
    expect(isKnownName('Grandma’s tonic', [])).toBe(false);
    expect(isKnownName('', suggestions)).toBe(false);
  });
});

describe('preferences', () => {
  it('takes a therapy out of one list when it is chosen in the other', () => {
    const now = { wanted: ['acupuncture', 'yoga'], declined: ['massage'] };
    expect(choosePreferences(now, 'declined', ['massage', 'acupuncture'])).toEqual({
      wanted: ['yoga'],
      declined: ['massage', 'acupuncture'],
    });
    expect(choosePreferences(now, 'wanted', ['yoga'])).toEqual({ wanted: ['yoga'], declined: ['massage'] });
  });
});

describe('words', () => {
  it('describes medicines, allergies and screening answers', () => {
    expect(
      describeMedicine({
        kind: 'medicine',
        name: 'Sertraline',
        dose: '50 mg',
        frequency: 'daily',
        since: '2023',
      }),
    ).toBe('Sertraline, 50 mg, daily, since 2023');
    expect(describeAllergy({ substance: 'Penicillin', reaction: 'rash', severity: 'moderate' })).toBe(
      'Penicillin: rash (moderate)',
    );
    expect(frequencyAnswerLabel(2)).toBe('More than half the days');
  });

  it('reads the gaps of a refused submission', () => {
    expect(submissionGaps({ gaps: ['Tell us why you are coming to the program.'] })).toEqual([
      'Tell us why you are coming to the program.',
    ]);
    expect(submissionGaps({})).toEqual([]);
  });
});

describe('savedStatus', () => {
  const zone = 'America/New_York';
  const now = new Date('2026-11-23T19:30:00Z');

  it('says when the draft was saved, in the clinic zone, with the date when not today', () => {
    expect(savedStatus('2026-11-23T19:05:00Z', false, zone, now)).toBe(
      'Saved at 2:05 PM EST (America/New_York).',
    );
    expect(savedStatus('2026-11-20T19:05:00Z', false, zone, now)).toBe(
      'Saved on Fri, Nov 20, 2026, 2:05 PM EST (America/New_York).',
    );
  });

  it('adds that there are unsaved changes, and says nothing before anything is typed', () => {
    expect(savedStatus('2026-11-23T19:05:00Z', true, zone, now)).toBe(
      'Saved at 2:05 PM EST (America/New_York). You have changes that are not saved yet.',
    );
    expect(savedStatus(null, false, zone, now)).toBe('');
    expect(savedStatus(null, true, zone, now)).toBe('You have changes that are not saved yet.');
  });
});
