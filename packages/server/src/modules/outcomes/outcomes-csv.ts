import type { ReportRow } from './outcomes-service.ts';

/**
 * A text cell made safe for spreadsheets: a cell starting with = + - @ (or a tab or carriage return)
 * would be read as a formula, so it gets a leading single quote; commas, quotes and line breaks are quoted.
 */
export function csvText(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

// Numbers are written by us, never typed by a person, so a negative change stays a number ("-1.25").
const number = (x: number | null) => (x === null ? '' : String(x));

export const reportCsvHeader = [
  'group',
  'n',
  'baseline_mean',
  'follow_up_mean',
  'mean_change',
  'ci95_low',
  'ci95_high',
  'improved_share',
];

/** The report as CSV: a header row, then each group's name and numbers; no patient appears in it. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [reportCsvHeader.join(',')];
  for (const r of rows) {
    const cells = r.suppressed
      ? reportCsvHeader.slice(1).map(() => 'suppressed')
      : [
          number(r.n),
          number(r.baselineMean),
          number(r.followUpMean),
          number(r.meanChange),
          number(r.ci95?.[0] ?? null),
          number(r.ci95?.[1] ?? null),
          number(r.improvedShare),
        ];
    lines.push([csvText(r.group.name), ...cells].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
