import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { SafetyFinding } from '../../api/types.ts';
import { formatInstantInZone } from '../time/format.ts';
import { AcknowledgeFinding } from './AcknowledgeFinding.tsx';
import { SeverityBadge } from './SeverityBadge.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { evidenceLabel, severityTone } from './severity.ts';

interface FindingCardProps {
  patientId: string;
  finding: SafetyFinding;
  /** The patient's zone, for when the finding was acknowledged. */
  timeZone: string;
  canAcknowledge: boolean;
}

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

/** One finding for a clinician: what, why, what to do, how well it is known, and where it is written. */
export function FindingCard({ patientId, finding, timeZone, canAcknowledge }: FindingCardProps) {
  const titleId = useId();
  const title = finding.items.map((item) => item.name).join(' + ') || 'Finding';
  const ack = finding.acknowledged;
  // The Acknowledge button disappears once used, so focus moves to what replaced it.
  const ackRef = useRef<HTMLDivElement>(null);
  const [focusAck, setFocusAck] = useState(false);
  useEffect(() => {
    if (focusAck && ack) {
      ackRef.current?.focus();
      setFocusAck(false);
    }
  }, [focusAck, ack]);
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
          {finding.basis === 'inferred' && (
            <Badge variant="outline" color="gray" radius="sm">
              Inferred from properties
            </Badge>
          )}
          {ack && (
            <Badge variant="outline" color="teal" radius="sm">
              Acknowledged
            </Badge>
          )}
        </Group>
        <Title order={4} id={titleId} size="h5">
          {title}
        </Title>
        <Text size="sm">{finding.summary}</Text>
        <Stack component="dl" gap="xs" m={0}>
          <Detail term="Why">{finding.mechanism}</Detail>
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
        {ack ? (
          <Box
            ref={ackRef}
            tabIndex={-1}
            p="xs"
            bg="gray.0"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          >
            <Text size="sm">
              Acknowledged by {ack.by ?? 'a former clinician'},{' '}
              {formatInstantInZone(ack.at, timeZone, { withDate: true })}
            </Text>
            {ack.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Note: {ack.note}
              </Text>
            )}
          </Box>
        ) : (
          canAcknowledge && (
            <AcknowledgeFinding
              patientId={patientId}
              finding={finding}
              title={title}
              onSaving={() => setFocusAck(true)}
            />
          )
        )}
      </Stack>
    </Paper>
  );
}
