import { Alert, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { useNow } from '../time/use-now.ts';
import { priorityColor, priorityLabel, waitedFor } from './waitlist-format.ts';
import { useDeskWaitlist, useWithdraw } from './waitlist-queries.ts';

/** The waitlist in the order freed slots are offered: urgent, soon, routine, then the longest wait. */
export function DeskWaitlist() {
  const list = useDeskWaitlist();
  const withdraw = useWithdraw();
  const now = useNow(60_000);
  const [message, setMessage] = useState<string | null>(null);
  if (list.isPending) return <LoadingState label="Loading the waitlist" />;
  if (list.isError)
    return (
      <ErrorState
        title="Could not load the waitlist"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  if (list.data.length === 0) return <Text>Nobody is waiting.</Text>;
  return (
    <>
      {message && (
        <Alert role="alert" color="red" variant="light">
          {message}
        </Alert>
      )}
      <TableScroll label="Waitlist">
        <Table striped miw={880} captionSide="top">
          <Table.Caption>In the order freed times are offered</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Priority</Table.Th>
              <Table.Th scope="col">Patient</Table.Th>
              <Table.Th scope="col">Service and location</Table.Th>
              <Table.Th scope="col">Waiting</Table.Th>
              <Table.Th scope="col">Reason (set by)</Table.Th>
              <Table.Th scope="col">Offer</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Badge color={priorityColor[e.priority]} variant="filled" autoContrast>
                    {priorityLabel[e.priority]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {e.patient?.name}{' '}
                  <Text span size="xs">
                    ({e.patient?.mrn})
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.service.name}, {e.location.name}
                </Table.Td>
                <Table.Td>{waitedFor(e.waitingSince, now)}</Table.Td>
                <Table.Td>
                  {e.reason} ({e.setBy})
                </Table.Td>
                <Table.Td>
                  {e.offer
                    ? `Offered ${formatInstantInZone(e.offer.start, e.location.timeZone, { withDate: true })}, until ${formatInstantInZone(e.offer.expiresAt, e.location.timeZone, { withDate: true })}`
                    : 'Waiting'}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Take ${e.patient?.name ?? 'this patient'} off the waitlist for ${e.service.name}`}
                    loading={withdraw.isPending}
                    onClick={() =>
                      withdraw.mutate(
                        { patientId: e.patient!.id, entryId: e.id },
                        { onError: (err) => setMessage(err.message), onSuccess: () => setMessage(null) },
                      )
                    }
                  >
                    Take off
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
