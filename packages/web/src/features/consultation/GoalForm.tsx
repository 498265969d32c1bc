import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { goalMeasures, type PlanGoal } from '@meridian/domain';
import { useRef, useState } from 'react';
import {
  type Comparator,
  emptyGoalDraft,
  type GoalDraft,
  type GoalErrors,
  type GoalMeasure,
  goalFromDraft,
  goalPreview,
  measureLabels,
  withMeasure,
} from './plan-draft.ts';

interface GoalFormProps {
  onAdd: (goal: Omit<PlanGoal, 'id'>) => void;
  disabled?: boolean;
}

/** A measurable goal: what, measure, target, by when and how it is measured, with a live preview. */
export function GoalForm({ onAdd, disabled = false }: GoalFormProps) {
  const [draft, setDraft] = useState<GoalDraft>(() => emptyGoalDraft());
  const [errors, setErrors] = useState<GoalErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const whatRef = useRef<HTMLInputElement>(null);
  const preview = goalPreview(draft);

  function set<K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setAdded(null);
    if (key in errors) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const { goal, errors: problems } = goalFromDraft(draft, 'new');
    setErrors(problems);
    if (!goal) return;
    const { id: _id, ...rest } = goal;
    onAdd(rest);
    setAdded(`Added the goal “${goal.what}” (${preview ?? ''}).`);
    setDraft(emptyGoalDraft(draft.measure));
    whatRef.current?.focus();
  }

  return (
    <Fieldset legend="Add a goal" disabled={disabled}>
      <Stack gap="sm">
        <TextInput
          ref={whatRef}
          label="Goal"
          description="In words the patient would use, e.g. “Walk the dog every morning”."
          value={draft.what}
          error={errors.what}
          onChange={(e) => set('what', e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit(e);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            label="Measure"
            data={goalMeasures.map((m) => ({ value: m, label: measureLabels[m] }))}
            value={draft.measure}
            onChange={(e) => {
              const measure = e.currentTarget.value as GoalMeasure;
              setDraft((current) => withMeasure(current, measure));
              setAdded(null);
            }}
          />
          <NativeSelect
            label="Comparison"
            data={[
              { value: '<=', label: 'At most (≤)' },
              { value: '>=', label: 'At least (≥)' },
            ]}
            value={draft.comparator}
            onChange={(e) => set('comparator', e.currentTarget.value as Comparator)}
          />
          <TextInput
            label="Target"
            inputMode="decimal"
            value={draft.target}
            error={errors.target}
            onChange={(e) => set('target', e.currentTarget.value)}
          />
          <TextInput
            label="Weeks"
            description="Reached within this many weeks"
            inputMode="numeric"
            value={draft.byWeeks}
            error={errors.byWeeks}
            onChange={(e) => set('byWeeks', e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="How measured"
            value={draft.howMeasured}
            error={errors.howMeasured}
            onChange={(e) => set('howMeasured', e.currentTarget.value)}
          />
          <TextInput
            label="Unit"
            description="Optional, e.g. hours"
            value={draft.unit}
            onChange={(e) => set('unit', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Text size="sm" aria-live="polite">
          {preview ? `Preview: ${preview}` : 'Preview: give a target and the weeks.'}
        </Text>
        <div>
          <Button variant="light" onClick={() => submit()}>
            Add goal
          </Button>
        </div>
        <Text size="sm" role="status">
          {added ?? ''}
        </Text>
      </Stack>
    </Fieldset>
  );
}
