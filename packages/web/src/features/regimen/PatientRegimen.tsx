import { Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { PatientFindings } from '../safety/PatientFindings.tsx';
import { AddRegimenItemForm } from './AddRegimenItemForm.tsx';
import { PatientRegimenList } from './PatientRegimenList.tsx';
import { patientCategories } from './regimen-format.ts';
import { useRegimen } from './regimen-queries.ts';

/** The portal's medicines and supplements, and what to talk about with the care team. */
export function PatientRegimen({ patientId }: { patientId: string }) {
  const headingId = useId();
  const regimen = useRegimen(patientId);
  const loadError = regimen.isError && (
    <ErrorState
      title="Could not load your medicines and supplements"
      error={regimen.error}
      onRetry={() => void regimen.refetch()}
    />
  );
  return (
    <Stack gap="md">
      <Paper component="section" aria-labelledby={headingId} withBorder p="md">
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            My medicines and supplements
          </Title>
          {regimen.isPending ? (
            <LoadingState label="Loading your medicines and supplements" />
          ) : regimen.isError ? (
            loadError
          ) : (
            <>
              <PatientRegimenList items={regimen.data.items} />
              <AddRegimenItemForm
                patientId={patientId}
                items={regimen.data.items}
                categories={patientCategories}
                audience="patient"
                title="Add a medicine or supplement"
              />
            </>
          )}
        </Stack>
      </Paper>
      {regimen.isSuccess && (
        <PatientFindings findings={regimen.data.findings} notAssessed={regimen.data.notAssessed} />
      )}
    </Stack>
  );
}
