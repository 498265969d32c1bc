import { Paper, Text } from '@mantine/core';

export const clinicalNoticeText = 'Meridian is decision support for professionals, not medical advice.';

// Shown on every page with clinical content, as the project's safety policy asks.
export function ClinicalNotice() {
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text size="sm" fw={600}>
        {clinicalNoticeText}
      </Text>
    </Paper>
  );
}
