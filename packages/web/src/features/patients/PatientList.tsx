import { Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PatientSummary } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { PatientSearch } from './PatientSearch.tsx';
import { PatientTable } from './PatientTable.tsx';
import { usePatientList } from './patient-queries.ts';

interface PatientListProps {
  caption: string;
  linkTo?: (patient: PatientSummary) => string;
}

/** A searchable list of the patients the server lets this user see. */
export function PatientList({ caption, linkTo }: PatientListProps) {
  const [search, setSearch] = useState('');
  // Waits for a pause in typing so each keystroke is not a request (and an audit entry).
  const [q] = useDebouncedValue(search.trim(), 300);
  const patients = usePatientList(q);

  return (
    <Stack gap="md">
      <PatientSearch value={search} onChange={setSearch} />
      {patients.isPending ? (
        <LoadingState label="Loading patients" />
      ) : patients.isError ? (
        <ErrorState
          title="Could not load patients"
          error={patients.error}
          onRetry={() => void patients.refetch()}
        />
      ) : (
        <PatientTable patients={patients.data} caption={caption} {...(linkTo ? { linkTo } : {})} />
      )}
    </Stack>
  );
}
