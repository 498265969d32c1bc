import { describe, expect, it } from 'vitest';
import type { CarePlanVersion, DiaryEntry, RegimenItem } from '../../api/types.ts';
import {
  dayLabel,
  diaryDateProblem,
  diaryDateRange,
  diarySavedText,
  emptyDiaryForm,
  entrySummary,
  entryToForm,
  formToDiaryInput,
  lastSevenDays,
  parseSleepHours,
  saveLabel,
  selfCareChoices,
  takenChoices,
  therapyChoices,
  tidyWords,
  validateDiaryForm,
  wordChoices,
} from './diary-form.ts';

function entry(date: string, patch: Partial<DiaryEntry> = {}): DiaryEntry {
  return {
    id: `e-${date}`,
    date,
    painNow: null,
    painAverage: null,
    painWorst: null,
    locations: [],
    triggers: [],
    sleepHours: null,
    sleepQuality: null,
    mood: null,
    activity: null,
    therapies: [],
    selfCare: [],
    taken: [],
    notes: '',
    backdated: false,
    recordedAt: `${date}T03:30:00.000Z`,
    ...patch,
  };
}

describe('diary form → body', () => {
  it('sends only what was answered, as numbers', () => {
    const form = { ...emptyDiaryForm(), painNow: '5', painAverage: '4', painWorst: '6', sleepHours: '7,5' };
    expect(formToDiaryInput(form)).toEqual({ painNow: 5, painAverage: 4, painWorst: 6, sleepHours: 7.5 });
    expect(formToDiaryInput(emptyDiaryForm())).toEqual({});
  });

  it('keeps 0 as an answer and tidies places, triggers and notes', () => {
    const form = {
      ...emptyDiaryForm(),
      painNow: '0',
      sleepQuality: 'good' as const,
      locations: [' lower  back ', 'Lower back', '', 'neck'],
      triggers: ['stress'],
      therapies: ['acupuncture', 'acupuncture'],
      notes: '  walked to the park  ',
      mood: '7',
    };
    expect(formToDiaryInput(form)).toEqual({
      painNow: 0,
      sleepQuality: 'good',
      locations: ['lower back', 'neck'],
      triggers: ['stress'],
      therapies: ['acupuncture'],
      notes: 'walked to the park',
      mood: 7,
    });
    expect(tidyWords(['a', ' A ', 'b'])).toEqual(['a', 'b']);
  });

  it('loads a stored entry for editing, and saving it unchanged sends the same answers', () => {
    const stored = entry('2026-11-21', {
      painNow: 4,
      painAverage: 4,
      painWorst: 5,
      sleepHours: 7,
      sleepQuality: 'good',
      locations: ['lower back'],
      selfCare: ['A short walk after lunch'],
    });
    const form = entryToForm(stored);
    expect(form.painNow).toBe('4');
    expect(form.sleepHours).toBe('7');
    expect(form.mood).toBe('');
    expect(formToDiaryInput(form)).toEqual({
      painNow: 4,
      painAverage: 4,
      painWorst: 5,
      sleepHours: 7,
      sleepQuality: 'good',
      locations: ['lower back'],
      selfCare: ['A short walk after lunch'],
    });
  });

  it('reads sleep hours written with a point or a comma', () => {
    expect(parseSleepHours('6.5')).toBe(6.5);
    expect(parseSleepHours(' 7 ')).toBe(7);
    expect(parseSleepHours('6,5')).toBe(6.5);
    expect(parseSleepHours('seven')).toBeNull();
    expect(parseSleepHours('-1')).toBeNull();
  });
});

describe('diary checks', () => {
  it('asks for at least one answer', () => {
    expect(validateDiaryForm(emptyDiaryForm()).form).toMatch(/at least one question/);
    expect(validateDiaryForm({ ...emptyDiaryForm(), painNow: '3' })).toEqual({});
  });

  it('refuses average pain above worst pain, and sleep beyond 24 hours', () => {
    const errors = validateDiaryForm({
      ...emptyDiaryForm(),
      painAverage: '7',
      painWorst: '5',
      sleepHours: '25',
    });
    expect(errors.painWorst).toMatch(/cannot be lower than your average/);
    expect(errors.sleepHours).toMatch(/0 to 24/);
    expect(errors.form).toBeUndefined();
  });

  it('allows today and up to 30 days back', () => {
    expect(diaryDateRange('2026-11-22')).toEqual({ min: '2026-10-23', max: '2026-11-22' });
    expect(diaryDateProblem('2026-11-22', '2026-11-22')).toBeNull();
    expect(diaryDateProblem('2026-10-23', '2026-11-22')).toBeNull();
    expect(diaryDateProblem('2026-10-22', '2026-11-22')).toMatch(/30 days back/);
    expect(diaryDateProblem('2026-11-23', '2026-11-22')).toMatch(/today or a day before/);
    expect(diaryDateProblem('', '2026-11-22')).toBe('Choose a day.');
  });
});

