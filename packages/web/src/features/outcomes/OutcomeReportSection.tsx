import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { ChangeChart } from './ChangeChart.tsx';
import { MethodSection } from './MethodSection.tsx';
import {
  changeBars,
  formatChange,
  formatScore,
  formatShare,
  groupByLabel,
  listInWords,
  measureName,
  type OutcomeFilters,
  reportCsvHref,
  suppressedGroupNames,
  suppressedText,
} from './outcomes-format.ts';
import { useOutcomeReport } from './outcomes-queries.ts';
import type { OutcomeReport } from './outcomes-types.ts';

function titleOf(filters: OutcomeFilters): string {
  const measure = filters.measure === 'pain' ? 'pain' : 'PEG score';
  return `Change in ${measure} by ${groupByLabel(filters.groupBy).toLowerCase()}`;
}

function ReportTable({ report, caption }: { report: OutcomeReport; caption: string }) {
  const measure = report.measure === 'pain' ? 'pain' : 'PEG';
  return (
    <Stack gap={4}>
      <TableScroll label={caption}>
        <Table striped captionSide="top" miw={720}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{groupByLabel(report.groupBy)}</Table.Th>
              <Table.Th scope="col">Patients</Table.Th>
              <Table.Th scope="col">Baseline mean</Table.Th>
              <Table.Th scope="col">Follow-up mean</Table.Th>
              <Table.Th scope="col">Mean change (95% CI)</Table.Th>
              <Table.Th scope="col">Improved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.group.id}>
                <Table.Th scope="row" fw={500}>
                  {r.group.name}
                </Table.Th>
                {r.suppressed || r.n === null ? (
                  <Table.Td colSpan={5}>
                    <Text size="sm" fs="italic">
                      {suppressedText(report.minimumCellSize)}
                    </Text>
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{r.n}</Table.Td>
                    <Table.Td>{r.baselineMean === null ? '' : formatScore(r.baselineMean)}</Table.Td>
                    <Table.Td>{r.followUpMean === null ? '' : formatScore(r.followUpMean)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {r.meanChange === null ? '' : formatChange(r.meanChange, r.ci95)}
                    </Table.Td>
                    <Table.Td>{r.improvedShare === null ? '' : formatShare(r.improvedShare)}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Text size="sm">
        Means are of {measure} on a 0–10 scale. A negative change is a fall. “Improved” is the share of
        patients whose {measure} fell by at least 2 points or 30%.
      </Text>
    </Stack>
  );
}

function ReportBody({
  report,
  filters,
  title,
}: {
  report: OutcomeReport;
  filters: OutcomeFilters;
  title: string;
}) {
  const bars = changeBars(report.rows);
  const leftOut = suppressedGroupNames(report.rows);
  const measure = measureName(report.measure);
  const group = groupByLabel(report.groupBy).toLowerCase();
  const filtersInWords = [
    report.filters.therapy ? `${report.filters.therapy.name} sessions only` : null,
    report.filters.condition ? `patients with ${report.filters.condition.name.toLowerCase()} only` : null,
  ].filter((x): x is string => x !== null);
  const tableName = `${title}, ${report.period.from} to ${report.period.to}`;
  return (
    <Stack gap="md">
      <Text>
        {formatCalendarDate(report.period.from)} to {formatCalendarDate(report.period.to)}
        {filtersInWords.length > 0 ? `; ${filtersInWords.join(', ')}` : ''}.
      </Text>
      {report.rows.length === 0 ? (
        <Text>No patients had a session in this period, so there are no groups to show.</Text>
      ) : (
        <>
          {bars.length > 0 ? (
            <ChangeChart
              bars={bars}
              axisLabel="Mean change (points)"
              legend={`Bars left of 0 are a fall in ${measure}; the whiskers are the 95% confidence intervals.`}
              label={`Bar chart of the mean change in ${measure} by ${group}, with 95% confidence intervals. The same numbers are in the table “${tableName}”.`}
            />
          ) : (
            <Text>
              Every group has fewer than {report.minimumCellSize} patients, so there is nothing to chart.
            </Text>
          )}
          {leftOut.length > 0 && bars.length > 0 && (
            <Text size="sm">
              Left out of the chart (fewer than {report.minimumCellSize} patients): {listInWords(leftOut)}.
            </Text>
          )}
          <ReportTable report={report} caption={tableName} />
        </>
      )}
      <MethodSection definitions={report.definitions} method={report.method} />
      <Group>
        <Button component="a" href={reportCsvHref(filters)} download variant="outline">
          Download CSV
        </Button>
      </Group>
    </Stack>
  );
}

/** The outcome report of the filters: chart, table, method and CSV download. */
export function OutcomeReportSection({ filters }: { filters: OutcomeFilters }) {
  const report = useOutcomeReport(filters);
  const headingId = useId();
  const title = titleOf(filters);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} id={headingId}>
          {title}
        </Title>
        {report.isPending ? (
          <LoadingState label="Loading the outcome report" />
        ) : report.isError ? (
          <ErrorState
            title="Could not load the outcome report"
            error={report.error}
            {...(isApiError(report.error, 403) ? {} : { onRetry: () => void report.refetch() })}
          />
        ) : (
          <ReportBody report={report.data} filters={filters} title={title} />
        )}
      </Stack>
    </Paper>
  );
}
