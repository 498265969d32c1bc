import { BarChart } from '@mantine/charts';
import { Box, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { MethodSection } from './MethodSection.tsx';
import {
  bedsideBars,
  formatBeforeAfter,
  formatChange,
  formatScore,
  formatShare,
  listInWords,
  suppressedServiceNames,
  suppressedText,
} from './outcomes-format.ts';
import { useBedsideReport } from './outcomes-queries.ts';
import type { BedsideReport, BedsideScore, Period } from './outcomes-types.ts';

const series = [
  { name: 'Pain before', color: 'orange.4' },
  { name: 'Pain after', color: 'orange.9' },
  { name: 'Anxiety before', color: 'indigo.3' },
  { name: 'Anxiety after', color: 'indigo.8' },
];

function ScoreCells({ score }: { score: BedsideScore }) {
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatBeforeAfter(score.meanBefore, score.meanAfter)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {score.meanChange === null ? '' : formatChange(score.meanChange, score.ci95)}
      </Table.Td>
      <Table.Td>{score.fellBy2Share === null ? '' : formatShare(score.fellBy2Share)}</Table.Td>
    </>
  );
}

function BedsideTable({ report, caption }: { report: BedsideReport; caption: string }) {
  return (
    <TableScroll label={caption}>
      <Table striped captionSide="top" miw={980}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Service</Table.Th>
            <Table.Th scope="col">Patients</Table.Th>
            <Table.Th scope="col">Sessions</Table.Th>
            <Table.Th scope="col">Pain before → after</Table.Th>
            <Table.Th scope="col">Pain change (95% CI)</Table.Th>
            <Table.Th scope="col">Pain fell by 2 or more</Table.Th>
            <Table.Th scope="col">Anxiety before → after</Table.Th>
            <Table.Th scope="col">Anxiety change (95% CI)</Table.Th>
            <Table.Th scope="col">Anxiety fell by 2 or more</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.services.map((s) => (
            <Table.Tr key={s.service.id}>
              <Table.Th scope="row" fw={500}>
                {s.service.name}
              </Table.Th>
              {s.suppressed || s.patients === null ? (
                <Table.Td colSpan={8}>
                  <Text size="sm" fs="italic">
                    {suppressedText(report.minimumCellSize)}
                  </Text>
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{s.patients}</Table.Td>
                  <Table.Td>{s.sessions}</Table.Td>
                  <ScoreCells score={s.pain} />
                  <ScoreCells score={s.anxiety} />
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function BedsideBody({ report }: { report: BedsideReport }) {
  const bars = bedsideBars(report.services);
  const leftOut = suppressedServiceNames(report.services);
  const tableName = `Bedside pain and anxiety by service, ${report.period.from} to ${report.period.to}`;
  return (
    <Stack gap="md">
      <Text>
        Pain and anxiety (0–10) asked just before and just after each bedside session,{' '}
        {formatCalendarDate(report.period.from)} to {formatCalendarDate(report.period.to)}.
      </Text>
      {report.services.length === 0 ? (
        <Text>No bedside sessions were recorded in this period.</Text>
      ) : (
        <>
          {bars.length > 0 ? (
            <Box
              role="img"
              aria-label={`Bar chart of the mean pain and anxiety before and after bedside sessions, by service. The same numbers are in the table “${tableName}”.`}
            >
              <BarChart
                h={300}
                data={bars}
                dataKey="service"
                series={series}
                yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], tickFormatter: String }}
                yAxisLabel="Mean score (0–10)"
                valueFormatter={(v) => formatScore(v)}
                withBarValueLabel
                withLegend
                // Keep the legend in the order of the bars (recharts sorts it by name otherwise).
                legendProps={{ verticalAlign: 'top', itemSorter: null }}
                textColor="gray.8"
                maxBarWidth={48}
                accessibilityLayer={false}
              />
            </Box>
          ) : (
            <Text>
              Every bedside service reached fewer than {report.minimumCellSize} patients, so there is nothing
              to chart.
            </Text>
          )}
          {leftOut.length > 0 && bars.length > 0 && (
            <Text size="sm">
              Left out of the chart (fewer than {report.minimumCellSize} patients): {listInWords(leftOut)}.
            </Text>
          )}
          <BedsideTable report={report} caption={tableName} />
        </>
      )}
      <MethodSection definitions={report.definitions} method={report.method} />
    </Stack>
  );
}

/** Before/after pain and anxiety per bedside service over the period of the report. */
export function BedsideReportSection({ period }: { period: Period }) {
  const report = useBedsideReport(period);
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} id={headingId}>
          Bedside services: pain and anxiety before and after
        </Title>
        {report.isPending ? (
          <LoadingState label="Loading the bedside report" />
        ) : report.isError ? (
          <ErrorState
            title="Could not load the bedside report"
            error={report.error}
            {...(isApiError(report.error, 403) ? {} : { onRetry: () => void report.refetch() })}
          />
        ) : (
          <BedsideBody report={report.data} />
        )}
      </Stack>
    </Paper>
  );
}
