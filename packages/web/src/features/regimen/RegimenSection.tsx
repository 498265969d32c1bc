import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { AddRegimenItemForm } from './AddRegimenItemForm.tsx';
import { RegimenTable } from './RegimenTable.tsx';
import { clinicianCategories } from './regimen-format.ts';
import { useRegimen } from './regimen-queries.ts';

/** The clinician's list of what the patient takes and has, with a form to add to it. */
export function RegimenSection({ patientId }: { patientId: string }) {
  const headingId = useId();
  const regimen = useRegimen(patientId);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          Medicines, supplements and conditions
        </Title>
        {regimen.isPending ? (
          <LoadingState label="Loading medicines, supplements and conditions" />
        ) : regimen.isError ? (
          <ErrorState
            title="Could not load the medicines, supplements and conditions"
            error={regimen.error}
            onRetry={() => void regimen.refetch()}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              “Recognised as” is how Meridian&apos;s knowledge base read what was written. Items marked “Not
              recognised” are not checked for interactions.
            </Text>
            <RegimenTable
              patientId={patientId}
              items={regimen.data.items}
              caption="Medicines, supplements, therapies and conditions"
            />
            <AddRegimenItemForm
              patientId={patientId}
              items={regimen.data.items}
              categories={clinicianCategories}
              audience="clinician"
              title="Add an item"
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
