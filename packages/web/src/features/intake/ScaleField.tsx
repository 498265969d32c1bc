import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useRef } from 'react';

const values = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

interface ScaleFieldProps {
  /** The question, e.g. "Pain right now". */
  label: string;
  /** What the ends mean, e.g. "0 = no pain, 10 = the worst pain you can imagine". */
  ends: string;
  /** '' = not answered, else '0'…'10'. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * A 0–10 scale as one radio group (the arrow keys move along it). Nothing is chosen until the
 * patient answers; "Clear" takes the answer back.
 */
export function ScaleField({ label, ends, value, onChange, error }: ScaleFieldProps) {
  const labelId = useId();
  const endsId = useId();
  const statusId = useId();
  const scaleRef = useRef<HTMLDivElement>(null);
  return (
    <Stack gap={4}>
      <Text component="div" id={labelId} size="sm" fw={600}>
        {label}
      </Text>
      <Text id={endsId} size="xs" c="dimmed">
        {ends}
      </Text>
      <SegmentedControl
        ref={scaleRef}
        aria-labelledby={labelId}
        aria-describedby={`${endsId} ${statusId}`}
        data={values}
        value={value}
        onChange={onChange}
        size="sm"
        color="blue"
        fullWidth
        // Eleven segments fit a phone: the labels give up their side padding.
        styles={{ control: { minWidth: 0 }, label: { paddingInline: 0 } }}
      />
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text id={statusId} size="xs" c={error ? 'var(--mantine-color-error)' : 'dimmed'}>
          {error ?? (value === '' ? 'Not answered yet.' : `Your answer: ${value}`)}
        </Text>
        {value !== '' && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => {
              onChange('');
              // The button goes away; the scale keeps the focus.
              scaleRef.current?.querySelector('input')?.focus();
            }}
            aria-label={`Clear: ${label}`}
          >
            Clear
          </Button>
        )}
      </Group>
    </Stack>
  );
}
