import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { type DiaryReminder, useDiaryReminder, useSaveDiaryReminder } from './diary-queries.ts';

/** The optional daily reminder: on or off, and at what time (the clinic's time zone). */
export function DiaryReminderSettings({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const headingId = useId();
  const current = useDiaryReminder(patientId);
  const save = useSaveDiaryReminder(patientId);
  const [draft, setDraft] = useState<DiaryReminder | null>(null);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data.reminder);
  }, [current.data, draft]);

  if (current.isError)
    return (
      <ErrorState
        title="Could not load your reminder"
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  if (!draft) return null;
  const changed = JSON.stringify(draft) !== JSON.stringify(current.data?.reminder);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Daily reminder
        </Title>
        <Text size="sm">
          A short message on days you have not written your diary yet. Times are in {timeZone}.
        </Text>
        <Switch
          label="Remind me to fill in my diary"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
        />
        <Group align="end">
          <TextInput
            type="time"
            label="Reminder time"
            value={draft.time}
            disabled={!draft.enabled}
            onChange={(e) => setDraft({ ...draft, time: e.currentTarget.value })}
            maw={160}
          />
          <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!changed}>
            Save reminder
          </Button>
        </Group>
        <Text size="sm" role="status">
          {save.isError
            ? save.error.message
            : save.isSuccess && !changed
              ? draft.enabled
                ? `Saved: a reminder at ${draft.time} on days without an entry.`
                : 'Saved: no reminders.'
              : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
