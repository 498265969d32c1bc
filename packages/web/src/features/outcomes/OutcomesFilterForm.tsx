import { Alert, Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { groupByOptions, measureOptions, type OutcomeFilters, validateFilters } from './outcomes-format.ts';
import { useGroupChoices } from './outcomes-queries.ts';

interface OutcomesFilterFormProps {
  /** The filters of the report on screen. */
  initial: OutcomeFilters;
  /** The filters to go back to (the last 12 months, by therapy, pain). */
  defaults: OutcomeFilters;
  onApply: (filters: OutcomeFilters) => void;
}

/** The choices of a filter list; a value from the URL that is not among them is kept as its id. */
function choicesWith(
  all: string,
  choices: { value: string; label: string }[] | undefined,
  current: string,
): { value: string; label: string }[] {
  const list = [{ value: '', label: all }, ...(choices ?? [])];
  return current === '' || list.some((c) => c.value === current)
    ? list
    : [...list, { value: current, label: current }];
}

export function OutcomesFilterForm({ initial, defaults, onApply }: OutcomesFilterFormProps) {
  const [draft, setDraft] = useState<OutcomeFilters>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  // The lists offer what has patients in the period of the report on screen.
  const period = { from: initial.from, to: initial.to };
  const therapies = useGroupChoices('therapy', period);
  const conditions = useGroupChoices('condition', period);

  function field<K extends keyof OutcomeFilters>(key: K) {
    return {
      value: draft[key],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
        const value = event.currentTarget.value as OutcomeFilters[K];
        setDraft((current) => ({ ...current, [key]: value }));
      },
    };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateFilters(draft);
    setProblem(error);
    if (!error) onApply(draft);
  }

  function handleReset() {
    setDraft(defaults);
    setProblem(null);
    onApply(defaults);
  }

  return (
    <form onSubmit={handleSubmit} aria-label="Report filters" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <NativeSelect label="Group by" data={groupByOptions} {...field('groupBy')} />
        <NativeSelect label="Measure" data={measureOptions} {...field('measure')} />
        <TextInput type="date" label="From (first day)" {...field('from')} />
        <TextInput type="date" label="To (last day, included)" {...field('to')} />
        <NativeSelect
          label="Therapy"
          description={therapies.isError ? 'Could not load the list of therapies.' : undefined}
          data={choicesWith('Every therapy', therapies.data, draft.therapy)}
          {...field('therapy')}
        />
        <NativeSelect
          label="Condition"
          description={conditions.isError ? 'Could not load the list of conditions.' : undefined}
          data={choicesWith('Every condition', conditions.data, draft.condition)}
          {...field('condition')}
        />
      </SimpleGrid>
      {problem && (
        <Alert color="red" title="Check the filters" role="alert" mt="sm">
          {problem}
        </Alert>
      )}
      <Group mt="md" gap="sm">
        <Button type="submit">Show report</Button>
        <Button type="button" variant="outline" onClick={handleReset}>
          Reset to the last 12 months
        </Button>
      </Group>
    </form>
  );
}
