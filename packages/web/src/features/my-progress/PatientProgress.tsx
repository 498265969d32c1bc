import { BarChart, LineChart, type LineChartProps } from '@mantine/charts';
import { Anchor, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import type { GoalStatus, ProgressView, QuestionnaireId } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import type { BadgeTone } from '../consultation/recommendation-format.ts';
import { ToneBadge } from '../consultation/ToneBadge.tsx';
import { questionnaireMax, questionnaireShortName } from '../questionnaires/questionnaire-format.ts';
import { formatCalendarDate, formatInstantInZone } from '../time/format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import {
  bandLines,
  bookedSessions,
  goalDetail,
  goalStatusWords,
  latestScoreSentence,
  type Mark,
  marksByDate,
  type PainRow,
  painRows,
  planMarks,
  rangeStart,
  type ScoreRow,
  type SleepRow,
  scoreRows,
  sessionMarks,
  sessionName,
  sincePlanSentence,
  sinceReviewSentence,
  sleepRows,
  tableDay,
  weeklyPainSentence,
  weeklySleepSentence,
} from './progress-data.ts';
import { useProgress } from './progress-queries.ts';

const ranges = [
  { value: '4', label: '4 weeks' },
  { value: '12', label: '12 weeks' },
];

const statusTone: Record<GoalStatus, BadgeTone> = {
  met: 'good',
  'on-track': 'info',
  'off-track': 'warning',
  'no-data': 'neutral',
};

const dash = (n: number | null) => (n === null ? '–' : String(n));

/** Mark labels keep a white halo, so they stay readable where they cross a line. */
const haloLabel = {
  fontSize: 11,
  stroke: 'var(--mantine-color-body)',
  strokeWidth: 3,
  paintOrder: 'stroke',
} as const;

/**
 * Sessions as dashed teal lines labelled low on the axis (pain is rarely near 0), plan versions as
 * solid violet lines labelled high, so that the two never share a spot.
 */
function markLines(marks: readonly Mark[]): NonNullable<LineChartProps['referenceLines']> {
  return marks.map((m) =>
    m.kind === 'session'
      ? {
          x: m.date,
          color: 'teal.8',
          strokeDasharray: '4 3',
          label: { value: m.label, angle: -90, position: 'insideBottomLeft', offset: 6, ...haloLabel },
        }
      : {
          x: m.date,
          color: 'violet.8',
          strokeWidth: 2,
          label: { value: m.label, angle: -90, position: 'insideTopRight', offset: 6, ...haloLabel },
        },
  );
}

