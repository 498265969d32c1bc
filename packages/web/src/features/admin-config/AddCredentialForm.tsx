import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { CredentialKind } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { Notice } from '../scheduling/Notice.tsx';
import { useAddCredential, useCredentialKinds } from './admin-config-queries.ts';
import {
  type CredentialDraft,
  type CredentialDraftErrors,
  emptyCredentialDraft,
  type PractitionerRow,
  toNewCredential,
  validateCredentialDraft,
} from './practitioner-format.ts';

const categoryLabel: Record<string, string> = {
  licence: 'Licences',
  certification: 'Certifications',
  registration: 'Registrations',
  training: 'Trainings',
};

function kindOptions(kinds: CredentialKind[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const k of [...kinds].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const label = categoryLabel[k.category] ?? k.category;
    groups.set(label, [...(groups.get(label) ?? []), { value: k.code, label: k.name }]);
  }
  return [
    { value: '', label: 'Choose a credential…' },
    ...[...groups.entries()].map(([group, items]) => ({ group, items })),
  ];
}

/** Records a licence, certification or training the admin has checked. */
export function AddCredentialForm({ person }: { person: PractitionerRow }) {
  const headingId = useId();
  const kinds = useCredentialKinds();
  const add = useAddCredential();
  const [draft, setDraft] = useState<CredentialDraft>(emptyCredentialDraft);
  const [errors, setErrors] = useState<CredentialDraftErrors>({});
  const [saved, setSaved] = useState<string | null>(null);

  function set<K extends keyof CredentialDraft>(key: K, value: CredentialDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setSaved(null);
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateCredentialDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const name = kinds.data?.find((k) => k.code === draft.kind)?.name ?? draft.kind;
    add.mutate(
      { userId: person.id, credential: toNewCredential(draft) },
      {
        onSuccess: () => {
          setSaved(`Added ${name} (${draft.number.trim()}) for ${person.name}.`);
          setDraft(emptyCredentialDraft);
        },
      },
    );
  }

  let fields: React.ReactNode;
  if (kinds.isPending) fields = <LoadingState label="Loading credential kinds" />;
  else if (kinds.isError)
    fields = (
      <ErrorState
        title="Could not load the credential kinds"
        error={kinds.error}
        onRetry={() => void kinds.refetch()}
      />
    );
  else
    fields = (
      <>
        <NativeSelect
          label="Credential"
          required
          data={kindOptions(kinds.data)}
          value={draft.kind}
          onChange={(e) => set('kind', e.currentTarget.value)}
          error={errors.kind}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Number"
            required
            maxLength={100}
            autoComplete="off"
            value={draft.number}
            onChange={(e) => set('number', e.currentTarget.value)}
            error={errors.number}
          />
          <TextInput
            label="Issued by"
            description="e.g. the state licensing board, or the program for its own courses"
            required
            maxLength={200}
            autoComplete="off"
            value={draft.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            error={errors.issuer}
          />
          <TextInput
            type="date"
            label="Issued on (optional)"
            value={draft.issuedOn}
            onChange={(e) => set('issuedOn', e.currentTarget.value)}
            error={errors.issuedOn}
          />
          <TextInput
            type="date"
            label="Expires on (optional)"
            description="Leave empty for credentials that do not expire."
            value={draft.expiresOn}
            onChange={(e) => set('expiresOn', e.currentTarget.value)}
            error={errors.expiresOn}
          />
        </SimpleGrid>
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          Add credential
        </Button>
      </>
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            Add a credential
          </Title>
          <Text size="sm">
            Record it once you have checked it: it is saved as verified by you, and services that require it
            are offered with {person.name} until it expires.
          </Text>
          {saved && (
            <Notice tone="success" role="status" title="Credential added">
              {saved}
            </Notice>
          )}
          {add.isError && (
            <Alert color="red" title="The credential was not added" role="alert">
              {errorMessage(add.error)}
            </Alert>
          )}
          {fields}
        </Stack>
      </form>
    </Paper>
  );
}
