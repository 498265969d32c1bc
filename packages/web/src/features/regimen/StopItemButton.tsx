import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { RegimenItem } from '../../api/types.ts';
import { useStopRegimenItem } from './regimen-queries.ts';

/** "Stop" with a confirmation dialog; the safety check reruns on the server. */
interface StopItemButtonProps {
  patientId: string;
  item: RegimenItem;
  /**
   * Called when the stop is sent. The button unmounts as soon as the stopped item
   * arrives, before any per-call success callback could run, so the table watches for that.
   */
  onStopping?: (item: RegimenItem) => void;
}

export function StopItemButton({ patientId, item, onStopping }: StopItemButtonProps) {
  const stop = useStopRegimenItem(patientId);
  const [opened, setOpened] = useState(false);

  function close() {
    setOpened(false);
    stop.reset();
  }

  return (
    <>
      <Button
        size="xs"
        variant="outline"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={`Stop ${item.text}`}
      >
        Stop
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Stop ${item.text}?`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text size="sm">
            This records that the patient no longer takes or has “{item.text}”. It stays in the history as
            stopped, and the safety check runs again without it.
          </Text>
          {stop.isError && (
            <Alert color="red" title="The item was not stopped" role="alert">
              {errorMessage(stop.error)}
            </Alert>
          )}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={stop.isPending}
              onClick={() => {
                onStopping?.(item);
                stop.mutate(item.id, { onSuccess: close });
              }}
            >
              Stop {item.text}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
