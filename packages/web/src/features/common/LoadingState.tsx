import { Group, Loader, Text } from '@mantine/core';

interface LoadingStateProps {
  /** What is loading, e.g. "Loading patients". */
  label: string;
}

// role="status" lets screen readers announce the wait without stealing focus.
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <Group role="status" aria-live="polite" gap="sm" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}…</Text>
    </Group>
  );
}
