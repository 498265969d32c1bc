import { planGaps } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import {
  addGoal,
  addRecommendation,
  addSelfCare,
  emptyGoalDraft,
  emptyPlan,
  goalFromDraft,
  goalPreview,
  includeConditions,
  interventionDose,
  nextId,
  normalizePlan,
  planFingerprint,
  removeIntervention,
  removeTherapy,
  serviceCodeFor,
  setReviewDate,
  setSupplement,
  updateIntervention,
  withMeasure,
} from './plan-draft.ts';

const rec = (id: string, name: string, bestId: string | null = `ev-${id}`) => ({
  therapy: { id, name },
  best: bestId
    ? {
        id: bestId,
        therapy: id,
        condition: 'chronic-low-back-pain',
        direction: 'for' as const,
        strength: 'strong' as const,
        grade: 'strong recommendation',
        guideline: 'ACP 2017',
        year: 2017,
        sources: ['https://example.org/acp'],
      }
    : null,
});

const services = [
  { code: 'inpatient-acupuncture', therapy: 'acupuncture', active: true, settings: ['inpatient'] },
  { code: 'acupuncture', therapy: 'acupuncture', active: true, settings: ['outpatient'] },
  { code: 'old-yoga', therapy: 'yoga', active: false, settings: ['outpatient'] },
  { code: 'integrative-consultation', therapy: null, active: true, settings: ['outpatient'] },
];

