import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { useRegimen } from '../regimen/regimen-queries.ts';
import { FindingCard } from './FindingCard.tsx';
import { NotAssessedList } from './NotAssessedList.tsx';
import { countFindings, groupBySeverity, severityTone } from './severity.ts';

interface SafetyPanelProps {
  patientId: string;
  timeZone: string;
  canAcknowledge: boolean;
}

/** The clinician's view of the patient's safety findings, most severe first. */
export function SafetyPanel({ patientId, timeZone, canAcknowledge }: SafetyPanelProps) {
  const headingId = useId();
  const regimen = useRegimen(patientId);

  let body: React.ReactNode;
  if (regimen.isPending) body = <LoadingState label="Checking safety findings" />;
  else if (regimen.isError)
    body = (
      <ErrorState
        title="Could not load the safety findings"
        error={regimen.error}
        onRetry={() => void regimen.refetch()}
      />
    );
  else {
    const { findings, notAssessed } = regimen.data;
    const groups = groupBySeverity(findings);
    body = (
      <Stack gap="md">
        {groups.length === 0 ? (
          <Alert color="gray" variant="outline" title="No interactions found">
            <Text size="sm">
              Meridian&apos;s knowledge base found no interactions among the recognised items.
              {notAssessed.length > 0 &&
                ` ${notAssessed.length} ${notAssessed.length === 1 ? 'item was' : 'items were'} not recognised and not checked (below).`}
            </Text>
          </Alert>
        ) : (
          groups.map((group) => (
            <Stack key={group.severity} component="section" gap="xs" aria-label={group.label}>
              <Title
                order={3}
                size="h4"
                pb={4}
                style={{ borderBottom: `3px solid ${severityTone[group.severity].edge}` }}
              >
                {group.label} · {countFindings(group.findings.length)}
              </Title>
              {group.findings.map((finding) => (
                <FindingCard
                  key={finding.id}
                  patientId={patientId}
                  finding={finding}
                  timeZone={timeZone}
                  canAcknowledge={canAcknowledge}
                />
              ))}
            </Stack>
          ))
        )}
        <NotAssessedList items={notAssessed} />
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Safety panel
        </Title>
        <Text size="sm" c="dimmed">
          Interactions and precautions among this patient&apos;s active items, rechecked whenever the list
          changes. Decision support: confirm with your own clinical judgement.
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
