import { Button, Chip, Fieldset, Group, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import type { Choice } from './diary-form.ts';

interface ChipChoicesProps {
  /** Names the group, e.g. "Where was the pain?". */
  legend: string;
  choices: readonly Choice[];
  value: string[];
  onChange: (value: string[]) => void;
  /** When given, a box to add a choice that is not offered, e.g. "Add a place". */
  addLabel?: string;
  maxLength?: number;
  /** Shown when there is nothing to choose from. */
  empty?: string;
}

// A long choice (a self-care practice) wraps inside its chip instead of widening the page.
const chipStyles = {
  label: {
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: 'var(--chip-size)',
    paddingBlock: 6,
    lineHeight: 1.3,
  },
} as const;

/** Tappable chips (each a checkbox) in a named group, with an optional box to add another. */
export function ChipChoices({
  legend,
  choices,
  value,
  onChange,
  addLabel,
  maxLength,
  empty,
}: ChipChoicesProps) {
  const [typed, setTyped] = useState('');

  function add() {
    const word = typed.trim().replace(/\s+/g, ' ');
    if (word === '') return;
    const existing = [...choices.map((c) => c.value), ...value].find(
      (v) => v.toLowerCase() === word.toLowerCase(),
    );
    const chosen = existing ?? word;
    if (!value.includes(chosen)) onChange([...value, chosen]);
    setTyped('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the word; it does not save the whole entry.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      {choices.length === 0 && empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Chip.Group multiple value={value} onChange={onChange}>
          <Group gap="xs" mt={4}>
            {choices.map((c) => (
              <Chip key={c.value} value={c.value} size="md" styles={chipStyles}>
                {c.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {addLabel && (
        <Group gap="xs" mt="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={addLabel}
            value={typed}
            maxLength={maxLength}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={add} disabled={typed.trim() === ''} aria-label={addLabel}>
            Add
          </Button>
        </Group>
      )}
    </Fieldset>
  );
}
