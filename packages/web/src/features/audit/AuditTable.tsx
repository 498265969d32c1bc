import { Badge, Stack, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../../api/types.ts';
import { roleDisplayName } from '../auth/roles.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatUtcTimestamp } from '../time/format.ts';

function ActorCell({ actor }: { actor: AuditEvent['actor'] }) {
  if (!actor) return <Text size="sm">System or anonymous</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {actor.name}
      </Text>
      <Text size="xs">
        {actor.email} · {roleDisplayName(actor.role)}
      </Text>
    </Stack>
  );
}

// Break-the-glass rows are tinted and labelled in words, so they stand out
// without relying on colour alone.
export function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <Text>No audit events match these filters.</Text>;
  return (
    <TableScroll label="Audit events">
      <Table miw={960} captionSide="top" verticalSpacing="xs">
        <Table.Caption>Audit events, newest first. Times in UTC.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time (UTC)</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} bg={event.breakGlass ? 'red.0' : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={event.at}>{formatUtcTimestamp(event.at)}</time>
              </Table.Td>
              <Table.Td>
                <ActorCell actor={event.actor} />
              </Table.Td>
              <Table.Td>
                {event.patient ? (
                  <Stack gap={0}>
                    <Text size="sm">{event.patient.name}</Text>
                    <Text size="xs">{event.patient.id}</Text>
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" ff="monospace">
                    {event.action}
                  </Text>
                  {event.breakGlass && (
                    <>
                      <Badge color="red" variant="filled" style={{ textTransform: 'none' }}>
                        Break the glass
                      </Badge>
                      <Text size="xs" fw={600}>
                        Reason: {event.reason ?? 'none given'}
                      </Text>
                    </>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{event.resourceType}</Text>
                <Text size="xs">{event.resourceId}</Text>
              </Table.Td>
              <Table.Td>{event.outcome}</Table.Td>
              <Table.Td>{event.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
