import { Table, Text } from '@mantine/core';
import type { Visit } from '../../api/types.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatDayInZone, formatTimeRangeInZone } from '../time/format.ts';

// Each visit is shown in its own location's zone: a volunteer on rounds reads
// the clock on the ward wall, not the one in their browser.
export function VisitTable({ visits }: { visits: Visit[] }) {
  if (visits.length === 0) return <Text>You have no bedside visits assigned.</Text>;
  const sorted = [...visits].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <TableScroll label="Assigned bedside visits">
      <Table striped miw={720} captionSide="top">
        <Table.Caption>Assigned bedside visits, in order</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Service</Table.Th>
            <Table.Th scope="col">Unit / room</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((visit) => (
            <Table.Tr key={visit.id}>
              <Table.Td>{formatDayInZone(visit.startsAt, visit.location.timeZone)}</Table.Td>
              <Table.Td>
                <time dateTime={visit.startsAt}>
                  {formatTimeRangeInZone(visit.startsAt, visit.endsAt, visit.location.timeZone)}
                </time>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {visit.patient.displayName}
              </Table.Th>
              <Table.Td>{visit.service}</Table.Td>
              <Table.Td>
                {visit.unit}, room {visit.room}
              </Table.Td>
              <Table.Td>{visit.location.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
