import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { dueWords, questionnaireShortName } from '../questionnaires/questionnaire-format.ts';
import { usePatientQuestionnaires } from '../questionnaires/questionnaire-queries.ts';
import { entrySummary } from './diary-form.ts';
import { useDiary } from './diary-queries.ts';

/** The portal home's links to the pain diary (with today's entry), questionnaires (with what is due) and progress. */
export function TrackingShortcuts({ patientId }: { patientId: string }) {
  const headingId = useId();
  const diary = useDiary(patientId);
  const questionnaires = usePatientQuestionnaires(patientId);

  const todayEntry = diary.data?.entries.find((e) => e.date === diary.data?.today) ?? null;
  const diaryStatus = diary.isPending
    ? 'Checking today’s entry…'
    : diary.isError
      ? 'Could not check today’s entry.'
      : todayEntry
        ? `Today: ${entrySummary(todayEntry)}.`
        : 'No entry for today yet. It takes a few seconds.';

  const dueNow = questionnaires.data?.due.filter((d) => d.due) ?? [];
  const next = [...(questionnaires.data?.due ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const questionnaireStatus = questionnaires.isPending
    ? 'Checking what is due…'
    : questionnaires.isError
      ? 'Could not check what is due.'
      : dueNow.length > 0
        ? `Due now: ${dueNow.map((d) => questionnaireShortName[d.instrument]).join(', ')}.`
        : next
          ? `${questionnaireShortName[next.instrument]}: ${dueWords(next)}.`
          : 'None due. You can answer one any time.';

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Your diary and progress
        </Title>
        <Stack gap={2}>
          <Anchor component={Link} to="/patient/diary" fw={600}>
            Pain diary
          </Anchor>
          <Text size="sm">{diaryStatus}</Text>
        </Stack>
        <Stack gap={2}>
          <Anchor component={Link} to="/patient/questionnaires" fw={600}>
            Questionnaires
          </Anchor>
          <Text size="sm">{questionnaireStatus}</Text>
        </Stack>
        <Stack gap={2}>
          <Anchor component={Link} to="/patient/progress" fw={600}>
            My progress
          </Anchor>
          <Text size="sm">Your pain, sleep, sessions and goals over time, in charts.</Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
