import { describe, expect, it } from 'vitest';
import { fixtureKnowledge } from './fixture.test-data.ts';
import { stripDose } from './names.ts';
import { resolveItem } from './resolve.ts';
import { safetyCheck } from './safety-check.ts';
import { buildSafetyIndex } from './safety-index.ts';

const index = buildSafetyIndex(fixtureKnowledge);
const check = (...items: string[]) => safetyCheck(index, items);

describe('resolving what people write', () => {
  it('reads doses, brands, Latin names, abbreviations and odd spacing', () => {
    expect(stripDose("St. John's Wort 300mg TID")).toBe('st johns wort');
    const cases: [string, string][] = [
      ["St. John's Wort 300mg TID", 'st-johns-wort'],
      ['Coumadin 5 mg', 'warfarin'],
      ['fish oil 2 g', 'fish-oil'],
      ['Hypericum perforatum', 'st-johns-wort'],
      ['  GINKGO   BILOBA ', 'ginkgo'],
      ['SJW', 'st-johns-wort'],
      ['paracetamol 500 mg twice daily', 'acetaminophen'],
      ['omega-3 (fish oil)', 'fish-oil'],
    ];
    for (const [input, id] of cases) expect(resolveItem(index, input), input).toMatchObject({ id });
  });

  it('suggests the closest names for what it cannot resolve, and never calls it safe', () => {
    const report = check('ginko', 'warfarin');
    expect(report.unresolved).toEqual([{ input: 'ginko', suggestions: ['ginkgo'] }]);
    expect(report.resolved.map((r) => r.id)).toEqual(['warfarin']);
  });

  it('honours therapy: and condition: prefixes', () => {
    expect(resolveItem(index, 'therapy:massage')).toMatchObject({ id: 'massage', kind: 'therapy' });
    expect(resolveItem(index, 'condition:DVT')).toMatchObject({
      id: 'deep-vein-thrombosis',
      kind: 'condition',
    });
    expect(resolveItem(index, 'condition:massage')).toMatchObject({ suggestions: [] });
  });
});

