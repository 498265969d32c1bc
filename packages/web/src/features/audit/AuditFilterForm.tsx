import { Alert, Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { auditActions } from '@meridian/domain';
import { type FormEvent, useState } from 'react';
import { type AuditFilters, emptyAuditFilters, validateAuditFilters } from './audit-filters.ts';

interface AuditFilterFormProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(initial);
  const [problem, setProblem] = useState<string | null>(null);

  function field(key: keyof AuditFilters) {
    return {
      value: draft[key],
      onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
        const value = event.currentTarget.value;
        setDraft((current) => ({ ...current, [key]: value }));
      },
    };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateAuditFilters(draft);
    setProblem(error);
    if (!error) onApply(draft);
  }

  function handleClear() {
    setDraft(emptyAuditFilters);
    setProblem(null);
    onApply(emptyAuditFilters);
  }

  return (
    <form onSubmit={handleSubmit} aria-label="Audit filters" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <TextInput label="Patient ID" {...field('patientId')} />
        <TextInput label="User ID" {...field('userId')} />
        <NativeSelect
          label="Action"
          data={[
            { value: '', label: 'Any action' },
            ...auditActions.map((a) => ({ value: a, label: a.replace('_', ' ') })),
          ]}
          {...field('action')}
        />
        <TextInput type="date" label="From (UTC day)" {...field('from')} />
        <TextInput type="date" label="To (UTC day, inclusive)" {...field('to')} />
      </SimpleGrid>
      {problem && (
        <Alert color="red" title="Check the filters" role="alert" mt="sm">
          {problem}
        </Alert>
      )}
      <Group mt="md" gap="sm">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="outline" onClick={handleClear}>
          Clear
        </Button>
      </Group>
    </form>
  );
}
