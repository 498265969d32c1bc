import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { NotAssessedItem, SafetyFinding } from '../../api/types.ts';
import { joinNames } from '../regimen/regimen-format.ts';
import { SeverityBadge } from './SeverityBadge.tsx';
import { groupForPatient, severityTone } from './severity.ts';

interface PatientFindingsProps {
  findings: readonly SafetyFinding[];
  notAssessed: readonly NotAssessedItem[];
}

export const patientDecisionSupportText =
  'This list is decision support to help you and your care team talk, not medical advice. Do not stop a prescribed medicine without talking to your clinician first.';

/** The findings in plain words, grouped by how soon to raise them; the patient cannot acknowledge. */
export function PatientFindings({ findings, notAssessed }: PatientFindingsProps) {
  const headingId = useId();
  const groups = groupForPatient(findings);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Things to talk about with your care team
        </Title>
        <Text size="sm" fw={600}>
          {patientDecisionSupportText}
        </Text>
        {groups.length === 0 && (
          <Text size="sm">We found nothing to raise among the medicines and supplements we recognised.</Text>
        )}
        {groups.map((group) => (
          <Stack key={group.level} component="section" gap="xs" aria-label={group.label}>
            <Title order={3} size="h4">
              {group.label}
            </Title>
            {group.findings.map((finding) => (
              <Paper
                key={finding.id}
                withBorder
                p="sm"
                style={{ borderLeft: `6px solid ${severityTone[group.tone].edge}` }}
              >
                <Stack gap={4}>
                  <div>
                    <SeverityBadge severity={group.tone} label={group.label} />
                  </div>
                  <Text size="sm">{finding.plain}</Text>
                  <Text size="sm">
                    <strong>About:</strong> {joinNames(finding.items.map((item) => item.name))}
                  </Text>
                  {finding.acknowledged && <Text size="sm">Your care team has reviewed this.</Text>}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ))}
        {notAssessed.length > 0 && (
          <Alert color="gray" variant="outline" title="Not checked yet">
            <Text size="sm">
              We could not recognise {notAssessed.map((item) => `“${item.text}”`).join(', ')}, so{' '}
              {notAssessed.length === 1 ? 'it was' : 'they were'} not checked. That does not mean{' '}
              {notAssessed.length === 1 ? 'it is' : 'they are'} safe with your other medicines; your care team
              will review {notAssessed.length === 1 ? 'it' : 'them'}.
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
