import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  type AllergyRow,
  type AllergySeverity,
  type ConditionRow,
  emptyAllergy,
  emptyCondition,
  emptyGoal,
  emptyMedicine,
  type GoalRow,
  type IntakeFormErrors,
  intakeLimits,
  kindLabels,
  type MedicineKind,
  type MedicineRow,
  severityLabels,
} from './intake-form.ts';
import { NameField } from './NameField.tsx';

/** Ids of the inputs, so a row just added (or an answer to fix) can be given the focus. */
export const fieldId = (formId: string, field: string) => `${formId}-${field.replace(/\./g, '-')}`;

/** Focuses an element by id after the next render (a row just added). */
function useFocusAfterRender() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

function replaceRow<T extends { key: string }>(rows: T[], key: string, patch: Partial<T>): T[] {
  return rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
}

interface RowsProps<T> {
  formId: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  errors: IntakeFormErrors;
}

export function GoalRows({ formId, rows, onChange, errors }: RowsProps<GoalRow>) {
  const focusLater = useFocusAfterRender();
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Stack gap="xs">
      {rows.map((row, i) => (
        <Group key={row.key} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            id={fieldId(formId, `goals.${i}`)}
            label={`Goal ${i + 1}`}
            description={
              i === 0 ? 'In your own words, e.g. “Sleep through the night” or “Walk to the park”' : undefined
            }
            value={row.text}
            onChange={(e) => onChange(replaceRow(rows, row.key, { text: e.currentTarget.value }))}
            maxLength={intakeLimits.goal}
            error={errors[`goals.${i}`]}
            style={{ flex: 1 }}
          />
          {rows.length > 1 && (
            <Button
              variant="default"
              aria-label={`Remove goal ${i + 1}`}
              onClick={() => {
                onChange(rows.filter((r) => r.key !== row.key));
                addRef.current?.focus();
              }}
            >
              Remove
            </Button>
          )}
        </Group>
      ))}
      {rows.length < intakeLimits.goals && (
        <Button
          ref={addRef}
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            onChange([...rows, emptyGoal()]);
            focusLater(fieldId(formId, `goals.${rows.length}`));
          }}
        >
          Add a goal
        </Button>
      )}
    </Stack>
  );
}

export function ConditionRows({ formId, rows, onChange, errors }: RowsProps<ConditionRow>) {
  const focusLater = useFocusAfterRender();
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Stack gap="sm">
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`Condition ${i + 1}`} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NameField
              id={fieldId(formId, `conditions.${i}.name`)}
              label="Condition or health problem"
              hint="e.g. low back pain, migraine, diabetes"
              value={row.name}
              onChange={(name) => onChange(replaceRow(rows, row.key, { name }))}
              kinds={['condition']}
              maxLength={intakeLimits.conditionName}
              error={errors[`conditions.${i}.name`]}
            />
            <TextInput
              label="Since when"
              description="e.g. 2019, or 3 months"
              value={row.since}
              onChange={(e) => onChange(replaceRow(rows, row.key, { since: e.currentTarget.value }))}
              maxLength={intakeLimits.since}
            />
          </SimpleGrid>
          <Button
            mt="sm"
            variant="default"
            size="xs"
            aria-label={`Remove condition ${i + 1}`}
            onClick={() => {
              onChange(rows.filter((r) => r.key !== row.key));
              addRef.current?.focus();
            }}
          >
            Remove
          </Button>
        </Fieldset>
      ))}
      {rows.length < intakeLimits.conditions && (
        <Button
          ref={addRef}
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            onChange([...rows, emptyCondition()]);
            focusLater(fieldId(formId, `conditions.${rows.length}.name`));
          }}
        >
          Add a condition
        </Button>
      )}
    </Stack>
  );
}

interface MedicineRowsProps extends RowsProps<MedicineRow> {
  none: boolean;
  onNoneChange: (none: boolean) => void;
}

