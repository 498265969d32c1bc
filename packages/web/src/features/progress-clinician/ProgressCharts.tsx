import { LineChart } from '@mantine/charts';
import { Box, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate, formatInstantInZone } from '../time/format.ts';
import {
  attendedSessions,
  bandsOf,
  chartStart,
  instrumentMax,
  instrumentTitle,
  painRows,
  planMarks,
  scoreTrend,
  sessionMarks,
  shortDate,
  sleepRows,
} from './progress-format.ts';
import type { ProgressInstrument, ProgressView } from './progress-types.ts';

type HeadingOrder = 3 | 4;

interface ChartFigureProps {
  title: string;
  order: HeadingOrder;
  /** One or two sentences saying what the chart shows. */
  description: ReactNode;
  /** Read out in place of the picture, which is hidden from screen readers' reading of the SVG. */
  chartLabel: string;
  /** The data table's accessible name, e.g. "Pain by day". */
  tableName: string;
  chart: ReactNode;
  table: ReactNode;
}

/**
 * A chart and the same data as a table behind a disclosure button, so screen-reader and keyboard users
 * get everything the picture shows.
 */
export function ChartFigure({
  title,
  order,
  description,
  chartLabel,
  tableName,
  chart,
  table,
}: ChartFigureProps) {
  const headingId = useId();
  const tableId = useId();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={order} size="h5" id={headingId}>
        {title}
      </Title>
      <Text size="sm">{description}</Text>
      <Box role="img" aria-label={`${chartLabel} The same data is in the table “${tableName}”.`}>
        {chart}
      </Box>
      <div>
        <UnstyledButton
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={tableId}
          fz="sm"
          c="blue.9"
          td="underline"
        >
          {open ? `Hide the table: ${tableName}` : `Show the table: ${tableName}`}
        </UnstyledButton>
      </div>
      <div id={tableId} hidden={!open}>
        {open && table}
      </div>
    </Stack>
  );
}

