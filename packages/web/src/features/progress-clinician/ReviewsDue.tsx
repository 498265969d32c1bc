import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { usePatientList } from '../patients/patient-queries.ts';
import { formatCalendarDate } from '../time/format.ts';
import { reviewDateInWords } from './progress-format.ts';
import { reviewPath, useReviewsDue } from './progress-queries.ts';

/** The clinician's worklist of plan reviews due (GET /api/reviews/due), each linking to its review. */
export function ReviewsDue() {
  const headingId = useId();
  const reviews = useReviewsDue();
  // The worklist sits below the patient list and appears once that list has loaded (the same cached
  // query), so the rows above never shift under the reader while the page fills in.
  const patients = usePatientList('');

  let body: React.ReactNode;
  if (reviews.isPending || patients.isPending) body = <LoadingState label="Loading reviews due" />;
  else if (reviews.isError)
    body = (
      <ErrorState
        title="Could not load the reviews due"
        error={reviews.error}
        onRetry={() => void reviews.refetch()}
      />
    );
  else if (reviews.data.length === 0) body = <Text>No reviews due</Text>;
  else
    body = (
      <TableScroll label="Reviews due">
        <Table striped miw={520} captionSide="top" verticalSpacing="xs">
          <Table.Caption>Care plans whose review is due, earliest review date first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Patient</Table.Th>
              <Table.Th scope="col">Review date</Table.Th>
              <Table.Th scope="col">Plan version</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.data.map((r) => (
              <Table.Tr key={r.patient.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={reviewPath(r.patient.id)} underline="always">
                    {r.patient.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{reviewDateInWords(r.reviewDate, r.today, formatCalendarDate)}</Table.Td>
                <Table.Td>Version {r.version}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    );

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Reviews due
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}
