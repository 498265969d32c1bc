import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { Fragment, useState } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { missingText } from './waitlist-format.ts';
import { useCoverageQueue, useRecordAuthorisation, type WaitingBooking } from './waitlist-queries.ts';

function RecordAuthorisation({
  booking,
  onDone,
}: {
  booking: WaitingBooking;
  onDone: (text: string) => void;
}) {
  const record = useRecordAuthorisation(booking.patient.id);
  const serviceId = booking.serviceId;
  const [kind, setKind] = useState<'referral' | 'prior_authorisation'>(
    booking.missing.includes('referral') ? 'referral' : 'prior_authorisation',
  );
  const [issuedBy, setIssuedBy] = useState('');
  const [reference, setReference] = useState('');
  const [validFrom, setValidFrom] = useState(new Date().toISOString().slice(0, 10));
  const [validUntil, setValidUntil] = useState('');
  const [visits, setVisits] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={`Record a ${kind === 'referral' ? 'referral' : 'prior authorisation'} for ${booking.patient.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate(
          {
            serviceId,
            kind,
            reference,
            issuedBy,
            validFrom,
            validUntil,
            ...(typeof visits === 'number' ? { visits } : {}),
          },
          {
            onSuccess: (r) =>
              onDone(
                `Recorded. ${r.noLongerWaiting} of ${r.rechecked} waiting booking(s) for ${booking.patient.name} no longer wait.`,
              ),
            onError: (e) => setError(e.message),
          },
        );
      }}
    >
      {error && (
        <Alert role="alert" color="red" variant="light">
          {error}
        </Alert>
      )}
      <Group grow align="flex-end">
        <Select
          label="Kind"
          data={[
            { value: 'referral', label: 'Referral' },
            { value: 'prior_authorisation', label: 'Prior authorisation' },
          ]}
          value={kind}
          onChange={(v) => setKind((v as typeof kind) ?? 'referral')}
          allowDeselect={false}
        />
        <TextInput
          label="Issued by"
          required
          value={issuedBy}
          onChange={(e) => setIssuedBy(e.currentTarget.value)}
        />
        <TextInput
          label="Reference"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
      </Group>
      <Group grow align="flex-end">
        <TextInput
          label="Valid from"
          type="date"
          required
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
        />
        <TextInput
          label="Valid until"
          type="date"
          required
          value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
        />
        <NumberInput
          label="Visits allowed (blank = no limit)"
          min={1}
          max={366}
          value={visits}
          onChange={setVisits}
        />
      </Group>
      <Group>
        <Button type="submit" loading={record.isPending}>
          Record
        </Button>
      </Group>
    </Stack>
  );
}

/** Bookings waiting on a referral or a prior authorisation, soonest first. */
export function CoverageQueue() {
  const queue = useCoverageQueue();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (queue.isPending) return <LoadingState label="Loading bookings waiting on paperwork" />;
  if (queue.isError)
    return (
      <ErrorState title="Could not load the queue" error={queue.error} onRetry={() => void queue.refetch()} />
    );
  return (
    <Stack gap="sm">
      {notice && (
        <Alert role="status" color="green" variant="light">
          {notice}
        </Alert>
      )}
      {queue.data.length === 0 ? (
        <Text>No booking is waiting on a referral or an authorisation.</Text>
      ) : (
        <TableScroll label="Bookings waiting on paperwork">
          <Table striped miw={760} captionSide="top">
            <Table.Caption>Soonest first; times in each location's zone</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Visit</Table.Th>
                <Table.Th scope="col">Patient</Table.Th>
                <Table.Th scope="col">Service</Table.Th>
                <Table.Th scope="col">Missing</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((b) => (
                <Fragment key={b.id}>
                  <Table.Tr>
                    <Table.Td>
                      {formatInstantInZone(b.start, b.location.timeZone, { withDate: true })},{' '}
                      {b.location.name}
                    </Table.Td>
                    <Table.Td>
                      {b.patient.name}{' '}
                      <Text span size="xs">
                        ({b.patient.mrn})
                      </Text>
                    </Table.Td>
                    <Table.Td>{b.service}</Table.Td>
                    <Table.Td>{missingText(b.missing)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-expanded={open === b.id}
                        aria-label={`Record paperwork for ${b.patient.name}, ${b.service}`}
                        onClick={() => setOpen(open === b.id ? null : b.id)}
                      >
                        Record
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {open === b.id && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <RecordAuthorisation
                          booking={b}
                          onDone={(text) => {
                            setOpen(null);
                            setNotice(text);
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