function DataTable({
  name,
  columns,
  rows,
  minWidth = 480,
}: {
  name: string;
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
  minWidth?: number;
}) {
  return (
    <TableScroll label={name}>
      <Table striped miw={minWidth} captionSide="top" verticalSpacing={4}>
        <Table.Caption>{name}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.header}
              </Table.Th>
              {r.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                <Table.Td key={i}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

const dash = '—';
const valueOrDash = (v: number | null | undefined) => (v === null || v === undefined ? dash : String(v));

const sessionColor = 'teal.9';
const planColor = 'grape.9';

/** Daily pain (diary average and now), attended sessions and plan versions marked on the time axis. */
export function PainChart({ progress, order }: { progress: ProgressView; order: HeadingOrder }) {
  const rows = painRows(progress);
  const start = chartStart(progress);
  if (!start || rows.length === 0)
    return (
      <Stack gap="xs">
        <Title order={order} size="h5">
          Pain
        </Title>
        <Text size="sm">No diary entries, sessions or plan versions in the last 120 days.</Text>
      </Stack>
    );
  const sessions = sessionMarks(progress.sessions, start, progress.today);
  const plans = planMarks(progress.planVersions, start, progress.today);
  const marksOn = new Map<string, string[]>();
  for (const m of [...sessions, ...plans]) marksOn.set(m.date, [...(marksOn.get(m.date) ?? []), m.label]);
  const entries = progress.diary.filter((d) => d.date >= start);
  const sessionCount = attendedSessions(progress.sessions).filter(
    (s) => s.date >= start && s.date <= progress.today,
  ).length;

  const chartLabel =
    `Line chart of daily pain from ${formatCalendarDate(start)} to ${formatCalendarDate(progress.today)}: ` +
    `${entries.length} diary entries, ${sessionCount} attended ${sessionCount === 1 ? 'session' : 'sessions'} ` +
    `(${sessions.map((s) => `${s.label} ${shortDate(s.date)}`).join('; ') || 'none'}) and ` +
    `${plans.map((p) => `${p.label} ${shortDate(p.date)}`).join('; ') || 'no plan versions'} marked.`;

  return (
    <ChartFigure
      title="Pain"
      order={order}
      tableName="Pain by day"
      chartLabel={chartLabel}
      description={
        <>
          Average pain and pain now (0–10) from the diary. Vertical lines mark attended sessions (
          <Text span c={sessionColor} fw={700} inherit>
            labelled by therapy
          </Text>
          ) and new plan versions (
          <Text span c={planColor} fw={700} inherit>
            “Plan v1”, “Plan v2”…
          </Text>
          ).
        </>
      }
      chart={
        <LineChart
          h={300}
          data={rows}
          dataKey="date"
          series={[
            { name: 'average', label: 'Average pain', color: 'blue.8' },
            { name: 'now', label: 'Pain now', color: 'orange.9', strokeDasharray: '5 4' },
          ]}
          curveType="linear"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          withDots={false}
          accessibilityLayer={false}
          gridAxis="xy"
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 32 }}
          xAxisProps={{ tickFormatter: shortDate, minTickGap: 28 }}
          referenceLines={[
            ...sessions.map((m) => ({
              x: m.date,
              color: sessionColor,
              strokeDasharray: '2 2',
              label: { value: m.label, angle: -90, position: 'insideBottomLeft' as const, dx: 10, dy: -4 },
            })),
            ...plans.map((m) => ({
              x: m.date,
              color: planColor,
              strokeWidth: 2,
              label: m.label,
              labelPosition: 'insideTopRight' as const,
            })),
          ]}
        />
      }
      table={
        <DataTable
          name="Pain by day"
          columns={['Date', 'Average pain', 'Pain now', 'Worst pain', 'Sessions and plan versions']}
          rows={rows
            .filter((r) => r.average !== null || r.now !== null || r.worst !== null || marksOn.has(r.date))
            .map((r) => ({
              key: r.date,
              header: formatCalendarDate(r.date),
              cells: [
                valueOrDash(r.average),
                valueOrDash(r.now),
                valueOrDash(r.worst),
                marksOn.get(r.date)?.join('; ') ?? '',
              ],
            }))}
          minWidth={640}
        />
      }
    />
  );
}

/** The attended sessions behind the marks, as a table. */
export function SessionsTable({ progress }: { progress: ProgressView }) {
  const sessions = attendedSessions(progress.sessions);
  if (sessions.length === 0) return <Text size="sm">No sessions attended in the last 120 days.</Text>;
  return (
    <DataTable
      name="Attended sessions"
      columns={['Date', 'Therapy', 'Where', 'Pain before and after']}
      rows={sessions.map((s) => ({
        key: s.at,
        header: formatInstantInZone(s.at, progress.timeZone, { withDate: true }),
        cells: [
          s.service,
          s.kind === 'bedside' ? 'At the bedside' : 'Clinic visit',
          s.painBefore === null && s.painAfter === null
            ? dash
            : `${valueOrDash(s.painBefore)} → ${valueOrDash(s.painAfter)}`,
        ],
      }))}
      minWidth={560}
    />
  );
}

const scoreInstruments: ProgressInstrument[] = ['peg', 'phq-9', 'gad-7'];
const tableNames: Record<ProgressInstrument, string> = {
  peg: 'PEG scores',
  'phq-9': 'PHQ-9 scores',
  'gad-7': 'GAD-7 scores',
  'pain-nrs': 'Pain now scores',
};

