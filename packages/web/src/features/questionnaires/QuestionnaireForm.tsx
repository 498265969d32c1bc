import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import type { QuestionnaireResult, QuestionnaireText } from '../../api/types.ts';
import { TapScale } from '../diary/TapScale.tsx';
import { Notice } from '../scheduling/Notice.tsx';
import {
  answersToNumbers,
  bandWords,
  crisisMessage,
  firstUnanswered,
  questionnaireShortName,
  scoreOutOf,
} from './questionnaire-format.ts';
import { useSubmitQuestionnaire } from './questionnaire-queries.ts';

const notAnswered = 'Please answer this question.';

/** One questionnaire, word for word: a radio group per item (named by the item), then its score. */
export function QuestionnaireForm({ patientId, text }: { patientId: string; text: QuestionnaireText }) {
  const formId = useId();
  const [answers, setAnswers] = useState<string[]>(() => text.items.map(() => ''));
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmitQuestionnaire(patientId);
  const problemsRef = useRef<HTMLDivElement>(null);

  if (submit.isSuccess) return <QuestionnaireScore text={text} result={submit.data} />;

  const missing = answers.filter((a) => a === '').length;
  const scaleValues = text.scale
    ? Array.from({ length: text.scale.max - text.scale.min + 1 }, (_, i) => String(text.scale!.min + i))
    : [];

  function answer(index: number, value: string) {
    setAnswers((current) => current.map((a, i) => (i === index ? value : a)));
    submit.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const numbers = answersToNumbers(answers);
    if (!numbers) {
      setShowMissing(true);
      const first = firstUnanswered(answers);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`#${CSS.escape(`${formId}-item-${first}`)} input`)?.focus(),
      );
      return;
    }
    submit.mutate(
      { instrument: text.id, answers: numbers },
      { onError: () => requestAnimationFrame(() => problemsRef.current?.focus()) },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={text.name}>
      <Stack gap="lg">
        <Text fw={600}>{text.stem}</Text>
        {text.id === 'phq-9' && (
          <Text size="sm">
            Your care team reads your answers; they are not watched as you send them. {crisisMessage}
          </Text>
        )}
        <ol
          style={{
            margin: 0,
            padding: 0,
            listStyle: 'none',
            display: 'grid',
            gap: 'var(--mantine-spacing-lg)',
          }}
        >
          {text.items.map((item, index) => {
            const error = showMissing && answers[index] === '' ? notAnswered : undefined;
            return (
              <li
                key={item}
                id={`${formId}-item-${index}`}
                style={{ display: 'grid', gridTemplateColumns: '1.75em 1fr', alignItems: 'start' }}
              >
                {/* The number is for the eye; the list already tells a screen reader which item it is. */}
                <Text fw={600} aria-hidden="true">
                  {index + 1}.
                </Text>
                {text.options ? (
                  <Radio.Group
                    label={item}
                    value={answers[index]}
                    onChange={(v) => answer(index, v)}
                    error={error}
                    styles={{ label: { fontWeight: 600 } }}
                  >
                    <Stack gap="xs" mt="xs">
                      {text.options.map((o) => (
                        <Radio key={o.value} value={String(o.value)} label={o.label} size="md" />
                      ))}
                    </Stack>
                  </Radio.Group>
                ) : (
                  <TapScale
                    label={item}
                    values={scaleValues}
                    value={answers[index] ?? ''}
                    onChange={(v) => answer(index, v)}
                    error={error}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <div ref={problemsRef} tabIndex={-1}>
          {showMissing && missing > 0 && (
            <Alert color="red" title="Some questions are not answered yet" role="alert">
              {missing === 1
                ? 'One question is not answered yet.'
                : `${missing} questions are not answered yet.`}{' '}
              Every question is needed for the score.
            </Alert>
          )}
          {submit.isError && (
            <Alert color="red" title="Your answers were not sent" role="alert">
              {errorMessage(submit.error)}
            </Alert>
          )}
        </div>
        <Group>
          <Button type="submit" size="lg" loading={submit.isPending}>
            Send my answers
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {questionnaireShortName[text.id]} as published
          {text.sources.length > 0 && (
            <>
              {' '}
              (
              {text.sources.map((source, i) => (
                <span key={source}>
                  {i > 0 && ', '}
                  <Anchor href={source} target="_blank" rel="noreferrer" size="xs" underline="always">
                    source{text.sources.length > 1 ? ` ${i + 1}` : ''}
                  </Anchor>
                </span>
              ))}
              )
            </>
          )}
          .
        </Text>
      </Stack>
    </form>
  );
}

function QuestionnaireScore({ text, result }: { text: QuestionnaireText; result: QuestionnaireResult }) {
  const { response } = result;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form is replaced by the score: the focus moves to it rather than to the top of the page.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const band = bandWords(response.instrument, response.band);
  return (
    <Stack gap="md">
      {response.selfHarmItemPositive && (
        <Alert color="blue" title="Help is there for you now" role="alert">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {crisisMessage}
            </Text>
            <Text size="sm">
              Your care team will be told about your answer to the last question, so that they can reach out
              to you.
            </Text>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
            Your {questionnaireShortName[text.id]} score: {scoreOutOf(response.instrument, response.score)}
          </Title>
          {band ? (
            <Text>{band}.</Text>
          ) : (
            <Text>Lower is better. Your care team follows this number over time.</Text>
          )}
          <Notice tone="success" title="Sent" role="status">
            Your answers are saved and your care team can see them.
          </Notice>
        </Stack>
      </Paper>
      <Group gap="md">
        <Anchor component={Link} to="/patient/progress">
          See my progress
        </Anchor>
        <Anchor component={Link} to="/patient/questionnaires">
          Back to questionnaires
        </Anchor>
      </Group>
    </Stack>
  );
}