describe('checking a regimen', () => {
  it('finds a documented class interaction (St John’s wort with sertraline, an SSRI)', () => {
    const [finding] = check('sertraline', "St John's wort").findings;
    expect(finding).toMatchObject({
      severity: 'major',
      kind: 'drug-supplement',
      basis: 'documented',
      items: ['sertraline', 'st-johns-wort'],
    });
    expect(finding!.sources.length).toBeGreaterThan(0);
  });

  it('keeps only the most specific documented rows for a pair', () => {
    const knowledge = {
      ...fixtureKnowledge,
      interactions: [
        ...fixtureKnowledge.interactions,
        {
          id: 'anticoagulant-ginkgo',
          a: 'class:anticoagulant',
          b: 'ginkgo',
          severity: 'minor' as const,
          effect: 'a class-level row that the specific row supersedes.',
          mechanism: 'class',
          management: 'Monitor.',
          evidence: 'pharmacological' as const,
          sources: ['https://pubmed.ncbi.nlm.nih.gov/00000001/'],
        },
      ],
    };
    const report = safetyCheck(buildSafetyIndex(knowledge), ['warfarin', 'ginkgo']);
    expect(report.findings.filter((f) => f.basis === 'documented').map((f) => f.ref)).toEqual([
      'warfarin-ginkgo',
    ]);
  });

  it('infers a strong-inducer / narrow-index finding and labels it inferred', () => {
    const { findings } = check('cyclosporine', 'SJW');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'major',
        basis: 'inferred',
        items: ['cyclosporine', 'st-johns-wort'],
      }),
    ]);
    expect(findings[0]!.summary).toContain('(inferred)');
  });

  it('does not infer what a study showed does not happen', () => {
    expect(check('cyclosporine', 'milk thistle').findings).toEqual([]);
  });

  it('adds up bleeding risk across warfarin and three supplements, on top of the documented pair', () => {
    const { findings } = check('warfarin', 'ginkgo', 'fish oil', 'turmeric');
    expect(findings.find((f) => f.basis === 'documented')).toMatchObject({ items: ['warfarin', 'ginkgo'] });
    const group = findings.find((f) => f.basis === 'inferred' && f.items.length === 4);
    expect(group).toMatchObject({ severity: 'major', items: ['warfarin', 'ginkgo', 'fish-oil', 'turmeric'] });
  });

  it('flags a therapy with a condition, and through a broader therapy', () => {
    expect(check('therapy:massage', 'condition:deep vein thrombosis').findings[0]).toMatchObject({
      severity: 'contraindicated',
      kind: 'therapy-condition',
      items: ['massage', 'deep-vein-thrombosis'],
    });
    expect(check('therapy:deep tissue massage', 'condition:DVT').findings[0]).toMatchObject({
      severity: 'contraindicated',
    });
  });

  it('flags a therapy with a medicine through the situation it creates (massage on warfarin)', () => {
    expect(check('therapy:massage', 'warfarin').findings).toEqual([
      expect.objectContaining({
        kind: 'therapy-medication',
        items: ['massage', 'warfarin'],
        severity: 'moderate',
      }),
    ]);
  });

  it('uses a surgery date from the context', () => {
    const soon = safetyCheck(index, ['ginkgo'], { surgeryDate: '2026-12-01', today: '2026-11-22' });
    expect(soon.findings).toEqual([
      expect.objectContaining({ kind: 'agent-condition', items: ['ginkgo', 'surgery-within-2-weeks'] }),
    ]);
    expect(
      safetyCheck(index, ['ginkgo'], { surgeryDate: '2027-02-01', today: '2026-11-22' }).findings,
    ).toEqual([]);
  });

  it('derives thrombocytopenia from a low platelet count in the context', () => {
    const knowledge = {
      ...fixtureKnowledge,
      conditions: [
        ...fixtureKnowledge.conditions,
        { id: 'thrombocytopenia', name: 'thrombocytopenia', kind: 'condition' as const },
      ],
      therapies: [...fixtureKnowledge.therapies, { id: 'acupuncture', name: 'acupuncture' }],
      precautions: [
        ...fixtureKnowledge.precautions,
        {
          id: 'acupuncture-thrombocytopenia',
          subject: 'therapy:acupuncture',
          condition: 'thrombocytopenia',
          severity: 'moderate' as const,
          reason: 'needling may bleed with few platelets.',
          management: 'Use fewer, finer needles.',
          evidence: 'case-reports' as const,
          sources: ['https://pubmed.ncbi.nlm.nih.gov/00000002/'],
        },
      ],
      derivedConditions: [
        ...fixtureKnowledge.derivedConditions,
        {
          condition: 'thrombocytopenia',
          whenLab: { lab: 'plateletCount' as const, below: 150 },
          sources: ['https://pubmed.ncbi.nlm.nih.gov/00000003/'],
        },
      ],
    };
    const idx = buildSafetyIndex(knowledge);
    expect(safetyCheck(idx, ['therapy:acupuncture'], { plateletCount: 42 }).findings[0]).toMatchObject({
      kind: 'therapy-condition',
      items: ['acupuncture', 'thrombocytopenia'],
    });
    expect(safetyCheck(idx, ['therapy:acupuncture'], { plateletCount: 220 }).findings).toEqual([]);
  });

  it('reports the same ingredient written twice', () => {
    expect(check('Tylenol', 'acetaminophen 500 mg').findings[0]).toMatchObject({
      kind: 'duplicate-ingredient',
      items: ['acetaminophen'],
    });
  });

  it('orders findings from most to least severe', () => {
    const severities = check(
      'warfarin',
      'ginkgo',
      'fish oil',
      'turmeric',
      'therapy:massage',
      'condition:DVT',
    ).findings.map((f) => f.severity);
    const rank = { contraindicated: 4, major: 3, moderate: 2, minor: 1 };
    expect(severities).toEqual([...severities].sort((a, b) => rank[b] - rank[a]));
    expect(severities[0]).toBe('contraindicated');
  });
});

describe('conditions with broader conditions', () => {
  it('applies the precautions of a broader condition to a specific one', () => {
    const knowledge = {
      ...fixtureKnowledge,
      conditions: [
        ...fixtureKnowledge.conditions,
        {
          id: 'proximal-dvt',
          name: 'proximal deep vein thrombosis',
          kind: 'condition' as const,
          parent: 'deep-vein-thrombosis',
        },
      ],
    };
    const report = safetyCheck(buildSafetyIndex(knowledge), [
      'therapy:massage',
      'condition:proximal deep vein thrombosis',
    ]);
    expect(report.findings[0]).toMatchObject({
      severity: 'contraindicated',
      items: ['massage', 'deep-vein-thrombosis'],
    });
  });
});
