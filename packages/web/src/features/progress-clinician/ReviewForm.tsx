import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PlanContent } from '@meridian/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { PlanContentEditor } from '../care-plan-clinician/PlanContentEditor.tsx';
import type { PlanVersionView } from '../consultation/consultation-types.ts';
import { normalizePlan, planFingerprint } from '../consultation/plan-draft.ts';
import { useSubmitReview } from './progress-queries.ts';
import type { ReviewResult } from './progress-types.ts';
import {
  type ReviewOutcome,
  type ReviewProblem,
  reviewBody,
  reviewProblem,
  reviewSavedDetail,
  reviewSavedTitle,
} from './review-form.ts';

interface ReviewFormProps {
  patientId: string;
  /** The current version, the one reviewed (`basedOn`). */
  version: PlanVersionView;
  /** Loads the latest plan and progress again (after someone else changed the plan). */
  onReload: () => void;
  onSaved: (result: ReviewResult) => void;
}

/** Ends the review: confirm the plan as it is, or adjust it (a new version), with a required note. */
export function ReviewForm({ patientId, version, onReload, onSaved }: ReviewFormProps) {
  const headingId = useId();
  const original = normalizePlan(version.content);
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [plan, setPlan] = useState<PlanContent>(original);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ReviewProblem | null>(null);
  const submit = useSubmitReview(patientId);
  const conflict = isApiError(submit.error, 409);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (submit.isError) errorRef.current?.focus();
  }, [submit.isError]);

  function save() {
    const why = reviewProblem(outcome, note, planFingerprint(plan) !== planFingerprint(original));
    setProblem(why);
    if (why || !outcome) return;
    submit.mutate(reviewBody(outcome, note, version.version, plan), { onSuccess: onSaved });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          End the review of version {version.version}
        </Title>
        <Radio.Group
          label="Outcome of the review"
          value={outcome ?? ''}
          onChange={(value) => {
            setOutcome(value as ReviewOutcome);
            setProblem(null);
          }}
          error={problem?.field === 'outcome' ? problem.message : undefined}
          required
        >
          <Stack gap="xs" mt={6}>
            <Radio value="confirmed" label="Confirm the plan as it is" />
            <Radio value="adjusted" label="Adjust the plan" />
          </Stack>
        </Radio.Group>

        {outcome === 'adjusted' && (
          <Stack gap="sm">
            <Text size="sm">
              Editing the content of version {version.version}. Saving the review makes version{' '}
              {version.version + 1}, with the review note as its reason.
            </Text>
            <PlanContentEditor
              patientId={patientId}
              version={version}
              plan={plan}
              onChange={(next) => {
                setPlan(next);
                if (problem?.field === 'content') setProblem(null);
              }}
            />
            {problem?.field === 'content' && (
              <Text size="sm" c="red.9" role="alert">
                {problem.message}
              </Text>
            )}
          </Stack>
        )}

        <Textarea
          label="Review note"
          description="Required: what the review found and why the plan stays or changes. It is kept in the review history."
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            if (problem?.field === 'note') setProblem(null);
          }}
          error={problem?.field === 'note' ? problem.message : undefined}
          autosize
          minRows={3}
          maxLength={4000}
          required
        />

        {submit.isError && (
          <Alert
            ref={errorRef}
            tabIndex={-1}
            color="red"
            title={conflict ? 'The plan changed since this review began' : 'The review was not saved'}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(submit.error)}</Text>
              {conflict && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  onClick={() => {
                    submit.reset();
                    onReload();
                  }}
                >
                  Reload the latest plan
                </Button>
              )}
            </Stack>
          </Alert>
        )}

        <Group gap="sm">
          <Button onClick={save} loading={submit.isPending}>
            Save review
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What the saved review did, with the server's numbers. */
export function ReviewSaved({ result }: { result: ReviewResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="teal"
      variant="outline"
      title={reviewSavedTitle(result)}
      role="status"
    >
      <Text size="sm">{reviewSavedDetail(result)}</Text>
    </Alert>
  );
}
