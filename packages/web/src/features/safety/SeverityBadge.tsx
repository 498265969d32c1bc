import { Badge } from '@mantine/core';
import type { Severity } from '../../api/types.ts';
import { severityLabel, severityTone } from './severity.ts';

interface SeverityBadgeProps {
  severity: Severity;
  /** Defaults to the clinical label, e.g. "Major". */
  label?: string;
}

/** A severity in words on its colour, so colour is never the only signal. */
export function SeverityBadge({ severity, label }: SeverityBadgeProps) {
  const tone = severityTone[severity];
  return (
    <Badge
      variant="filled"
      radius="sm"
      style={{ backgroundColor: tone.bg, color: tone.fg, border: `1px solid ${tone.edge}` }}
    >
      {label ?? severityLabel[severity]}
    </Badge>
  );
}
