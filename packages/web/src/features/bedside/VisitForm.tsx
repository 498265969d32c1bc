import {
  Alert,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { NewBedsideSession } from '../../api/types.ts';
import {
  bedsideLimits,
  emptyVisitDraft,
  toSessionBody,
  type VisitDraft,
  type VisitDraftErrors,
  validateVisitDraft,
} from './bedside-format.ts';
import { ScoreControl } from './ScoreControl.tsx';

interface VisitFormProps {
  /** e.g. "Record the visit to Grace Thompson". */
  title: string;
  /** Clinicians may keep the order open for more visits; volunteers' rounds have no such choice. */
  withCompletion: boolean;
  /** Prefilled minutes, e.g. the length of the scheduled visit. */
  defaultMinutes?: number | undefined;
  pending: boolean;
  /** The last failed save, shown in an alert. */
  error: unknown;
  onSubmit: (session: NewBedsideSession) => void;
  onCancel: () => void;
}

const scale = '(0 = none, 10 = worst)';

/** Pain and anxiety before and after (0–10), minutes and notes for one bedside visit. */
export function VisitForm({
  title,
  withCompletion,
  defaultMinutes,
  pending,
  error,
  onSubmit,
  onCancel,
}: VisitFormProps) {
  const headingId = useId();
  const [draft, setDraft] = useState<VisitDraft>(() =>
    emptyVisitDraft(defaultMinutes ? String(defaultMinutes) : ''),
  );
  const [errors, setErrors] = useState<VisitDraftErrors>({});

  function set<K extends keyof VisitDraft>(key: K, value: VisitDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateVisitDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit(toSessionBody(draft, withCompletion));
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={headingId}>
          {title}
        </Title>
        {error !== null && error !== undefined && (
          <Alert color="red" title="The visit was not saved" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Text size="sm">
          Ask the patient to rate their pain and anxiety from 0 (none) to 10 (the worst they can imagine),
          before you start and again at the end.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ScoreControl
            label={`Pain before ${scale}`}
            value={draft.painBefore}
            onChange={(v) => set('painBefore', v)}
            error={errors.painBefore}
          />
          <ScoreControl
            label={`Pain after ${scale}`}
            value={draft.painAfter}
            onChange={(v) => set('painAfter', v)}
            error={errors.painAfter}
          />
          <ScoreControl
            label={`Anxiety before ${scale}`}
            value={draft.anxietyBefore}
            onChange={(v) => set('anxietyBefore', v)}
            error={errors.anxietyBefore}
          />
          <ScoreControl
            label={`Anxiety after ${scale}`}
            value={draft.anxietyAfter}
            onChange={(v) => set('anxietyAfter', v)}
            error={errors.anxietyAfter}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Minutes"
            description={`How long the visit lasted, 1 to ${bedsideLimits.minutes}`}
            required
            inputMode="numeric"
            autoComplete="off"
            value={draft.minutes}
            onChange={(event) => set('minutes', event.currentTarget.value)}
            error={errors.minutes}
          />
        </SimpleGrid>
        <Textarea
          label="Notes (optional)"
          description="What you did and how the patient responded"
          autosize
          minRows={2}
          maxLength={bedsideLimits.notes}
          value={draft.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={errors.notes}
        />
        {withCompletion && (
          <Checkbox
            label="More visits are planned: keep the order open"
            checked={draft.moreVisits}
            onChange={(event) => set('moreVisits', event.currentTarget.checked)}
          />
        )}
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            Save
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
