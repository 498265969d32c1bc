import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import type { IntakeView } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { Notice } from '../scheduling/Notice.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { IntakeForm } from './IntakeForm.tsx';
import { IntakeSummary } from './IntakeSummary.tsx';
import { useIntake, useSaveIntake } from './intake-queries.ts';

interface IntakePanelProps {
  patientId: string;
  timeZone: string;
}

/** The questionnaire while it is a draft; once sent, what was sent and a way to update it. */
export function IntakePanel({ patientId, timeZone }: IntakePanelProps) {
  const intake = useIntake(patientId);
  const [justSubmitted, setJustSubmitted] = useState(false);

  if (intake.isPending) return <LoadingState label="Loading your questionnaire" />;
  if (intake.isError)
    return (
      <ErrorState
        title="Could not load your questionnaire"
        error={intake.error}
        onRetry={() => void intake.refetch()}
      />
    );
  const current = intake.data.intake;
  if (current?.status === 'submitted')
    return (
      <Submitted patientId={patientId} intake={current} timeZone={timeZone} justSubmitted={justSubmitted} />
    );
  return (
    <IntakeForm
      patientId={patientId}
      draft={current}
      timeZone={timeZone}
      onSubmitted={() => setJustSubmitted(true)}
    />
  );
}

function Submitted({
  patientId,
  intake,
  timeZone,
  justSubmitted,
}: {
  patientId: string;
  intake: IntakeView;
  timeZone: string;
  justSubmitted: boolean;
}) {
  const update = useSaveIntake(patientId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After sending, the form is replaced by this view: the focus goes to its heading, not the page top.
  useEffect(() => {
    if (justSubmitted) headingRef.current?.focus();
  }, [justSubmitted]);
  const when = intake.submittedAt
    ? formatInstantInZone(intake.submittedAt, timeZone, { withDate: true })
    : null;

  return (
    <Stack gap="md">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        Your answers were sent to your care team
      </Title>
      {justSubmitted && (
        <Notice tone="success" title="Thank you" role="status">
          Your care team will read your answers before your first consultation. Your medicines, supplements
          and allergies are now on your record for them to check.
        </Notice>
      )}
      {when && <Text>Sent on {when}.</Text>}
      <Group gap="sm">
        <Button variant="default" loading={update.isPending} onClick={() => update.mutate(intake.answers)}>
          Update my answers
        </Button>
        <Button component={Link} to="/patient" variant="subtle">
          Back to your portal
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        “Update my answers” opens a new draft with these answers; send it again when you are done.
      </Text>
      {update.isError && (
        <Alert color="red" title="Could not open a new draft" role="alert">
          {errorMessage(update.error)}
        </Alert>
      )}
      <IntakeSummary answers={intake.answers} />
    </Stack>
  );
}