describe('diary words', () => {
  it('names days and the save button', () => {
    expect(dayLabel('2026-11-22', '2026-11-22')).toBe('Today');
    expect(dayLabel('2026-11-21', '2026-11-22')).toBe('Yesterday');
    expect(dayLabel('2026-11-20', '2026-11-22')).toBe('Fri, Nov 20');
    expect(saveLabel('2026-11-22', '2026-11-22')).toBe("Save today's entry");
    expect(saveLabel('2026-11-20', '2026-11-22')).toBe('Save the entry for November 20, 2026');
  });

  it('sums up an entry in a line', () => {
    expect(
      entrySummary(
        entry('2026-11-22', {
          painNow: 5,
          painAverage: 4,
          painWorst: 6,
          sleepHours: 7.5,
          sleepQuality: 'good',
        }),
      ),
    ).toBe('Pain now 5 · average 4 · worst 6 · sleep 7.5 h (good)');
    expect(entrySummary(entry('2026-11-22', { mood: 6 }))).toBe('Other answers only');
  });

  it('lists the last seven days, newest first, with gaps', () => {
    const days = lastSevenDays([entry('2026-11-22'), entry('2026-11-19'), entry('2026-11-10')], '2026-11-22');
    expect(days.map((d) => d.date)).toEqual([
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
      '2026-11-16',
    ]);
    expect(days.filter((d) => d.entry).map((d) => d.date)).toEqual(['2026-11-22', '2026-11-19']);
  });

  it('says when it was saved, in the patient’s zone', () => {
    const now = new Date('2026-11-23T04:00:00Z'); // 9 PM on Nov 22 in Phoenix
    expect(diarySavedText('2026-11-23T03:42:00Z', false, 'America/Phoenix', now)).toBe(
      'Saved at 8:42 PM MST (America/Phoenix).',
    );
    expect(diarySavedText('2026-11-23T03:42:00Z', true, 'America/Phoenix', now)).toBe(
      'Saved at 8:42 PM MST (America/Phoenix). You have changes that are not saved yet.',
    );
    expect(diarySavedText(null, false, 'America/Phoenix', now)).toBe('');
  });
});

describe('diary chips', () => {
  it('offers places used before (most used first), then common ones, then what is chosen', () => {
    const choices = wordChoices(
      [['lower back', 'shoulders'], ['lower back']],
      ['neck', 'Lower back'],
      ['left foot'],
    );
    expect(choices.map((c) => c.value)).toEqual(['lower back', 'shoulders', 'neck', 'left foot']);
  });

  it('offers the plan’s therapies by name first, then common ones', () => {
    const interventions = [
      {
        id: 'i1',
        therapy: 'acupuncture',
        therapyName: 'Acupuncture',
        frequency: 'weekly',
        sessions: 6,
        practitionerName: null,
      },
      {
        id: 'i4',
        therapy: 'tai-chi',
        therapyName: 'Tai chi',
        frequency: 'weekly',
        sessions: 8,
        practitionerName: null,
      },
    ] as CarePlanVersion['interventions'];
    const choices = therapyChoices(interventions, ['reiki']);
    expect(choices.slice(0, 2)).toEqual([
      { value: 'acupuncture', label: 'Acupuncture' },
      { value: 'tai-chi', label: 'Tai chi' },
    ]);
    expect(choices.map((c) => c.value)).toContain('massage');
    expect(choices.at(-1)).toEqual({ value: 'reiki', label: 'Reiki' });
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
  });

  it('offers self-care from the plan and active medicines and supplements from the record', () => {
    expect(
      selfCareChoices([{ id: 's1', practice: 'A short walk after lunch', frequency: 'daily' }], []),
    ).toEqual([{ value: 'A short walk after lunch', label: 'A short walk after lunch' }]);
    const item = (id: string, patch: Partial<RegimenItem>) =>
      ({ id, status: 'active', dose: null, ...patch }) as RegimenItem;
    const items = [
      item('m1', { category: 'medicine', text: 'sertraline', dose: '50 mg' }),
      item('c1', { category: 'condition', text: 'fibromyalgia' }),
      item('s1', { category: 'supplement', text: 'ginkgo', status: 'stopped' }),
    ];
    expect(takenChoices(items, [])).toEqual([{ value: 'm1', label: 'sertraline 50 mg' }]);
    // A stopped one ticked on a past entry stays, so it can be unticked.
    expect(takenChoices(items, ['s1']).map((c) => c.label)).toEqual(['sertraline 50 mg', 'ginkgo']);
  });
});