/** The patient's progress: the week in words, pain and sleep charts, questionnaires and goals. */
export function PatientProgress({ patientId }: { patientId: string }) {
  const progress = useProgress(patientId, 90);
  const [weeks, setWeeks] = useState('12');
  const rangeLabelId = useId();

  if (progress.isPending) return <LoadingState label="Loading your progress" />;
  if (progress.isError)
    return (
      <ErrorState
        title="Could not load your progress"
        error={progress.error}
        onRetry={() => void progress.refetch()}
      />
    );

  const view = progress.data;
  const start = rangeStart(view.today, Number(weeks));
  const end = view.today;
  const pain = painRows(view.diary, start, end);
  const sleep = sleepRows(view.diary, start, end);
  const sessions = sessionMarks(view.sessions, start, end);
  const plans = planMarks(view.planVersions, start, end);
  const marks = [...sessions, ...plans];
  // Marks are drawn at a day's axis label.
  const labelOf = new Map(pain.map((r) => [r.date, r.label]));
  const lines = markLines(marks).map((l) => ({ ...l, x: labelOf.get(String(l.x)) ?? l.x }));
  const happened = marksByDate(marks);
  const painWithData = pain.filter(
    (r) => r.painNow !== null || r.painAverage !== null || happened.has(r.date),
  );

  return (
    <Stack gap="lg">
      <Group gap="sm" align="center">
        <Text id={rangeLabelId} fw={600}>
          Time shown
        </Text>
        <SegmentedControl
          aria-labelledby={rangeLabelId}
          data={ranges}
          value={weeks}
          onChange={setWeeks}
          color="blue"
        />
      </Group>

      <Summary view={view} />

      <ChartFigure<PainRow>
        title="Your pain"
        summary={
          <>
            Your average pain and your pain now, each day (0 = no pain, 10 = worst; lower is better).
            {sessions.length > 0 && ' Dashed lines mark your sessions;'}
            {plans.length > 0 && ' solid purple lines mark changes to your plan.'}
          </>
        }
        chart={
          <LineChart
            h={300}
            data={pain}
            dataKey="label"
            series={[
              { name: 'painAverage', label: 'Average pain', color: 'blue.8' },
              { name: 'painNow', label: 'Pain now', color: 'orange.8' },
            ]}
            curveType="linear"
            connectNulls
            withDots={weeks === '4'}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 36 }}
            xAxisProps={{ minTickGap: 18 }}
            referenceLines={lines}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
          />
        }
        tableName="Pain by day"
        rows={[...painWithData].reverse()}
        rowKey={(r) => r.date}
        columns={[
          { header: 'Day', cell: (r) => tableDay(r.date) },
          { header: 'Pain now', cell: (r) => dash(r.painNow) },
          { header: 'Average pain', cell: (r) => dash(r.painAverage) },
          { header: 'Worst pain', cell: (r) => dash(r.painWorst) },
          { header: 'Sessions and plan', cell: (r) => happened.get(r.date) ?? '' },
        ]}
        empty="No diary entries in this time yet."
      >
        <SessionsAndPlan view={view} start={start} />
      </ChartFigure>

      <ChartFigure<SleepRow>
        title="Your sleep"
        summary={weeklySleepSentence(view.weekly)}
        chart={
          <BarChart
            h={200}
            data={sleep}
            dataKey="label"
            series={[{ name: 'sleepHours', label: 'Hours of sleep', color: 'indigo.7' }]}
            yAxisProps={{ domain: [0, 12], ticks: [0, 3, 6, 9, 12], width: 36 }}
            xAxisProps={{ minTickGap: 18 }}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
          />
        }
        tableName="Sleep by day"
        rows={sleep.filter((r) => r.sleepHours !== null || r.sleepQuality !== null).reverse()}
        rowKey={(r) => r.date}
        columns={[
          { header: 'Day', cell: (r) => tableDay(r.date) },
          { header: 'Hours of sleep', cell: (r) => dash(r.sleepHours) },
          { header: 'Sleep quality', cell: (r) => r.sleepQuality ?? '–' },
        ]}
        empty="No sleep written down in this time yet."
      />

      {(['peg', 'phq-9', 'gad-7'] as const).map((id) => (
        <ScoresChart key={id} view={view} instrument={id} />
      ))}
      <Text>
        <Anchor component={Link} to="/patient/questionnaires">
          Answer a questionnaire
        </Anchor>
      </Text>

      <Goals view={view} />
    </Stack>
  );
}

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

function Summary({ view }: { view: ProgressView }) {
  const sincePlan = sincePlanSentence(view.response);
  return (
    <Section title="How you are doing">
      <Text size="lg" fw={600}>
        {weeklyPainSentence(view.weekly)}
      </Text>
      <Text>{weeklySleepSentence(view.weekly)}</Text>
      <Title order={3} size="h4">
        Since your last review
      </Title>
      <Text>{sinceReviewSentence(view.sinceLastReview)}</Text>
      {sincePlan && (
        <>
          <Title order={3} size="h4">
            Since your plan started
          </Title>
          <Text>{sincePlan}</Text>
        </>
      )}
      <Text size="sm" c="dimmed">
        Diary days in the last 4 weeks: {view.adherence.diaryDaysLast28} of 28. Sessions attended:{' '}
        {view.adherence.sessionsAttended}
        {view.adherence.sessionsPlanned > 0 ? ` of ${view.adherence.sessionsPlanned} in your plan` : ''}.
      </Text>
    </Section>
  );
}

