import { describe, expect, it } from 'vitest';
import type { CarePlanVersion, VisitSummaryListItem } from '../../api/types.ts';
import {
  articlePath,
  formatLocalDate,
  goalDue,
  latestSummary,
  selfCareLine,
  supplementLine,
  therapyLine,
} from './plan-format.ts';

type Intervention = CarePlanVersion['interventions'][number];

const acupuncture: Intervention = {
  id: 'i1',
  therapy: 'acupuncture',
  frequency: 'weekly',
  sessions: 6,
  therapyName: 'Acupuncture',
  practitionerName: null,
};

describe('plan in plain words', () => {
  it('says how often and how many visits a therapy has', () => {
    expect(therapyLine(acupuncture)).toBe('Acupuncture — weekly, 6 visits');
    expect(therapyLine({ ...acupuncture, sessions: 1, practitionerName: 'Mei Chen, LAc' })).toBe(
      'Acupuncture — weekly, 1 visit with Mei Chen, LAc',
    );
  });

  it('gives a goal’s target and the date it is due', () => {
    const goal: CarePlanVersion['goals'][number] = {
      id: 'g1',
      what: 'Less pain in daily life',
      measure: 'peg',
      comparator: '<=',
      target: 'PEG ≤ 4 by 12 weeks',
      byWeeks: 12,
      howMeasured: 'PEG questionnaire',
      dueDate: '2027-03-03',
    };
    expect(goalDue(goal)).toBe('PEG ≤ 4 by 12 weeks (by March 3, 2027)');
  });

  it('words self-care and supplements', () => {
    expect(selfCareLine({ id: 's1', practice: 'Paced breathing', frequency: 'twice a day' })).toBe(
      'Paced breathing — twice a day',
    );
    expect(
      supplementLine({ name: 'magnesium glycinate', action: 'start', dose: '200 mg', frequency: 'at night' }),
    ).toBe('Start magnesium glycinate, 200 mg, at night');
    expect(
      supplementLine({ name: "St John's wort", action: 'stop', reason: 'it interacts with sertraline' }),
    ).toBe("Stop St John's wort. Why: it interacts with sertraline");
  });

  it('picks the newest visit summary', () => {
    const summary = (id: string, createdAt: string) => ({ id, createdAt }) as VisitSummaryListItem;
    expect(latestSummary([])).toBeNull();
    expect(
      latestSummary([summary('a', '2026-01-01T10:00:00Z'), summary('b', '2026-02-01T10:00:00Z')])?.id,
    ).toBe('b');
  });

  it('links articles inside the portal', () => {
    expect(articlePath('sleep-hygiene')).toBe('/patient/learn/sleep-hygiene');
  });
});

describe('formatLocalDate', () => {
  it('gives the day in words, and keeps what it cannot read', () => {
    expect(formatLocalDate('2026-11-09T10:00:00Z')).toBe('November 9, 2026');
    expect(formatLocalDate('soon')).toBe('soon');
  });
});
