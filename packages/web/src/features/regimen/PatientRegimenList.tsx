import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { RegimenItem } from '../../api/types.ts';
import { categoryLabel, doseAndFrequency } from './regimen-format.ts';

/** The patient's active items as a simple list that reads well on a phone. */
export function PatientRegimenList({ items }: { items: readonly RegimenItem[] }) {
  const active = items.filter((item) => item.status === 'active');
  if (active.length === 0) return <Text>Nothing recorded yet. Add what you take below.</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {active.map((item) => (
        <Paper component="li" key={item.id} withBorder p="sm">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} component="span">
              {item.text}
            </Text>
            <Badge variant="outline" color="gray" radius="sm">
              {categoryLabel[item.category]}
            </Badge>
          </Group>
          {(item.dose || item.frequency) && (
            <Text size="sm">{doseAndFrequency(item.dose, item.frequency)}</Text>
          )}
          {!item.resolved && (
            <Text size="sm">
              We could not match this name, so it has not been checked. Your care team will review it.
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
