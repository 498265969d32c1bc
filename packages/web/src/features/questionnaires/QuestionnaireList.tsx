import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import type { QuestionnaireId } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { ToneBadge } from '../consultation/ToneBadge.tsx';
import { formatDayInZone } from '../time/format.ts';
import {
  dueWords,
  questionnaireAbout,
  questionnaireOrder,
  questionnaireShortName,
  scoreMeaning,
} from './questionnaire-format.ts';
import { usePatientQuestionnaires } from './questionnaire-queries.ts';

export const questionnairePath = (id: QuestionnaireId) => `/patient/questionnaires/${encodeURIComponent(id)}`;

/** The questionnaires to answer (due ones first) and the patient's past scores with what they mean. */
export function QuestionnaireList({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const data = usePatientQuestionnaires(patientId);
  const toAnswerId = useId();
  const pastId = useId();

  if (data.isPending) return <LoadingState label="Loading your questionnaires" />;
  if (data.isError)
    return (
      <ErrorState
        title="Could not load your questionnaires"
        error={data.error}
        onRetry={() => void data.refetch()}
      />
    );

  const { due, responses } = data.data;
  const dueFor = new Map(due.map((d) => [d.instrument, d]));
  const past = [...responses].sort((a, b) => b.completedAt.localeCompare(a.completedAt));

  return (
    <Stack gap="lg">
      <Paper component="section" aria-labelledby={toAnswerId} withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3" id={toAnswerId}>
            To answer
          </Title>
          {due.length === 0 && (
            <Text size="sm">Your care team has not asked for any yet; you can answer one any time.</Text>
          )}
          <ul
            style={{
              listStyle: 'none',
              padding: 0,
              margin: 0,
              display: 'grid',
              gap: 'var(--mantine-spacing-md)',
            }}
          >
            {questionnaireOrder(due).map((id) => {
              const d = dueFor.get(id);
              return (
                <li key={id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={questionnairePath(id)} fw={600}>
                      {questionnaireShortName[id]}
                    </Anchor>
                    {d?.due && <ToneBadge tone="info">Due now</ToneBadge>}
                  </Group>
                  <Text size="sm">{questionnaireAbout[id]}.</Text>
                  <Text size="sm" c="dimmed">
                    {d ? (d.due ? 'Your care team asks for it now.' : `${dueWords(d)}.`) : 'Answer any time.'}
                  </Text>
                </li>
              );
            })}
          </ul>
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby={pastId} withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3" id={pastId}>
            Your past scores
          </Title>
          {past.length === 0 ? (
            <Text size="sm">No answers yet.</Text>
          ) : (
            <ul
              style={{
                listStyle: 'none',
                padding: 0,
                margin: 0,
                display: 'grid',
                gap: 'var(--mantine-spacing-sm)',
              }}
            >
              {past.map((r) => (
                <li key={r.id}>
                  <Text>
                    <Text span fw={600}>
                      {questionnaireShortName[r.instrument]}:
                    </Text>{' '}
                    {scoreMeaning(r.instrument, r.score, r.band)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDayInZone(r.completedAt, timeZone)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
