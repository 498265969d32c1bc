import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Location } from '../../api/types.ts';
import { formatDayInZone, formatInstantInZone } from '../time/format.ts';
import { useNow } from '../time/use-now.ts';

export function LocationClocks({ locations }: { locations: Location[] }) {
  const now = useNow().toISOString();
  if (locations.length === 0) return <Text>No locations are set up yet.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {locations.map((location) => (
        <Paper key={location.id} withBorder p="md">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {location.name}
            </Title>
            <Text size="sm">
              {location.city}, {location.state}
            </Text>
            <Text fw={600} size="lg">
              <time dateTime={now}>{formatInstantInZone(now, location.timeZone)}</time>
            </Text>
            <Text size="sm">{formatDayInZone(now, location.timeZone)}</Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
