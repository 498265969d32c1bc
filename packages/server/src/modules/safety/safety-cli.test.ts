import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../../../bin/meridian.mjs');

function safetyCheck(...items: string[]) {
  const out = spawnSync(process.execPath, [bin, 'safety-check', '--json', ...items], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as {
    resolved: { input: string; id: string; name: string; kind: string }[];
    unresolved: { input: string; suggestions: string[] }[];
    findings: { severity: string; kind: string; items: string[]; basis: string; sources: string[] }[];
  };
}

describe('npx meridian safety-check --json', () => {
  it('reports the documented warfarin pairs and an inferred additive-bleeding finding across the three supplements', () => {
    const report = safetyCheck('warfarin', 'ginkgo', 'fish oil', 'turmeric');
    expect(report.resolved.map((r) => r.id)).toEqual(['warfarin', 'ginkgo', 'fish-oil', 'turmeric']);
    const documented = report.findings
      .filter((f) => f.basis === 'documented')
      .map((f) => [...f.items].sort().join('+'));
    expect(documented).toEqual(
      expect.arrayContaining(['ginkgo+warfarin', 'fish-oil+warfarin', 'turmeric+warfarin']),
    );
    const additive = report.findings.find(
      (f) => f.basis === 'inferred' && ['ginkgo', 'fish-oil', 'turmeric'].every((id) => f.items.includes(id)),
    );
    expect(additive).toBeDefined();
    expect(report.findings.every((f) => f.sources.length > 0)).toBe(true);
  });

  it('reports massage with a deep vein thrombosis as contraindicated', () => {
    const report = safetyCheck('therapy:massage', 'condition:deep vein thrombosis');
    expect(report.findings[0]).toMatchObject({ severity: 'contraindicated', kind: 'therapy-condition' });
  });

  it('leaves a misspelling unresolved and suggests the right name', () => {
    const report = safetyCheck('ginko');
    expect(report.resolved).toEqual([]);
    expect(report.unresolved).toEqual([{ input: 'ginko', suggestions: expect.arrayContaining(['ginkgo']) }]);
  });
});
