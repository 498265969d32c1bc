import { describe, expect, it } from 'vitest';
import { type EvidenceRecord, type RecommendInput, recommendTherapies } from './recommend.ts';

const row = (
  id: string,
  therapy: string,
  condition: string,
  more: Partial<EvidenceRecord> = {},
): EvidenceRecord => ({
  id,
  therapy,
  condition,
  direction: 'for',
  strength: 'conditional',
  grade: 'conditionally recommended',
  guideline: 'Test guideline',
  year: 2020,
  sources: ['https://pubmed.ncbi.nlm.nih.gov/1/'],
  ...more,
});

const evidence = [
  row('a', 'acupuncture', 'chronic-low-back-pain', { strength: 'strong', certainty: 'low' }),
  row('b', 'yoga', 'chronic-low-back-pain', { strength: 'strong', certainty: 'moderate' }),
  row('c', 'spinal-manipulation', 'chronic-low-back-pain', { strength: 'strong', certainty: 'low' }),
  row('d', 'massage', 'chronic-pain'),
  row('e', 'reiki', 'chronic-low-back-pain', { direction: 'against', strength: 'conditional' }),
  row('f', 'tai-chi', 'knee-osteoarthritis', { strength: 'strong' }),
];

function input(more: Partial<RecommendInput> = {}): RecommendInput {
  return {
    conditions: [{ id: 'chronic-low-back-pain', name: 'chronic low back pain', ancestors: ['chronic-pain'] }],
    evidence,
    therapyName: (id) => id,
    conditionName: (id) => id,
    findingsFor: () => [],
    offered: null,
    needleTherapies: new Set(['acupuncture']),
    preferences: { wanted: [], declined: [], needleAversion: false },
    ...more,
  };
}

describe('recommendTherapies', () => {
  it('ranks therapies by the strength and certainty of the evidence for the patient’s conditions', () => {
    const { recommendations, against } = recommendTherapies(input());
    expect(recommendations.map((r) => r.therapy.id)).toEqual([
      'yoga',
      'acupuncture',
      'spinal-manipulation',
      'massage',
    ]);
    // Evidence about chronic pain in general applies to chronic low back pain, below the direct rows.
    expect(recommendations[3]!.forConditions).toEqual(['chronic low back pain']);
    expect(against.map((r) => r.therapy.id)).toEqual(['reiki']);
    // Nothing for conditions the patient does not have.
    expect(recommendations.some((r) => r.therapy.id === 'tai-chi')).toBe(false);
  });

  it('flags a contraindicated therapy and moves it below the ones that can be offered', () => {
    const { recommendations } = recommendTherapies(
      input({
        findingsFor: (t) =>
          t === 'spinal-manipulation'
            ? [
                {
                  severity: 'contraindicated',
                  summary: 'osteoporosis',
                  management: 'avoid',
                  sources: ['https://x.org/1'],
                },
              ]
            : t === 'massage'
              ? [
                  {
                    severity: 'major',
                    summary: 'warfarin',
                    management: 'gentle pressure',
                    sources: ['https://x.org/2'],
                  },
                ]
              : [],
      }),
    );
    const manipulation = recommendations.find((r) => r.therapy.id === 'spinal-manipulation')!;
    expect(manipulation.safety.level).toBe('contraindicated');
    expect(manipulation.suggested).toBe(false);
    expect(recommendations.at(-1)!.therapy.id).toBe('spinal-manipulation');
    const massage = recommendations.find((r) => r.therapy.id === 'massage')!;
    expect(massage).toMatchObject({ suggested: true, safety: { level: 'caution' } });
  });

  it('annotates location, preferences and coverage', () => {
    const { recommendations } = recommendTherapies(
      input({
        offered: new Set(['acupuncture', 'massage', 'spinal-manipulation']),
        preferences: { wanted: ['massage'], declined: ['spinal-manipulation'], needleAversion: true },
        coverage: (t) => (t === 'massage' ? 'self-pay' : 'covered'),
      }),
    );
    const by = new Map(recommendations.map((r) => [r.therapy.id, r]));
    expect(by.get('yoga')).toMatchObject({ availability: 'not-offered', suggested: false });
    expect(by.get('acupuncture')).toMatchObject({ preference: 'needle-aversion', suggested: false });
    expect(by.get('spinal-manipulation')).toMatchObject({ preference: 'declined', suggested: false });
    expect(by.get('massage')).toMatchObject({ preference: 'wanted', coverage: 'self-pay', suggested: true });
    expect(recommendations[0]!.therapy.id).toBe('massage');
  });

  it('screens therapies without evidence that the patient asked for or the location offers', () => {
    const { unranked, recommendations } = recommendTherapies(
      input({
        offered: new Set(['acupuncture', 'reflexology']),
        preferences: { wanted: ['cupping'], declined: [], needleAversion: false },
        findingsFor: (t) =>
          t === 'cupping'
            ? [
                {
                  severity: 'major',
                  summary: 'warfarin',
                  management: 'no wet cupping',
                  sources: ['https://x.org/3'],
                },
              ]
            : [],
      }),
    );
    expect(unranked.map((r) => r.therapy.id)).toEqual(['cupping', 'reflexology']);
    expect(unranked[0]).toMatchObject({
      direction: 'no-evidence',
      best: null,
      suggested: false,
      safety: { level: 'caution' },
    });
    expect(recommendations.some((r) => r.therapy.id === 'cupping')).toBe(false);
  });
});
