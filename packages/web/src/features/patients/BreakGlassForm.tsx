import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { breakGlassReasonError, minBreakGlassReasonLength } from './break-glass-reason.ts';
import { useBreakGlass } from './patient-queries.ts';

export function BreakGlassForm({ patientId }: { patientId: string }) {
  const breakGlass = useBreakGlass(patientId);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const validation = breakGlassReasonError(reason);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (validation) return;
    breakGlass.mutate(reason.trim());
  }

  return (
    <Paper withBorder p="md" style={{ borderColor: 'var(--mantine-color-red-9)' }}>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="break-glass-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="break-glass-title">
            Emergency access (break the glass)
          </Title>
          <Text size="sm">
            Use only when this patient needs care now and you are not on their care team. Your name, the
            reason and every view of the record are audited and reviewed.
          </Text>
          {breakGlass.isError && (
            <Alert color="red" title="Emergency access was not granted" role="alert">
              {errorMessage(breakGlass.error)}
            </Alert>
          )}
          <Textarea
            label="Reason for emergency access"
            description={`At least ${minBreakGlassReasonLength} characters, e.g. the clinical situation.`}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched ? validation : null}
          />
          <Button
            type="submit"
            color="red"
            loading={breakGlass.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            Break the glass and open record
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
