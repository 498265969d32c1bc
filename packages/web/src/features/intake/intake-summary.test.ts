import { intakeSchema } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import { intakeSummary } from './intake-summary.ts';

describe('intakeSummary', () => {
  it('lists the answers by section and leaves out what was not answered', () => {
    const intake = intakeSchema.parse({
      reasons: 'Back pain',
      medicines: [{ kind: 'medicine', name: 'Sertraline', dose: '50 mg', frequency: 'daily' }],
      noKnownAllergies: true,
      emotional: { phq2: [0, 3] },
      peg: { pain: 6, enjoyment: 5, activity: 4 },
      preferences: { wanted: ['tai-chi'], needleAversion: true },
    });
    const sections = intakeSummary(intake);
    expect(sections.map((s) => s.heading)).toEqual([
      'Why you are coming and your goals',
      'Medicines and supplements',
      'Allergies',
      'Mind',
      'Pain over the last week',
      'Preferences',
    ]);
    expect(sections[1]!.items).toEqual([{ label: 'Medicine', value: 'Sertraline, 50 mg, daily' }]);
    expect(sections[2]!.items).toEqual([{ label: 'Allergies', value: 'No known allergies' }]);
    expect(sections[3]!.items).toEqual([
      { label: 'Having little interest or pleasure in doing things', value: 'Not at all' },
      { label: 'Feeling down, depressed or hopeless', value: 'Nearly every day' },
    ]);
    expect(sections[4]!.items[0]).toEqual({
      label: 'What number best describes your pain on average in the past week?',
      value: '6 of 10',
    });
    expect(sections[5]!.items).toEqual([
      { label: 'Would like to try', value: 'Tai chi' },
      { label: 'Needles', value: 'I would rather avoid them' },
    ]);
  });
});
