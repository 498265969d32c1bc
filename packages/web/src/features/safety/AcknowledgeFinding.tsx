import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { SafetyFinding } from '../../api/types.ts';
import { useAcknowledgeFinding } from '../regimen/regimen-queries.ts';
import { ackNoteLimits, acknowledgeNoteError } from './acknowledge-note.ts';

interface AcknowledgeFindingProps {
  patientId: string;
  finding: SafetyFinding;
  /** Names the finding in the button and dialog, e.g. "Sertraline + St John's wort". */
  title: string;
  /**
   * Called when the note is sent. The button unmounts as soon as the saved finding
   * arrives, before any per-call success callback could run, so the card watches for that.
   */
  onSaving?: () => void;
}

/** A button that opens a dialog asking for the clinician's note. */
export function AcknowledgeFinding({ patientId, finding, title, onSaving }: AcknowledgeFindingProps) {
  const acknowledge = useAcknowledgeFinding(patientId);
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const validation = acknowledgeNoteError(note);

  function close() {
    setOpened(false);
    setTouched(false);
    acknowledge.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (validation) return;
    onSaving?.();
    acknowledge.mutate(
      { findingId: finding.id, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          close();
        },
      },
    );
  }

  return (
    <>
      <Button
        size="xs"
        variant="outline"
        onClick={() => setOpened(true)}
        aria-label={`Acknowledge: ${title}`}
        style={{ alignSelf: 'flex-start' }}
      >
        Acknowledge
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title="Acknowledge safety finding"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {title}
            </Text>
            <Text size="sm">{finding.summary}</Text>
            {acknowledge.isError && (
              <Alert color="red" title="The finding was not acknowledged" role="alert">
                {errorMessage(acknowledge.error)}
              </Alert>
            )}
            <Textarea
              label="Note"
              description="What you decided or discussed with the patient; it is kept with the finding."
              required
              autosize
              minRows={3}
              maxLength={ackNoteLimits.max}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={touched ? validation : null}
              data-autofocus
            />
            <Group gap="sm" justify="flex-end">
              <Button type="button" variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={acknowledge.isPending}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
