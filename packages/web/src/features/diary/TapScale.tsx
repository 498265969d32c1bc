import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useRef } from 'react';

const zeroToTen = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

interface TapScaleProps {
  /** The question; it names the radio group ("Pain now", or a questionnaire item word for word). */
  label: string;
  /** What the ends mean, e.g. "0 = no pain, 10 = the worst pain you can imagine". */
  ends?: string;
  /** '' = not answered, else one of `values`. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** The choices, 0…10 unless given. */
  values?: readonly (string | { value: string; label: string })[];
  /** Whether the answer can be taken back with "Clear" (not on a questionnaire being answered). */
  clearable?: boolean;
}

/**
 * A 0–10 scale as one radio group of large segments, easy to tap on a phone (the arrow keys move
 * along it). The chosen value is also said in words below it.
 */
export function TapScale({
  label,
  ends,
  value,
  onChange,
  error,
  values = zeroToTen,
  clearable = true,
}: TapScaleProps) {
  const labelId = useId();
  const endsId = useId();
  const statusId = useId();
  const scaleRef = useRef<HTMLDivElement>(null);
  const chosen = values.find((v) => (typeof v === 'string' ? v : v.value) === value);
  const chosenLabel = chosen === undefined ? value : typeof chosen === 'string' ? chosen : chosen.label;
  const status = (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Text id={statusId} size="sm" c={error ? 'var(--mantine-color-error)' : 'dimmed'}>
        {error ?? (value === '' ? 'Not answered yet.' : `Your answer: ${chosenLabel}`)}
      </Text>
      {clearable && value !== '' && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            onChange('');
            scaleRef.current?.querySelector('input')?.focus();
          }}
          aria-label={`Clear: ${label}`}
        >
          Clear
        </Button>
      )}
    </Group>
  );
  // A short question shares its line with the answer; a long one (a questionnaire item) has it below.
  const short = label.length <= 32 && !error;
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
        <Text component="div" id={labelId} fw={600}>
          {label}
        </Text>
        {short && status}
      </Group>
      {ends && (
        <Text id={endsId} size="xs" c="dimmed">
          {ends}
        </Text>
      )}
      <SegmentedControl
        ref={scaleRef}
        aria-labelledby={labelId}
        aria-describedby={ends ? `${endsId} ${statusId}` : statusId}
        data={[...values]}
        value={value}
        onChange={onChange}
        size="lg"
        color="blue"
        fullWidth
        // Eleven segments fit a phone: the labels give up their side padding, not their height.
        styles={{ control: { minWidth: 0 }, label: { paddingInline: 0 } }}
      />
      {!short && status}
    </Stack>
  );
}
