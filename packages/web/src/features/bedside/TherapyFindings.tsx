import { Alert, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { CheckFinding } from '../../api/types.ts';
import { findingItemId } from '../regimen/draft-preview.ts';
import { SeverityBadge } from '../safety/SeverityBadge.tsx';
import { SourceLinks } from '../safety/SourceLinks.tsx';
import { evidenceLabel, severityTone } from '../safety/severity.ts';
import { humanizeId } from './bedside-format.ts';

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>
        {term}
      </Text>
      <Box component="dd" m={0} fz="sm">
        {children}
      </Box>
    </div>
  );
}

function TherapyFinding({ finding, headingOrder }: { finding: CheckFinding; headingOrder: 4 | 5 }) {
  const titleId = useId();
  const title = finding.items
    .map((item) => (typeof item === 'string' ? humanizeId(item) : item.name))
    .join(' + ');
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      p="sm"
      style={{ borderLeft: `6px solid ${severityTone[finding.severity].edge}` }}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <SeverityBadge severity={finding.severity} />
        </Group>
        <Title order={headingOrder} size="h5" id={titleId}>
          {title || 'Finding'}
        </Title>
        <Text size="sm">{finding.summary}</Text>
        <Stack component="dl" gap="xs" m={0}>
          <Detail term="What to do">{finding.management}</Detail>
          <Detail term="Evidence">
            {evidenceLabel(finding.evidence)}
            {finding.basis === 'inferred' &&
              ' — inferred from the properties of the items, not a documented interaction'}
          </Detail>
          <Detail term="Sources">
            <SourceLinks sources={finding.sources} />
          </Detail>
        </Stack>
      </Stack>
    </Paper>
  );
}

interface TherapyFindingsProps {
  findings: readonly CheckFinding[];
  /** e.g. "Massage at the bedside". */
  serviceName: string;
  /** The level of each finding's heading (one below the heading above the list). */
  headingOrder?: 4 | 5;
}

/** What the safety check says about this therapy for this patient, with the order's precautions. */
export function TherapyFindings({ findings, serviceName, headingOrder = 4 }: TherapyFindingsProps) {
  if (findings.length === 0) {
    return (
      <Alert color="gray" variant="outline" title="No safety findings for this therapy" role="note">
        <Text size="sm">
          Meridian&apos;s knowledge base found nothing about {serviceName.toLowerCase()} with the marked
          precautions and the patient&apos;s active list. Use your own clinical judgement.
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {findings.map((finding) => (
        <TherapyFinding
          key={`${finding.ref}-${finding.items.map(findingItemId).join('+')}`}
          finding={finding}
          headingOrder={headingOrder}
        />
      ))}
    </Stack>
  );
}
