import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { NotAssessedItem } from '../../api/types.ts';

/** Items the knowledge base did not recognise: listed as unchecked, never implied safe. */
export function NotAssessedList({ items }: { items: readonly NotAssessedItem[] }) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      style={{ borderLeft: '6px solid var(--mantine-color-gray-7)' }}
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          Not assessed ({items.length})
        </Title>
        <Text size="sm">
          These were not recognised, so they were not checked for interactions. Unknown is not the same as
          safe: review them yourself, or stop and re-add them under a recognised name.
        </Text>
        <List spacing="xs" size="sm">
          {items.map((item) => (
            <List.Item key={item.itemId}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} component="span">
                  {item.text}
                </Text>
                <Badge variant="outline" color="gray" radius="sm">
                  Not recognised
                </Badge>
              </Group>
              <Text size="sm">
                {item.suggestions.length > 0
                  ? `Did you mean: ${item.suggestions.join(', ')}?`
                  : 'No similar names in the knowledge base.'}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
