import { List, Text } from '@mantine/core';
import { disciplineLabel } from '@meridian/domain';
import type { CareTeamMember } from '../../api/types.ts';

export function CareTeamList({ members }: { members: CareTeamMember[] }) {
  if (members.length === 0) return <Text>No care team members are assigned yet.</Text>;
  return (
    <List spacing="xs">
      {members.map((member) => (
        <List.Item key={`${member.userId}-${member.role}`}>
          <Text span fw={600}>
            {member.name}
          </Text>
          <Text span> — {member.role || disciplineLabel(member.discipline)}</Text>
        </List.Item>
      ))}
    </List>
  );
}
