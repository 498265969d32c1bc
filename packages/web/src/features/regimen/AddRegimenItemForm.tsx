import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { RegimenCategory, RegimenItem } from '../../api/types.ts';
import { type Audience, DraftPreview } from './DraftPreview.tsx';
import { checkInput } from './draft-preview.ts';
import {
  categoryLabel,
  type DraftErrors,
  emptyDraft,
  type RegimenDraft,
  regimenLimits,
  toNewItem,
  validateDraft,
} from './regimen-format.ts';
import { useAddRegimenItem } from './regimen-queries.ts';

interface AddRegimenItemFormProps {
  patientId: string;
  /** The current regimen, checked together with the draft in the live preview. */
  items: readonly RegimenItem[];
  categories: readonly RegimenCategory[];
  audience: Audience;
  title: string;
}

/** Adds a medicine, supplement, therapy or condition, with a live safety preview of the name. */
export function AddRegimenItemForm({
  patientId,
  items,
  categories,
  audience,
  title,
}: AddRegimenItemFormProps) {
  const headingId = useId();
  const add = useAddRegimenItem(patientId);
  const [draft, setDraft] = useState<RegimenDraft>(() => emptyDraft(categories[0] ?? 'medicine'));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function set<K extends keyof RegimenDraft>(key: K, value: RegimenDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setAdded(null);
    if (key in errors) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const item = toNewItem(draft);
    add.mutate(item, {
      onSuccess: () => {
        setDraft(emptyDraft(draft.category));
        setAdded(item.text);
      },
    });
  }

  const examples = audience === 'patient' ? 'e.g. 50 mg, or 1 capsule' : 'e.g. 50 mg';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
          {add.isError && (
            <Alert color="red" title="The item was not added" role="alert">
              {errorMessage(add.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {categories.length > 1 && (
              <NativeSelect
                label="Category"
                data={categories.map((c) => ({ value: c, label: categoryLabel[c] }))}
                value={draft.category}
                onChange={(event) => set('category', event.currentTarget.value as RegimenCategory)}
              />
            )}
            <TextInput
              ref={nameRef}
              label="Name"
              description={
                audience === 'patient'
                  ? 'As it is written on the label, e.g. sertraline or fish oil'
                  : 'As written by the patient or prescriber; brand names are understood'
              }
              required
              maxLength={regimenLimits.text}
              autoComplete="off"
              value={draft.text}
              onChange={(event) => set('text', event.currentTarget.value)}
              error={errors.text}
            />
            <TextInput
              label="Dose (optional)"
              description={examples}
              maxLength={regimenLimits.dose}
              value={draft.dose}
              onChange={(event) => set('dose', event.currentTarget.value)}
              error={errors.dose}
            />
            <TextInput
              label="How often (optional)"
              description="e.g. once daily, or as needed"
              maxLength={regimenLimits.frequency}
              value={draft.frequency}
              onChange={(event) => set('frequency', event.currentTarget.value)}
              error={errors.frequency}
            />
            <TextInput
              type="date"
              label="Started on (optional)"
              value={draft.startedOn}
              onChange={(event) => set('startedOn', event.currentTarget.value)}
              error={errors.startedOn}
            />
          </SimpleGrid>
          <DraftPreview
            items={items}
            draftInput={checkInput(draft.category, draft.text)}
            draftText={draft.text}
            audience={audience}
            onPickSuggestion={(name) => {
              set('text', name);
              // The suggestion buttons go away once the name is recognised; keep focus in the form.
              nameRef.current?.focus();
            }}
          />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            Add
          </Button>
          <Text size="sm" role="status">
            {added ? `Added “${added}”. The safety check has been run again.` : ''}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
