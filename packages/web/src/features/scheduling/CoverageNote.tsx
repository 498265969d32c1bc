import { List, Stack, Text } from '@mantine/core';
import type { Coverage } from '../../api/types.ts';
import { CoverageLabel } from './CoverageBadge.tsx';
import { summarizeCoverage } from './schedule-format.ts';

interface CoverageNoteProps {
  coverage: Partial<Coverage>;
  /** Just the label and the cost, for lists. */
  compact?: boolean;
}

/** Whether the plan pays, what the patient pays, and what is still missing. */
export function CoverageNote({ coverage, compact = false }: CoverageNoteProps) {
  const summary = summarizeCoverage(coverage);
  if (compact) {
    return (
      <Text size="sm" component="div">
        <CoverageLabel summary={summary} /> {summary.cost}
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <CoverageLabel summary={summary} />
      {summary.details.length > 0 ? (
        <List size="sm" spacing={2}>
          {summary.details.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : (
        summary.cost && <Text size="sm">{summary.cost}</Text>
      )}
    </Stack>
  );
}
