import { Badge, Group, Text } from '@mantine/core';
import type { Me } from '../../api/types.ts';
import { roleDisplayName } from '../auth/roles.ts';

export function UserSummary({ user }: { user: Me }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={600} size="sm" truncate="end" maw={220}>
        {user.name}
      </Text>
      <Badge variant="light" color="blue" radius="sm">
        {roleDisplayName(user.role)}
      </Badge>
    </Group>
  );
}
