import { type ComboboxParsedItem, MultiSelect, SimpleGrid } from '@mantine/core';
import { useEffect, useState } from 'react';
import { choosePreferences, intakeLimits } from './intake-form.ts';
import { useNameSuggestions } from './intake-queries.ts';
import { therapyOptions } from './therapy-options.ts';

interface TherapyPreferencesProps {
  wanted: string[];
  declined: string[];
  onChange: (value: { wanted: string[]; declined: string[] }) => void;
}

/** Names of therapies found by typing (id → name), kept for the session so chosen ones keep their name. */
function useFoundTherapies(search: string) {
  const { suggestions } = useNameSuggestions(search, ['therapy']);
  const [found, setFound] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (suggestions.length === 0) return;
    setFound((current) => {
      if (suggestions.every((s) => current.has(s.id))) return current;
      const next = new Map(current);
      for (const s of suggestions) next.set(s.id, s.name);
      return next;
    });
  }, [suggestions]);
  return { found, matching: new Set(suggestions.map((s) => s.id)) };
}

function TherapySelect({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description: string;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const [search, setSearch] = useState('');
  const { found, matching } = useFoundTherapies(search);
  const typed = search.trim().toLowerCase();
  // Options match by their own words, or because the server matched a synonym of what was typed.
  const filter = ({ options }: { options: ComboboxParsedItem[] }) =>
    typed === ''
      ? options
      : options.filter(
          (o) => 'value' in o && (o.label.toLowerCase().includes(typed) || matching.has(o.value)),
        );
  return (
    <MultiSelect
      label={label}
      description={description}
      data={therapyOptions(found, value)}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      maxValues={intakeLimits.therapies}
      nothingFoundMessage="No therapy by that name in our list"
      clearable
      hidePickedOptions
    />
  );
}

/** Therapies the patient would like to try, and those they would rather not have. */
export function TherapyPreferences({ wanted, declined, onChange }: TherapyPreferencesProps) {
  const current = { wanted, declined };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TherapySelect
        label="Therapies you would like to try"
        description="Type to find more"
        value={wanted}
        onChange={(chosen) => onChange(choosePreferences(current, 'wanted', chosen))}
      />
      <TherapySelect
        label="Therapies you would rather not have"
        description="Type to find more"
        value={declined}
        onChange={(chosen) => onChange(choosePreferences(current, 'declined', chosen))}
      />
    </SimpleGrid>
  );
}
