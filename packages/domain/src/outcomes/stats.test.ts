import { describe, expect, it } from 'vitest';
import { pairedChange, studentTCdf, studentTQuantile } from './stats.ts';

describe('Student t', () => {
  it('gives the textbook two-sided 95% critical values', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.975, 100000)).toBeCloseTo(1.96, 2);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 10);
  });
});

describe('paired change with a 95% CI', () => {
  it('matches a hand computation', () => {
    // Differences -2, -3, -1, -2: mean -2, sd sqrt(2/3), se 0.4082, t(0.975, 3) = 3.182.
    const r = pairedChange([
      { baseline: 7, followUp: 5 },
      { baseline: 6, followUp: 3 },
      { baseline: 5, followUp: 4 },
      { baseline: 8, followUp: 6 },
    ]);
    expect(r).toMatchObject({ n: 4, baselineMean: 6.5, followUpMean: 4.5, meanChange: -2 });
    expect(r.ci95![0]).toBeCloseTo(-3.3, 1);
    expect(r.ci95![1]).toBeCloseTo(-0.7, 1);
  });

  it('has no interval for a single pair and refuses none', () => {
    expect(pairedChange([{ baseline: 5, followUp: 3 }]).ci95).toBeNull();
    expect(() => pairedChange([])).toThrow();
  });
});
