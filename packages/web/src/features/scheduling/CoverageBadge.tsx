import { Badge } from '@mantine/core';
import type { Coverage } from '../../api/types.ts';
import { type CoverageSummary, coverageToneStyle, summarizeCoverage } from './schedule-format.ts';

/** A coverage label on its colour, so colour is never the only signal. */
export function CoverageLabel({ summary }: { summary: CoverageSummary }) {
  const tone = coverageToneStyle[summary.tone];
  return (
    <Badge
      variant="filled"
      radius="sm"
      style={{ backgroundColor: tone.bg, color: tone.fg, border: `1px solid ${tone.edge}` }}
    >
      {summary.label}
    </Badge>
  );
}

/** A badge for bookings that need attention: waiting on paperwork, or self-pay. Nothing when covered. */
export function CoverageBadge({ coverage }: { coverage: Partial<Coverage> }) {
  const summary = summarizeCoverage(coverage);
  if (summary.tone === 'covered' || summary.tone === 'unknown') return null;
  return <CoverageLabel summary={summary} />;
}
