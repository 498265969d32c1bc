import { Autocomplete, type ComboboxParsedItem, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { KnowledgeNameKind, KnownName } from '../../api/types.ts';
import { exactSuggestion, isKnownName } from './intake-form.ts';
import { useNameSuggestions } from './intake-queries.ts';

interface NameFieldProps {
  id: string;
  label: string;
  /** Shown until the name is checked, e.g. "As written on the label". */
  hint: string;
  value: string;
  onChange: (value: string) => void;
  kinds: readonly KnowledgeNameKind[];
  /** Called with the knowledge base's entry when the name is one it knows (picked or typed in full). */
  onKnown?: (name: KnownName) => void;
  maxLength: number;
  error?: string | undefined;
}

const kindWords: Record<KnowledgeNameKind, string> = {
  medicine: 'medicine',
  supplement: 'supplement',
  therapy: 'therapy',
  condition: 'condition',
};

// The server's suggestions already match brands and synonyms ("Zoloft" → sertraline), so the
// combobox shows them as they come instead of filtering them again by the typed text.
const keepServerOrder = ({ options }: { options: ComboboxParsedItem[] }) => options;

/**
 * A name with typing suggestions from the knowledge base (an accessible combobox). Any name may be
 * kept as typed; one the knowledge base does not know gets a note that the care team will check it.
 */
export function NameField({
  id,
  label,
  hint,
  value,
  onChange,
  kinds,
  onKnown,
  maxLength,
  error,
}: NameFieldProps) {
  const { suggestions, settled } = useNameSuggestions(value, kinds);
  const known = settled ? exactSuggestion(value, suggestions) : undefined;
  const unknown = settled && !isKnownName(value, suggestions);

  // A name typed in full takes the entry's kind (medicine or supplement) as if it had been picked;
  // a saved answer is left as the patient chose it.
  const typed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the recognised entry changes
  useEffect(() => {
    if (known && typed.current) onKnown?.(known);
  }, [known?.id, known?.kind]);

  const names = [...new Set(suggestions.map((s) => s.name))];
  const description = unknown
    ? 'Not in our list yet — your care team will check it.'
    : known
      ? `In our list as ${known.name} (${kindWords[known.kind]}).`
      : hint;

  return (
    <Autocomplete
      id={id}
      label={label}
      description={description}
      value={value}
      onChange={(next) => {
        typed.current = true;
        onChange(next);
      }}
      data={names}
      filter={keepServerOrder}
      onOptionSubmit={(name) => {
        const picked = suggestions.find((s) => s.name === name);
        if (picked) onKnown?.(picked);
      }}
      renderOption={({ option }) => {
        const s = suggestions.find((x) => x.name === option.value);
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{option.value}</Text>
            {s && (
              <Text size="xs" c="dimmed">
                {kindWords[s.kind]}
                {s.matched ? ` · matches “${s.matched}”` : ''}
              </Text>
            )}
          </Group>
        );
      }}
      maxLength={maxLength}
      autoComplete="off"
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
