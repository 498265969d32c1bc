import { Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { OutcomeDefinition } from './outcomes-types.ts';

/** The report's method, term by term as the server defines it (the `method` text, one line a term). */
export function MethodSection({ definitions, method }: { definitions: OutcomeDefinition[]; method: string }) {
  const headingId = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        Method
      </Title>
      {definitions.length === 0 ? (
        <Text size="sm">{method}</Text>
      ) : (
        <Stack component="dl" gap={4} m={0}>
          {definitions.map((d) => (
            <Text key={d.term} size="sm" component="div">
              <Text component="dt" fw={700} size="sm" display="inline">
                {d.term}:
              </Text>{' '}
              <Text component="dd" m={0} size="sm" display="inline">
                {d.meaning}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