describe('the plan draft', () => {
  it('fills a partial draft (a new consultation holds only conditions and the lead)', () => {
    const lead = '6f1d7c52-0f0c-4c36-9a53-2e8f8f2b8e11';
    expect(normalizePlan({ conditions: ['fibromyalgia'], leadUserId: lead })).toEqual({
      ...emptyPlan(),
      conditions: ['fibromyalgia'],
      leadUserId: lead,
    });
    expect(normalizePlan(null)).toEqual(emptyPlan());
  });

  it('numbers new items one past the highest id of their kind', () => {
    expect(nextId('i', [])).toBe('i1');
    expect(nextId('i', [{ id: 'i1' }, { id: 'i7' }, { id: 'g9' }, { id: 'ix' }])).toBe('i8');
  });

  it('adds a recommendation as a weekly course of six with its evidence and bookable service, once', () => {
    const once = addRecommendation(emptyPlan(), rec('acupuncture', 'Acupuncture'), services);
    expect(once.interventions).toEqual([
      {
        id: 'i1',
        therapy: 'acupuncture',
        frequency: 'weekly',
        sessions: 6,
        evidenceId: 'ev-acupuncture',
        serviceCode: 'acupuncture',
      },
    ]);
    expect(addRecommendation(once, rec('acupuncture', 'Acupuncture'), services)).toBe(once);
    const twice = addRecommendation(once, rec('yoga', 'Yoga', null), services);
    expect(twice.interventions[1]).toEqual({ id: 'i2', therapy: 'yoga', frequency: 'weekly', sessions: 6 });
  });

  it('finds the outpatient service of a therapy, never an inpatient or inactive one', () => {
    expect(serviceCodeFor('acupuncture', services)).toBe('acupuncture');
    expect(serviceCodeFor('yoga', services)).toBeUndefined();
    expect(serviceCodeFor('meditation', services)).toBeUndefined();
  });

  it('edits and removes therapies without touching the others', () => {
    let plan = addRecommendation(emptyPlan(), rec('acupuncture', 'Acupuncture'));
    plan = addRecommendation(plan, rec('yoga', 'Yoga'));
    plan = updateIntervention(plan, 'i2', { frequency: 'twice weekly', sessions: 12 });
    expect(plan.interventions.map(interventionDose)).toEqual([
      'weekly, 6 sessions',
      'twice weekly, 12 sessions',
    ]);
    expect(removeIntervention(plan, 'i1').interventions.map((i) => i.therapy)).toEqual(['yoga']);
    expect(removeTherapy(plan, 'yoga').interventions.map((i) => i.therapy)).toEqual(['acupuncture']);
  });

  it('turns the goal form into a goal, with the preview the plan will show', () => {
    const draft = { ...emptyGoalDraft(), what: 'Less pain on walks', target: '4' };
    expect(goalPreview(draft)).toBe('PEG ≤ 4 by 12 weeks');
    const { goal, errors } = goalFromDraft(draft, 'g1');
    expect(errors).toEqual({});
    expect(goal).toEqual({
      id: 'g1',
      what: 'Less pain on walks',
      measure: 'peg',
      comparator: '<=',
      target: 4,
      byWeeks: 12,
      howMeasured: 'PEG questionnaire at each visit',
    });
    const plan = addGoal(addGoal(emptyPlan(), goal!), goal!);
    expect(plan.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
  });

  it('says what to fix in the goal form', () => {
    const { goal, errors } = goalFromDraft(
      { ...emptyGoalDraft(), what: 'ok', target: 'four', byWeeks: '0', howMeasured: '' },
      'g1',
    );
    expect(goal).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['byWeeks', 'howMeasured', 'target', 'what']);
    expect(goalPreview({ ...emptyGoalDraft(), target: '' })).toBeNull();
  });

  it('suggests the direction, unit and measurement of a measure unless they were typed over', () => {
    const sleep = withMeasure(emptyGoalDraft(), 'sleep-hours');
    expect(sleep).toMatchObject({ comparator: '>=', unit: 'hours', howMeasured: 'Sleep diary' });
    expect(goalPreview({ ...sleep, target: '7', byWeeks: '8' })).toBe('sleep ≥ 7 hours by 8 weeks');
    const typed = withMeasure({ ...emptyGoalDraft(), howMeasured: 'Pain diary' }, 'phq-9');
    expect(typed.howMeasured).toBe('Pain diary');
  });

  it('keeps one change per supplement and leaves out blank details', () => {
    let plan = setSupplement(emptyPlan(), {
      name: " St John's wort ",
      action: 'stop',
      reason: ' ',
      dose: '',
    });
    plan = setSupplement(plan, {
      name: "st john's wort",
      action: 'stop',
      reason: 'Interacts with sertraline',
    });
    expect(plan.supplements).toEqual([
      { name: "st john's wort", action: 'stop', reason: 'Interacts with sertraline' },
    ]);
  });

  it('sets or clears the review date, and adds newly recorded conditions', () => {
    expect(setReviewDate(emptyPlan(), '2027-02-15').reviewDate).toBe('2027-02-15');
    expect('reviewDate' in setReviewDate({ ...emptyPlan(), reviewDate: '2027-02-15' }, '')).toBe(false);
    const plan = { ...emptyPlan(), conditions: ['fibromyalgia'] };
    expect(includeConditions(plan, ['fibromyalgia', 'anxiety']).conditions).toEqual([
      'fibromyalgia',
      'anxiety',
    ]);
    expect(includeConditions(plan, ['fibromyalgia'])).toBe(plan);
  });

  it('makes a plan the domain considers ready to sign', () => {
    let plan = addRecommendation(emptyPlan(), rec('acupuncture', 'Acupuncture'));
    expect(planGaps(plan)).toHaveLength(2);
    plan = addGoal(plan, goalFromDraft({ ...emptyGoalDraft(), what: 'Walk more', target: '4' }, 'x').goal!);
    plan = addSelfCare(plan, ' Paced breathing ', ' daily ');
    plan = setReviewDate(plan, '2027-02-15');
    expect(planGaps(plan)).toEqual([]);
    expect(plan.selfCare).toEqual([{ id: 's1', practice: 'Paced breathing', frequency: 'daily' }]);
  });

  it('tells a changed draft from a saved one', () => {
    const plan = emptyPlan();
    expect(planFingerprint(plan, { social: 'x' })).toBe(planFingerprint(emptyPlan(), { social: 'x' }));
    expect(planFingerprint(plan)).not.toBe(planFingerprint(setReviewDate(plan, '2027-01-01')));
  });
});
