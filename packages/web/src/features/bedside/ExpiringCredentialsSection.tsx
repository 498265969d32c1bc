import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ExpiringCredentials } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { expiryText, sortCredentials } from './bedside-format.ts';
import { useExpiringCredentials } from './bedside-queries.ts';

function CredentialsTable({ data }: { data: ExpiringCredentials }) {
  if (data.credentials.length === 0)
    return <Text>No credentials have expired or expire within {data.days} days.</Text>;
  return (
    <TableScroll label="Expiring credentials">
      <Table striped miw={820} captionSide="top">
        <Table.Caption>
          Expired credentials first, then the soonest to expire (as of {formatCalendarDate(data.today)})
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Practitioner</Table.Th>
            <Table.Th scope="col">Credential</Table.Th>
            <Table.Th scope="col">Number</Table.Th>
            <Table.Th scope="col">Issuer</Table.Th>
            <Table.Th scope="col">Expires on</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortCredentials(data.credentials).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500}>
                {c.practitioner.name}
              </Table.Th>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.number}</Table.Td>
              <Table.Td>{c.issuer}</Table.Td>
              <Table.Td>
                <time dateTime={c.expiresOn}>{formatCalendarDate(c.expiresOn)}</time>
              </Table.Td>
              <Table.Td>
                {c.expired ? (
                  <Badge variant="filled" color="red" radius="sm" tt="none">
                    {expiryText(c, data.today)}
                  </Badge>
                ) : (
                  expiryText(c, data.today)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Licences and certifications to renew: services that need them drop off a practitioner's list once expired. */
export function ExpiringCredentialsSection({ days = 60 }: { days?: number }) {
  const headingId = useId();
  const credentials = useExpiringCredentials(days);
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        Credentials expiring within {days} days
      </Title>
      <Text size="sm" c="dimmed">
        A practitioner whose credential has expired no longer sees the services that need it in bookings or on
        the bedside worklist.
      </Text>
      {credentials.isPending ? (
        <LoadingState label="Loading expiring credentials" />
      ) : credentials.isError ? (
        <ErrorState
          title="Could not load the expiring credentials"
          error={credentials.error}
          onRetry={() => void credentials.refetch()}
        />
      ) : (
        <CredentialsTable data={credentials.data} />
      )}
    </Stack>
  );
}
