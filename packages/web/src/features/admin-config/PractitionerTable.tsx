import { Badge, Button, Table, Text } from '@mantine/core';
import { disciplineLabel } from '@meridian/domain';
import type { HeldCredential, Location } from '../../api/types.ts';
import { roleDisplayName } from '../auth/roles.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { type CredentialTone, credentialStatus, type PractitionerRow } from './practitioner-format.ts';

// Filled so they stand out; yellow takes dark text (orange with white text falls below 4.5:1).
const toneColor: Partial<Record<CredentialTone, string>> = { expired: 'red.9', expiring: 'yellow.4' };

/** The credential's status; expired and soon-to-expire ones stand out as filled badges, always in words. */
export function CredentialStatus({ expiresOn, today }: { expiresOn: string | null; today: string }) {
  const status = credentialStatus(expiresOn, today);
  const color = toneColor[status.tone];
  if (!color)
    return (
      <Text span size="sm">
        {status.text}
      </Text>
    );
  return (
    <Badge variant="filled" color={color} autoContrast radius="sm" tt="none">
      {status.text}
    </Badge>
  );
}

function CredentialList({ credentials, today }: { credentials: HeldCredential[]; today: string }) {
  if (credentials.length === 0) return <Text size="sm">None recorded</Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
      {credentials.map((c) => (
        <li key={`${c.kind}:${c.number}:${c.issuer}:${c.expiresOn}`}>
          <Text span size="sm">
            {c.name} ({c.number}, {c.issuer}) —{' '}
          </Text>
          <CredentialStatus expiresOn={c.expiresOn} today={today} />
        </li>
      ))}
    </ul>
  );
}

interface PractitionerTableProps {
  rows: PractitionerRow[];
  locations: Location[];
  today: string;
  onManage: (row: PractitionerRow) => void;
}

/** Practitioners and volunteers with discipline, where they work and their credentials. */
export function PractitionerTable({ rows, locations, today, onManage }: PractitionerTableProps) {
  if (rows.length === 0) return <Text>No practitioners or volunteers have accounts yet.</Text>;
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return (
    <TableScroll label="Practitioners and volunteers">
      <Table striped miw={1000} captionSide="top">
        <Table.Caption>
          Credentials that have expired or expire within 60 days are marked (as of {formatCalendarDate(today)}
          , UTC).
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Role and discipline</Table.Th>
            <Table.Th scope="col">Works at</Table.Th>
            <Table.Th scope="col">Credentials</Table.Th>
            <Table.Th scope="col">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              <Table.Td>
                {roleDisplayName(row.role)}
                {row.discipline ? ` — ${disciplineLabel(row.discipline)}` : ''}
              </Table.Td>
              <Table.Td>
                {row.locationIds.length === 0
                  ? 'No weekly hours yet'
                  : row.locationIds
                      .map((id) => locationName.get(id) ?? 'Unknown location')
                      .sort((a, b) => a.localeCompare(b, 'en'))
                      .join('; ')}
              </Table.Td>
              <Table.Td>
                {row.credentials === null ? (
                  <Text size="sm">Listed once weekly hours are set</Text>
                ) : (
                  <CredentialList credentials={row.credentials} today={today} />
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Manage ${row.name}`}
                  onClick={() => onManage(row)}
                >
                  Manage
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