/** One score chart a questionnaire answered (PEG, PHQ-9, GAD-7), with the published bands. */
export function ScoreCharts({ progress, order }: { progress: ProgressView; order: HeadingOrder }) {
  const answered = scoreInstruments.filter((i) => (progress.questionnaires[i]?.length ?? 0) > 0);
  if (answered.length === 0)
    return <Text size="sm">No PEG, PHQ-9 or GAD-7 answered in the last 120 days.</Text>;
  return (
    <Stack gap="lg">
      {answered.map((instrument) => {
        const points = progress.questionnaires[instrument]!;
        const bands = bandsOf(instrument);
        const max = instrumentMax[instrument];
        return (
          <ChartFigure
            key={instrument}
            title={instrumentTitle[instrument]}
            order={order}
            tableName={tableNames[instrument]}
            chartLabel={`Line chart of ${instrumentTitle[instrument]} scores: ${scoreTrend(points)}.`}
            description={
              <>
                {scoreTrend(points)}.{' '}
                {bands.length > 0
                  ? `Bands: ${bands.map((b) => `${b.label} ${b.from}–${b.to}`).join(', ')}.`
                  : 'The PEG has no published severity bands; it is followed as a number over time.'}
              </>
            }
            chart={
              <LineChart
                h={220}
                data={points.map((p) => ({ date: p.date, score: p.score }))}
                dataKey="date"
                series={[{ name: 'score', label: 'Score', color: 'blue.8' }]}
                curveType="linear"
                accessibilityLayer={false}
                gridAxis="none"
                yAxisProps={{
                  domain: [0, max],
                  ticks: bands.length > 0 ? [...bands.map((b) => b.from), max] : [0, 2, 4, 6, 8, 10],
                  width: 32,
                }}
                xAxisProps={{ tickFormatter: shortDate }}
                referenceLines={bands
                  .filter((b) => b.from > 0)
                  .map((b) => ({
                    y: b.from,
                    color: 'gray.7',
                    strokeDasharray: '3 3',
                    label: `${b.label} ${b.from}+`,
                    labelPosition: 'insideTopRight' as const,
                  }))}
              />
            }
            table={
              <DataTable
                name={tableNames[instrument]}
                columns={['Date', 'Score', 'Band']}
                rows={points.map((p, i) => ({
                  key: `${p.date}-${i}`,
                  header: formatCalendarDate(p.date),
                  cells: [String(p.score), p.band ?? 'No bands (followed as a number)'],
                }))}
              />
            }
          />
        );
      })}
    </Stack>
  );
}

/** Hours of sleep a night from the diary. */
export function SleepChart({ progress, order }: { progress: ProgressView; order: HeadingOrder }) {
  const rows = sleepRows(progress.diary);
  if (rows.length === 0)
    return (
      <Stack gap="xs">
        <Title order={order} size="h5">
          Sleep
        </Title>
        <Text size="sm">No sleep recorded in the diary in the last 120 days.</Text>
      </Stack>
    );
  const hours = rows.map((r) => r.hours ?? 0);
  return (
    <ChartFigure
      title="Sleep"
      order={order}
      tableName="Sleep by day"
      chartLabel={`Line chart of hours of sleep a night on ${rows.length} diary days, from ${Math.min(...hours)} to ${Math.max(...hours)} hours.`}
      description={`Hours of sleep a night from the diary, ${rows.length} days recorded.`}
      chart={
        <LineChart
          h={200}
          data={rows}
          dataKey="date"
          series={[{ name: 'hours', label: 'Hours of sleep', color: 'indigo.8' }]}
          curveType="linear"
          withDots={false}
          accessibilityLayer={false}
          gridAxis="xy"
          yAxisProps={{ domain: [0, 12], ticks: [0, 3, 6, 9, 12], width: 32 }}
          xAxisProps={{ tickFormatter: shortDate, minTickGap: 28 }}
        />
      }
      table={
        <DataTable
          name="Sleep by day"
          columns={['Date', 'Hours', 'Quality']}
          rows={rows.map((r) => ({
            key: r.date,
            header: formatCalendarDate(r.date),
            cells: [valueOrDash(r.hours), r.quality ?? dash],
          }))}
        />
      }
    />
  );
}