/** The sessions attended in the chart's time and the plan's versions, as a short table and list. */
function SessionsAndPlan({ view, start }: { view: ProgressView; start: string }) {
  const attended = view.sessions.filter(
    (s) => s.status === 'attended' && s.date >= start && s.date <= view.today,
  );
  const booked = bookedSessions(view.sessions, view.today);
  const plans = view.planVersions.filter((v) => v.date >= start);
  return (
    <Stack gap="xs">
      {attended.length > 0 ? (
        <TableScroll label="Sessions attended">
          <Table captionSide="top" withTableBorder>
            <Table.Caption>Sessions attended</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                <Table.Th scope="col">Session</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attended.map((s) => (
                <Table.Tr key={s.at}>
                  <Table.Td>{tableDay(s.date)}</Table.Td>
                  <Table.Td>{sessionName(s)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : (
        <Text size="sm">No sessions attended in this time.</Text>
      )}
      {booked.length > 0 && (
        <Text size="sm">
          Coming up:{' '}
          {booked
            .map(
              (s) => `${sessionName(s)} on ${formatInstantInZone(s.at, view.timeZone, { withDate: true })}`,
            )
            .join('; ')}
          .
        </Text>
      )}
      {plans.length > 0 && (
        <List size="sm" spacing={4}>
          {plans.map((v) => (
            <List.Item key={v.version}>
              Plan v{v.version}, {formatCalendarDate(v.date)}: {v.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const scoreTitles: Record<QuestionnaireId, string> = {
  peg: 'Pain and daily life (PEG)',
  'phq-9': 'Mood (PHQ-9)',
  'gad-7': 'Worry and anxiety (GAD-7)',
  'pain-nrs': 'Pain now',
};

function ScoresChart({ view, instrument }: { view: ProgressView; instrument: QuestionnaireId }) {
  const rows = scoreRows(view, instrument);
  if (rows.length === 0) return null;
  const max = questionnaireMax[instrument];
  const name = questionnaireShortName[instrument];
  return (
    <ChartFigure<ScoreRow>
      title={scoreTitles[instrument]}
      summary={latestScoreSentence(rows)}
      chart={
        <LineChart
          h={180}
          data={rows}
          dataKey="label"
          series={[{ name: 'score', label: `${name} score`, color: 'blue.8' }]}
          curveType="linear"
          yAxisProps={{
            domain: [0, max],
            ticks: [0, ...bandLines(instrument).map((b) => b.y), max],
            width: 36,
          }}
          referenceLines={bandLines(instrument).map((b) => ({
            y: b.y,
            color: 'gray.7',
            strokeDasharray: '2 4',
            label: b.label,
            labelPosition: 'insideTopRight',
          }))}
          accessibilityLayer={false}
          tooltipAnimationDuration={0}
        />
      }
      tableName={`${name} scores`}
      rows={[...rows].reverse()}
      rowKey={(r) => r.date}
      columns={[
        { header: 'Day', cell: (r) => tableDay(r.date) },
        { header: 'Score and what it means', cell: (r) => r.meaning },
      ]}
    />
  );
}

function Goals({ view }: { view: ProgressView }) {
  return (
    <Section title="Your goals">
      {view.goals.length === 0 ? (
        <Text>Your goals will show here once your plan has them.</Text>
      ) : (
        <ul
          style={{
            listStyle: 'none',
            padding: 0,
            margin: 0,
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
          }}
        >
          {view.goals.map((g) => (
            <li key={g.goalId}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{g.what}</Text>
                <ToneBadge tone={statusTone[g.status]}>{goalStatusWords[g.status]}</ToneBadge>
              </Group>
              <Text size="sm">{goalDetail(g)}</Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
