import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { CarePlanVersion, PatientPlanSummary } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { useCarePlan, useVisitSummaries } from './care-plan-queries.ts';
import {
  articlePath,
  formatLocalDate,
  goalDue,
  latestSummary,
  selfCareLine,
  supplementLine,
  therapyLine,
} from './plan-format.ts';

function Panel({ title, children }: { title: string; children: ReactNode }) {
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

function BookLink() {
  return (
    <Group>
      <Button component={Link} to="/patient/book">
        Book a visit
      </Button>
    </Group>
  );
}

/** The latest visit summary and the current plan, in plain words. */
export function MyPlan({ patientId }: { patientId: string }) {
  const plan = useCarePlan(patientId);
  const summaries = useVisitSummaries(patientId);

  if (plan.isPending || summaries.isPending) return <LoadingState label="Loading your plan" />;
  if (plan.isError)
    return (
      <ErrorState title="Could not load your plan" error={plan.error} onRetry={() => void plan.refetch()} />
    );

  const summary = summaries.isSuccess ? latestSummary(summaries.data.summaries) : null;
  const shown = plan.data.plan?.shown ?? null;

  if (!shown && !summary && !summaries.isError) {
    return (
      <Panel title="Your plan">
        <Text>Your plan will appear here after your consultation.</Text>
        <Text size="sm">
          Before then, you can fill in{' '}
          <Anchor component={Link} to="/patient/intake">
            your health questionnaire
          </Anchor>{' '}
          so your care team knows what matters to you.
        </Text>
        <BookLink />
      </Panel>
    );
  }

  return (
    <Stack gap="md">
      {summaries.isError && (
        <ErrorState
          title="Could not load your visit summary"
          error={summaries.error}
          onRetry={() => void summaries.refetch()}
        />
      )}
      {summary && (
        <VisitSummary
          summary={summary.patientSummary}
          clinician={summary.clinician}
          createdAt={summary.createdAt}
        />
      )}
      {shown ? (
        <PlanDetails version={shown} startedOn={plan.data.plan?.startedOn ?? null} />
      ) : (
        <Panel title="Your plan">
          <Text>Your plan will appear here after your consultation.</Text>
        </Panel>
      )}
      <BookLink />
    </Stack>
  );
}

function VisitSummary({
  summary,
  clinician,
  createdAt,
}: {
  summary: PatientPlanSummary;
  clinician: string;
  createdAt: string;
}) {
  return (
    <Panel title="From your last visit">
      <Text size="sm" c="dimmed">
        Written by {clinician} on {formatLocalDate(createdAt)}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{summary.intro}</Text>
      {summary.sections.map((section) => (
        <Stack key={section.heading} gap={4}>
          <Title order={3} size="h4">
            {section.heading}
          </Title>
          <List spacing={4}>
            {section.items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
      ))}
      <Text size="sm" fw={600}>
        {summary.notice}
      </Text>
    </Panel>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function PlanDetails({ version, startedOn }: { version: CarePlanVersion; startedOn: string | null }) {
  const { content } = version;
  return (
    <Panel title="Your plan">
      <Text size="sm" c="dimmed">
        {startedOn ? `Started ${formatCalendarDate(startedOn)}. ` : ''}
        Last changed {formatLocalDate(version.createdAt)}
        {version.lead?.name ? `. Your lead clinician is ${version.lead.name}.` : '.'}
      </Text>
      {version.goals.length > 0 && (
        <Part title="Your goals">
          <List spacing={4}>
            {version.goals.map((goal) => (
              <List.Item key={goal.id}>
                <Text span fw={600}>
                  {goal.what}
                </Text>
                <Text span>: {goalDue(goal)}</Text>
                <Text size="sm" c="dimmed">
                  How we measure it: {goal.howMeasured}
                </Text>
              </List.Item>
            ))}
          </List>
        </Part>
      )}
      {version.interventions.length > 0 && (
        <Part title="Your therapies">
          <List spacing={4}>
            {version.interventions.map((i) => (
              <List.Item key={i.id}>
                {therapyLine(i)}
                {i.notes && (
                  <Text size="sm" c="dimmed">
                    {i.notes}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Part>
      )}
      {content.selfCare.length > 0 && (
        <Part title="Things to do yourself">
          <List spacing={4}>
            {content.selfCare.map((s) => (
              <List.Item key={s.id}>{selfCareLine(s)}</List.Item>
            ))}
          </List>
        </Part>
      )}
      {content.supplements.length > 0 && (
        <Part title="Supplements">
          <List spacing={4}>
            {content.supplements.map((s) => (
              <List.Item key={`${s.action}-${s.name}`}>{supplementLine(s)}</List.Item>
            ))}
          </List>
        </Part>
      )}
      {version.education.length > 0 && (
        <Part title="Reading for you">
          <List spacing={6}>
            {version.education.map((article) => (
              <List.Item key={article.id}>
                <Anchor component={Link} to={articlePath(article.id)}>
                  {article.title}
                </Anchor>
                {article.summary && <Text size="sm">{article.summary}</Text>}
              </List.Item>
            ))}
          </List>
        </Part>
      )}
      {content.reviewDate && (
        <Text>
          Your care team will review this plan with you by {formatCalendarDate(content.reviewDate)}.
        </Text>
      )}
    </Panel>
  );
}
