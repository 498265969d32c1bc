import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import type { IntakeView } from '../../api/types.ts';
import { formatInstantInZone } from '../time/format.ts';
import { useIntake } from './intake-queries.ts';

/** Where the questionnaire stands, in a few words for the portal home page. */
export function intakeStatusText(intake: IntakeView | null, timeZone: string): string {
  if (!intake) return 'Not started yet. You can save your answers and finish later.';
  if (intake.status === 'submitted')
    return intake.submittedAt
      ? `Sent to your care team on ${formatInstantInZone(intake.submittedAt, timeZone, { withDate: true })}.`
      : 'Sent to your care team.';
  return `Draft saved on ${formatInstantInZone(intake.updatedAt, timeZone, { withDate: true })}; not sent yet.`;
}

/** The portal home's links to the health questionnaire (with where it stands) and to the plan. */
export function CareShortcuts({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const headingId = useId();
  const intake = useIntake(patientId);
  const status = intake.isPending
    ? 'Checking where your questionnaire stands…'
    : intake.isError
      ? 'Could not check where your questionnaire stands.'
      : intakeStatusText(intake.data.intake, timeZone);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Your care
        </Title>
        <Stack gap={2}>
          <Anchor component={Link} to="/patient/intake" fw={600}>
            Your health questionnaire
          </Anchor>
          <Text size="sm">{status}</Text>
        </Stack>
        <Stack gap={2}>
          <Anchor component={Link} to="/patient/plan" fw={600}>
            My plan
          </Anchor>
          <Text size="sm">Your goals, therapies and reading, after your consultation.</Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
