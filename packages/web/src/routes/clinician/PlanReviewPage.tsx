import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { useCarePlan } from '../../features/consultation/consultation-queries.ts';
import { formatPatientName } from '../../features/patients/patient-format.ts';
import { usePatientRecord } from '../../features/patients/patient-queries.ts';
import { PainChart, SessionsTable } from '../../features/progress-clinician/ProgressCharts.tsx';
import {
  AdherenceSummary,
  FindingsSinceReview,
  GoalsTable,
  ResponseFlag,
  ReviewHistory,
  WeeklySummary,
} from '../../features/progress-clinician/ProgressParts.tsx';
import {
  instrumentTitle,
  reviewDateInWords,
  scoreTrend,
} from '../../features/progress-clinician/progress-format.ts';
import { useProgress } from '../../features/progress-clinician/progress-queries.ts';
import type { ProgressInstrument, ReviewResult } from '../../features/progress-clinician/progress-types.ts';
import { ReviewForm, ReviewSaved } from '../../features/progress-clinician/ReviewForm.tsx';
import { formatCalendarDate } from '../../features/time/format.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The plan review: `/clinician/patients/:patientId/review`. */
export function PlanReviewPage() {
  const { patientId = '' } = useParams();
  const record = usePatientRecord(patientId);
  const progress = useProgress(patientId);
  const plan = useCarePlan(patientId, null);
  const [saved, setSaved] = useState<ReviewResult | null>(null);
  const back = (
    <Anchor component={Link} to={`/clinician/patients/${encodeURIComponent(patientId)}`} size="sm">
      ← Back to the patient record
    </Anchor>
  );

  if (record.isPending || progress.isPending || plan.isPending) {
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>Plan review</PageTitle>
        <ClinicalNotice />
        <LoadingState label="Loading the plan and the patient's progress" />
      </Stack>
    );
  }
  if (record.isError || progress.isError || plan.isError) {
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>Plan review unavailable</PageTitle>
        <ClinicalNotice />
        <ErrorState
          title="Could not load the review"
          error={record.error ?? progress.error ?? plan.error}
          onRetry={() => {
            void record.refetch();
            void progress.refetch();
            void plan.refetch();
          }}
        />
      </Stack>
    );
  }

  const name = formatPatientName(record.data.patient.name);
  const current = plan.data.plan;
  const data = progress.data;
  if (!current) {
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>{`Plan review: ${name}`}</PageTitle>
        <ClinicalNotice />
        <Text>No plan yet. The first version is made when a consultation is signed.</Text>
      </Stack>
    );
  }

  const version = current.shown;
  const answered = (['peg', 'phq-9', 'gad-7'] as ProgressInstrument[]).filter(
    (i) => (data.questionnaires[i]?.length ?? 0) > 0,
  );
  const reload = () => {
    setSaved(null);
    void plan.refetch();
    void progress.refetch();
  };

  return (
    <Stack gap="lg">
      {back}
      <PageTitle>{`Plan review: ${name}`}</PageTitle>
      <ClinicalNotice />
      <Text>
        Reviewing version {version.version}, the current plan
        {data.review
          ? `; review date ${reviewDateInWords(data.review.reviewDate, data.today, formatCalendarDate)}${
              data.review.due ? ', review due' : ', no review due yet'
            }`
          : ''}
        . Dates are in the patient's time zone ({data.timeZone}).
      </Text>

      <Section title="Goals">
        <GoalsTable progress={data} caption="Progress against each goal" />
      </Section>

      <Section title="Adherence">
        <AdherenceSummary adherence={data.adherence} />
      </Section>

      <Section title="Pain and response">
        <ResponseFlag response={data.response} />
        <Title order={3} size="h4">
          Weekly summary and since the last review
        </Title>
        <WeeklySummary progress={data} />
        <PainChart progress={data} order={3} />
        <SessionsTable progress={data} />
        {answered.length > 0 && (
          <>
            <Title order={3} size="h4">
              Questionnaires
            </Title>
            <Stack gap={2} component="ul" m={0} pl="md">
              {answered.map((i) => (
                <Text component="li" size="sm" key={i}>
                  {instrumentTitle[i]}: {scoreTrend(data.questionnaires[i]!)}
                </Text>
              ))}
            </Stack>
          </>
        )}
      </Section>

      <Section title="Safety findings since the last review">
        <FindingsSinceReview progress={data} />
      </Section>

      <Paper withBorder p="md">
        <ReviewHistory progress={data} order={2} />
      </Paper>

      {saved ? (
        <Stack gap="sm" align="flex-start">
          <ReviewSaved result={saved} />
          {back}
        </Stack>
      ) : (
        <ReviewForm
          key={version.version}
          patientId={patientId}
          version={version}
          onReload={reload}
          onSaved={setSaved}
        />
      )}
    </Stack>
  );
}
