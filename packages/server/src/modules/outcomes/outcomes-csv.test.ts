import { describe, expect, it } from 'vitest';
import { csvText, reportCsv } from './outcomes-csv.ts';
import type { ReportRow } from './outcomes-service.ts';

const row = (name: string, n: number | null): ReportRow => ({
  group: { kind: 'location', id: 'x', name },
  n,
  baselineMean: n && 6.5,
  followUpMean: n && 4.25,
  meanChange: n && -2.25,
  ci95: n ? [-3.1, -1.4] : null,
  improvedShare: n && 0.5,
  suppressed: n === null,
});

describe('the outcome CSV', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t'])
      expect(csvText(`${start}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvText('Phoenix')).toBe('Phoenix');
    expect(csvText('Rochester, MN')).toBe('"Rochester, MN"');
    expect(csvText('=1+1, "a"')).toBe(`"'=1+1, ""a"""`);
  });

  it('writes negative changes as numbers and suppressed groups as "suppressed"', () => {
    const csv = reportCsv([row('=cmd|calc', 12), row('Small', null)]);
    expect(csv.split('\r\n')).toEqual([
      'group,n,baseline_mean,follow_up_mean,mean_change,ci95_low,ci95_high,improved_share',
      "'=cmd|calc,12,6.5,4.25,-2.25,-3.1,-1.4,0.5",
      'Small,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed',
      '',
    ]);
  });
});
