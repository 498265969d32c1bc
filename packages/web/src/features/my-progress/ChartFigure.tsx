import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { TableScroll } from '../common/TableScroll.tsx';

export interface DataColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface ChartFigureProps<Row> {
  /** The heading, e.g. "Your pain". */
  title: string;
  /** What the chart shows, in a sentence or two (read by everyone). */
  summary: ReactNode;
  /** The chart itself; hidden from screen readers, which get the table instead. */
  chart: ReactNode;
  /** Names the table, e.g. "Pain by day". */
  tableName: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown when the table has no rows. */
  empty?: string;
  children?: ReactNode;
}

/**
 * A chart with the same numbers as a table: the table sits behind a "Show the numbers" button, and
 * the chart is hidden from screen readers, which have the summary and the table.
 */
export function ChartFigure<Row>({
  title,
  summary,
  chart,
  tableName,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show yet.',
  children,
}: ChartFigureProps<Row>) {
  const headingId = useId();
  const tableId = useId();
  const [open, setOpen] = useState(false);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Text>{summary}</Text>
        {rows.length > 0 && <div aria-hidden="true">{chart}</div>}
        {children}
        <div>
          <Button
            variant="subtle"
            size="compact-md"
            aria-expanded={open}
            aria-controls={tableId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? `Hide the numbers: ${tableName}` : `Show the numbers: ${tableName}`}
          </Button>
        </div>
        <div id={tableId} hidden={!open}>
          {open &&
            (rows.length === 0 ? (
              <Text size="sm">{empty}</Text>
            ) : (
              <TableScroll label={tableName}>
                <Table striped captionSide="top">
                  <Table.Caption>{tableName}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th key={c.header} scope="col">
                          {c.header}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={rowKey(row)}>
                        {columns.map((c, i) =>
                          i === 0 ? (
                            <Table.Th key={c.header} scope="row" fw={400}>
                              {c.cell(row)}
                            </Table.Th>
                          ) : (
                            <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
                          ),
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            ))}
        </div>
      </Stack>
    </Paper>
  );
}
