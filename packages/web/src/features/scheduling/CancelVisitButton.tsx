import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { Appointment } from '../../api/types.ts';
import { formatInstantInZone } from '../time/format.ts';
import { cancelReasonProblem } from './schedule-format.ts';
import { useCancelVisit } from './scheduling-queries.ts';

interface CancelVisitButtonProps {
  patientId: string;
  visit: Appointment;
  /** Who is cancelling: the wording differs. */
  audience: 'patient' | 'staff';
  /** Called after the visit is cancelled; `late` when inside the service's notice period. */
  onCancelled?: (visit: Appointment, late: boolean) => void;
}

/** "Cancel" with a dialog that asks for the reason the server requires. */
export function CancelVisitButton({ patientId, visit, audience, onCancelled }: CancelVisitButtonProps) {
  const cancel = useCancelVisit();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const when = formatInstantInZone(visit.start, visit.location.timeZone, { withDate: true });

  function close() {
    setOpened(false);
    setReason('');
    setProblem(null);
    cancel.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = cancelReasonProblem(reason);
    setProblem(found);
    if (found) return;
    cancel.mutate(
      { patientId, attendanceId: visit.id, reason: reason.trim() },
      {
        onSuccess: (result) => {
          close();
          onCancelled?.(visit, result.late);
        },
      },
    );
  }

  return (
    <>
      <Button
        size="xs"
        variant="outline"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={`Cancel visit: ${visit.service.name}, ${when}`}
      >
        Cancel visit
      </Button>
      {/* Built from parts so the title bar is a plain div: a <header> would add a second banner landmark. */}
      <Modal.Root opened={opened} onClose={close}>
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header component="div">
            <Modal.Title>Cancel {visit.service.name}?</Modal.Title>
            <Modal.CloseButton aria-label="Close" />
          </Modal.Header>
          <Modal.Body>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <Text size="sm">
                  {visit.service.name} with {visit.practitioner.name}, {when}, at {visit.location.name}.
                </Text>
                <Text size="sm">
                  {audience === 'patient'
                    ? 'The time is given back so someone else can use it. Cancelling shortly before the visit may count as a late cancellation.'
                    : 'The patient’s time is freed for others. A cancellation inside the service’s notice period is recorded as late.'}
                </Text>
                <Textarea
                  label="Reason for cancelling"
                  description={
                    audience === 'patient' ? 'For example: I am unwell, or I have a clash.' : undefined
                  }
                  required
                  autosize
                  minRows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(event) => {
                    setReason(event.currentTarget.value);
                    setProblem(null);
                  }}
                  error={problem}
                  data-autofocus
                />
                {cancel.isError && (
                  <Alert color="red" title="The visit was not cancelled" role="alert">
                    {errorMessage(cancel.error)}
                  </Alert>
                )}
                <Group gap="sm" justify="flex-end">
                  <Button variant="default" onClick={close}>
                    Keep the visit
                  </Button>
                  <Button type="submit" color="red" loading={cancel.isPending}>
                    Cancel the visit
                  </Button>
                </Group>
              </Stack>
            </form>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
