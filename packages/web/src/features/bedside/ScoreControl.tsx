import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useRef } from 'react';
import { scoreValues } from './bedside-format.ts';

interface ScoreControlProps {
  /** e.g. "Pain before (0 = none, 10 = worst)". */
  label: string;
  /** '' = not recorded, else '0'…'10'. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * A 0–10 rating scale as one radio group: big enough to tap at the bedside, and the arrow
 * keys move along it. Nothing is chosen until asked; "Clear" goes back to not recorded.
 */
export function ScoreControl({ label, value, onChange, error }: ScoreControlProps) {
  const labelId = useId();
  const hintId = useId();
  const scaleRef = useRef<HTMLDivElement>(null);
  return (
    <Stack gap={4}>
      <Text component="div" id={labelId} size="sm" fw={600}>
        {label}
      </Text>
      <SegmentedControl
        ref={scaleRef}
        aria-labelledby={labelId}
        aria-describedby={hintId}
        data={[...scoreValues]}
        value={value}
        onChange={onChange}
        size="sm"
        color="blue"
        fullWidth
        // Eleven segments fit a phone: the labels give up their side padding.
        styles={{ control: { minWidth: 0 }, label: { paddingInline: 0 } }}
      />
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text id={hintId} size="xs" c={error ? 'var(--mantine-color-error)' : 'dimmed'}>
          {error ?? (value === '' ? 'Not recorded. Leave it empty if it was not asked.' : `Chosen: ${value}`)}
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
            aria-label={`Clear ${label.replace(/\s*\(.*\)$/, '').toLowerCase()}`}
          >
            Clear
          </Button>
        )}
      </Group>
    </Stack>
  );
}
