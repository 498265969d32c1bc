import { Badge, Table, Text } from '@mantine/core';
import { disciplineLabel } from '@meridian/domain';
import type { StaffUser } from '../../api/types.ts';
import { roleDisplayName } from '../auth/roles.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { useNow } from '../time/use-now.ts';
import { lockStatus } from './lock-status.ts';

export function StaffTable({ users }: { users: StaffUser[] }) {
  const now = useNow(30_000);
  if (users.length === 0) return <Text>No accounts yet.</Text>;
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return (
    <TableScroll label="Staff accounts">
      <Table striped miw={760} captionSide="top">
        <Table.Caption>Accounts, with lock times in UTC</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Discipline</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Sign-in lock</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((user) => {
            const lock = lockStatus(user.lockedUntil, now);
            return (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={500}>
                  {user.name}
                </Table.Th>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{roleDisplayName(user.role)}</Table.Td>
                <Table.Td>{user.discipline ? disciplineLabel(user.discipline) : '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={user.active ? 'teal' : 'gray'}>
                    {user.active ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {lock.locked ? (
                    <Badge variant="filled" color="red" style={{ textTransform: 'none' }}>
                      {lock.label}
                    </Badge>
                  ) : (
                    lock.label
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
