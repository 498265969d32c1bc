import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { PainChart, ScoreCharts, SessionsTable, SleepChart } from './ProgressCharts.tsx';
import { AdherenceSummary, GoalsTable, ResponseFlag, WeeklySummary } from './ProgressParts.tsx';
import { reviewDateInWords } from './progress-format.ts';
import { reviewPath, useProgress } from './progress-queries.ts';
import type { ProgressView } from './progress-types.ts';

/** "Progress" on the clinician's patient page: charts, the response flag, adherence, goals, review. */
export function ProgressSection({ patientId }: { patientId: string }) {
  const headingId = useId();
  const progress = useProgress(patientId);

  let body: React.ReactNode;
  if (progress.isPending) body = <LoadingState label="Loading progress" />;
  else if (progress.isError)
    body = (
      <ErrorState
        title="Could not load progress"
        error={progress.error}
        onRetry={() => void progress.refetch()}
      />
    );
  else body = <ProgressBody patientId={patientId} progress={progress.data} />;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          Progress
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}

function ReviewStatus({ patientId, progress }: { patientId: string; progress: ProgressView }) {
  const review = progress.review;
  if (!review) return <Text size="sm">No plan yet, so nothing to review.</Text>;
  const when = reviewDateInWords(review.reviewDate, progress.today, formatCalendarDate);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm">
        {review.due ? (
          <>
            <strong>Plan review due</strong> for version {review.version}: {when}.
          </>
        ) : (
          <>
            Plan version {review.version}: review date {when}. No review is due yet.
          </>
        )}
      </Text>
      <Button component={Link} to={reviewPath(patientId)} variant={review.due ? 'filled' : 'default'}>
        {review.due ? 'Review plan' : 'Review now'}
      </Button>
    </Group>
  );
}

function ProgressBody({ patientId, progress }: { patientId: string; progress: ProgressView }) {
  return (
    <Stack gap="lg">
      <ReviewStatus patientId={patientId} progress={progress} />
      <Stack gap="xs">
        <Title order={3} size="h4">
          Response to the plan
        </Title>
        <ResponseFlag response={progress.response} />
        <WeeklySummary progress={progress} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Goals
        </Title>
        <GoalsTable progress={progress} caption="Goals of the current plan" />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Adherence
        </Title>
        <AdherenceSummary adherence={progress.adherence} />
      </Stack>
      <Stack gap="md">
        <Title order={3} size="h4">
          Charts
        </Title>
        <Text size="sm">
          The last 120 days, dates in the patient's time zone ({progress.timeZone}). Each chart's data is also
          available as a table.
        </Text>
        <PainChart progress={progress} order={4} />
        <SessionsTable progress={progress} />
        <ScoreCharts progress={progress} order={4} />
        <SleepChart progress={progress} order={4} />
      </Stack>
    </Stack>
  );
}
