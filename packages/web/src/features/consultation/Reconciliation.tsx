import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { doseAndFrequency } from '../regimen/regimen-format.ts';
import { StopItemButton } from '../regimen/StopItemButton.tsx';
import { useRecordCondition, useVerifyAllergy, useVerifyItem } from './consultation-queries.ts';
import type { Allergy, ReconciledItem } from './consultation-types.ts';
import { reconciliationGroups } from './reconciliation.ts';
import { ToneBadge } from './ToneBadge.tsx';

interface ReconciliationProps {
  patientId: string;
  items: readonly ReconciledItem[];
  allergies: readonly Allergy[];
  noKnownAllergies: boolean;
  disabled: boolean;
}

/** Medicines and supplements to confirm or stop, the conditions, and the allergies. */
export function Reconciliation({
  patientId,
  items,
  allergies,
  noKnownAllergies,
  disabled,
}: ReconciliationProps) {
  const verify = useVerifyItem(patientId);
  const verifyAllergy = useVerifyAllergy(patientId);
  const { taken, conditions, unverified } = reconciliationGroups(items);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  return (
    <Stack gap="md">
      <Text size="sm">
        {unverified === 0
          ? 'Every medicine and supplement has been confirmed.'
          : `${unverified} ${unverified === 1 ? 'item was' : 'items were'} reported by the patient and ${unverified === 1 ? 'needs' : 'need'} confirming or stopping before signing.`}
      </Text>
      <Text ref={statusRef} tabIndex={-1} size="sm" role="status">
        {status}
      </Text>
      {verify.isError && (
        <Alert color="red" title="The item was not confirmed" role="alert">
          {errorMessage(verify.error)}
        </Alert>
      )}
      <Title order={3} size="h4">
        Medicines and supplements
      </Title>
      {taken.length === 0 ? (
        <Text size="sm">None recorded.</Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {taken.map((item) => (
            <Paper component="li" key={item.id} withBorder p="sm">
              <Group justify="space-between" gap="sm">
                <Stack gap={2}>
                  <Text fw={700}>
                    {item.text}
                    {item.resolved && item.resolved.name.toLowerCase() !== item.text.toLowerCase() && (
                      <Text span fw={400} size="sm">
                        {' '}
                        (recognised as {item.resolved.name})
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    {item.category === 'medicine' ? 'Medicine' : 'Supplement'}:{' '}
                    {doseAndFrequency(item.dose, item.frequency)}
                  </Text>
                  <Group gap={6}>
                    {item.verified ? (
                      <ToneBadge tone="good">Confirmed</ToneBadge>
                    ) : (
                      <ToneBadge tone="warning">Reported by patient — not verified</ToneBadge>
                    )}
                    {!item.resolved && <ToneBadge tone="neutral">Not recognised</ToneBadge>}
                  </Group>
                </Stack>
                {!disabled && (
                  <Group gap="xs">
                    {!item.verified && (
                      <Button
                        size="xs"
                        loading={verify.isPending && verify.variables === item.id}
                        onClick={() =>
                          verify.mutate(item.id, {
                            onSuccess: () => {
                              setStatus(`Confirmed ${item.text}. The safety check has been run again.`);
                              statusRef.current?.focus();
                            },
                          })
                        }
                        aria-label={`Confirm ${item.text}`}
                      >
                        Confirm
                      </Button>
                    )}
                    <StopItemButton
                      patientId={patientId}
                      item={item}
                      onStopping={() => setStatus(`Stopping ${item.text}…`)}
                    />
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      <Title order={3} size="h4">
        Conditions
      </Title>
      {conditions.length === 0 ? (
        <Text size="sm">None recorded.</Text>
      ) : (
        <List size="sm">
          {conditions.map((c) => (
            <List.Item key={c.id}>
              {c.text}
              {c.resolved ? '' : ' (not recognised: no recommendations for it)'}
            </List.Item>
          ))}
        </List>
      )}
      {!disabled && <RecordCondition patientId={patientId} onRecorded={setStatus} />}

      <Title order={3} size="h4">
        Allergies
      </Title>
      {allergies.length === 0 ? (
        <Text size="sm">
          {noKnownAllergies ? 'No known allergies (reported by the patient).' : 'None recorded.'}
        </Text>
      ) : (
        <List size="sm">
          {allergies.map((a) => (
            <List.Item key={a.id}>
              <strong>{a.substance}</strong>
              {a.reaction ? `: ${a.reaction}` : ''}
              {a.severity ? ` (${a.severity})` : ''}
              {a.verified ? ' — confirmed' : ' — reported by patient, not verified'}
              {!a.verified && !disabled && (
                <Button
                  ml="sm"
                  size="compact-xs"
                  variant="light"
                  loading={verifyAllergy.isPending && verifyAllergy.variables === a.id}
                  onClick={() => verifyAllergy.mutate(a.id)}
                >
                  Confirm allergy to {a.substance}
                </Button>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function RecordCondition({
  patientId,
  onRecorded,
}: {
  patientId: string;
  onRecorded: (text: string) => void;
}) {
  const record = useRecordCondition(patientId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (value === '') return setProblem('Write the condition, e.g. “anxiety”.');
    if (value.length > 200) return setProblem('Keep it under 200 characters.');
    setProblem(null);
    record.mutate(value, {
      onSuccess: () => {
        setText('');
        onRecorded(`Recorded the condition “${value}”. Recommendations and the safety check are updated.`);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="Add a condition"
            description="e.g. anxiety, insomnia"
            value={text}
            error={problem}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setProblem(null);
            }}
            w={320}
          />
          <Button type="submit" variant="light" loading={record.isPending}>
            Record condition
          </Button>
        </Group>
        {record.isError && (
          <Alert color="red" title="The condition was not recorded" role="alert">
            {errorMessage(record.error)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
