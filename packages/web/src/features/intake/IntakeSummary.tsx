import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Intake } from '@meridian/domain';
import { intakeSummary } from './intake-summary.ts';
import { commonTherapies, therapyLabelFromId } from './therapy-options.ts';

const therapyName = (id: string) =>
  commonTherapies.find((t) => t.value === id)?.label ?? therapyLabelFromId(id);

/** The answers as sent to the care team, read-only. */
export function IntakeSummary({ answers }: { answers: Intake }) {
  return (
    <Stack gap="md">
      {intakeSummary(answers, therapyName).map((section) => (
        <Paper key={section.heading} withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {section.heading}
          </Title>
          <Stack component="dl" gap="xs" m={0}>
            {section.items.map((entry, i) => (
              // Labels can repeat ("Allergy"), so the position keeps rows apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are never reordered
              <div key={i}>
                <Text component="dt" fw={600} size="sm">
                  {entry.label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.value}
                </Text>
              </div>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