export function MedicineRows({ formId, rows, onChange, errors, none, onNoneChange }: MedicineRowsProps) {
  const focusLater = useFocusAfterRender();
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Stack gap="sm">
      <Checkbox
        label="I take no medicines or supplements"
        checked={none}
        onChange={(e) => onNoneChange(e.currentTarget.checked)}
      />
      {!none && (
        <>
          {rows.map((row, i) => (
            <Fieldset key={row.key} legend={`Medicine or supplement ${i + 1}`} variant="filled" p="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NameField
                  id={fieldId(formId, `medicines.${i}.name`)}
                  label="Medicine or supplement name"
                  hint="As written on the label, e.g. sertraline or fish oil"
                  value={row.name}
                  onChange={(name) => onChange(replaceRow(rows, row.key, { name }))}
                  onKnown={(known) => {
                    if ((known.kind === 'medicine' || known.kind === 'supplement') && known.kind !== row.kind)
                      onChange(replaceRow(rows, row.key, { kind: known.kind }));
                  }}
                  kinds={['medicine', 'supplement']}
                  maxLength={intakeLimits.medicineName}
                  error={errors[`medicines.${i}.name`]}
                />
                <NativeSelect
                  label="Medicine or supplement?"
                  description="Herbs, vitamins and minerals are supplements"
                  data={(['medicine', 'supplement'] as const).map((k) => ({
                    value: k,
                    label: kindLabels[k],
                  }))}
                  value={row.kind}
                  onChange={(e) =>
                    onChange(replaceRow(rows, row.key, { kind: e.currentTarget.value as MedicineKind }))
                  }
                />
                <TextInput
                  label="Dose"
                  description="e.g. 50 mg, or 1 capsule"
                  value={row.dose}
                  onChange={(e) => onChange(replaceRow(rows, row.key, { dose: e.currentTarget.value }))}
                  maxLength={intakeLimits.dose}
                />
                <TextInput
                  label="How often"
                  description="e.g. once a day, or when needed"
                  value={row.frequency}
                  onChange={(e) => onChange(replaceRow(rows, row.key, { frequency: e.currentTarget.value }))}
                  maxLength={intakeLimits.frequency}
                />
                <TextInput
                  label="Since when"
                  description="e.g. 2021, or 3 months"
                  value={row.since}
                  onChange={(e) => onChange(replaceRow(rows, row.key, { since: e.currentTarget.value }))}
                  maxLength={intakeLimits.since}
                />
              </SimpleGrid>
              <Button
                mt="sm"
                variant="default"
                size="xs"
                aria-label={`Remove medicine or supplement ${i + 1}`}
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  addRef.current?.focus();
                }}
              >
                Remove
              </Button>
            </Fieldset>
          ))}
          {rows.length < intakeLimits.medicines && (
            <Button
              ref={addRef}
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                onChange([...rows, emptyMedicine()]);
                focusLater(fieldId(formId, `medicines.${rows.length}.name`));
              }}
            >
              Add a medicine or supplement
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

interface AllergyRowsProps extends RowsProps<AllergyRow> {
  none: boolean;
  onNoneChange: (none: boolean) => void;
}

export function AllergyRows({ formId, rows, onChange, errors, none, onNoneChange }: AllergyRowsProps) {
  const focusLater = useFocusAfterRender();
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Stack gap="sm">
      <Checkbox
        label="No known allergies"
        checked={none}
        onChange={(e) => onNoneChange(e.currentTarget.checked)}
      />
      {!none && (
        <>
          {rows.map((row, i) => (
            <Fieldset key={row.key} legend={`Allergy ${i + 1}`} variant="filled" p="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  id={fieldId(formId, `allergies.${i}.substance`)}
                  label="What you are allergic to"
                  description="A medicine, food, plant, latex…"
                  value={row.substance}
                  onChange={(e) => onChange(replaceRow(rows, row.key, { substance: e.currentTarget.value }))}
                  maxLength={intakeLimits.substance}
                  error={errors[`allergies.${i}.substance`]}
                />
                <TextInput
                  label="What happens"
                  description="e.g. rash, swelling"
                  value={row.reaction}
                  onChange={(e) => onChange(replaceRow(rows, row.key, { reaction: e.currentTarget.value }))}
                  maxLength={intakeLimits.reaction}
                />
                <NativeSelect
                  label="How bad"
                  data={[
                    { value: '', label: 'Not sure' },
                    ...(['mild', 'moderate', 'severe'] as const).map((s) => ({
                      value: s,
                      label: severityLabels[s],
                    })),
                  ]}
                  value={row.severity}
                  onChange={(e) =>
                    onChange(
                      replaceRow(rows, row.key, { severity: e.currentTarget.value as AllergySeverity }),
                    )
                  }
                />
              </SimpleGrid>
              <Button
                mt="sm"
                variant="default"
                size="xs"
                aria-label={`Remove allergy ${i + 1}`}
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  addRef.current?.focus();
                }}
              >
                Remove
              </Button>
            </Fieldset>
          ))}
          {rows.length < intakeLimits.allergies && (
            <Button
              ref={addRef}
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                onChange([...rows, emptyAllergy()]);
                focusLater(fieldId(formId, `allergies.${rows.length}.substance`));
              }}
            >
              Add an allergy
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
