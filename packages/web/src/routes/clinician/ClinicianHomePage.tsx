import { Stack, Text } from '@mantine/core';
import { useCurrentUser } from '../../features/auth/me-query.ts';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { PatientList } from '../../features/patients/PatientList.tsx';

export function ClinicianHomePage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageTitle>Clinician workspace</PageTitle>
      <Text>
        Signed in as {me.name}
        {me.discipline ? ` (${me.discipline})` : ''}. These are the patients on your care teams.
      </Text>
      <PatientList
        caption="Your care-team patients"
        linkTo={(patient) => `/clinician/patients/${encodeURIComponent(patient.id)}`}
      />
    </Stack>
  );
}
