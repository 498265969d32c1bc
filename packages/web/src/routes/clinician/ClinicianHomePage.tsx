import { Stack, Text } from '@mantine/core';
import { disciplineLabel } from '@meridian/domain';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { BedsideWorklist } from '../../features/bedside/BedsideWorklist.tsx';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { PatientList } from '../../features/patients/PatientList.tsx';
import { ReviewsDue } from '../../features/progress-clinician/ReviewsDue.tsx';

// Disciplines whose work is largely bedside orders see the worklist even when it is empty.
const bedsideDisciplines = new Set(['massage_therapist', 'acupuncturist']);

export function ClinicianHomePage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageTitle>Clinician workspace</PageTitle>
      <ClinicalNotice />
      <Text>
        Signed in as {me.name}
        {me.discipline ? ` (${disciplineLabel(me.discipline)})` : ''}. These are the patients on your care
        teams.
      </Text>
      <PatientList
        caption="Your care-team patients"
        linkTo={(patient) => `/clinician/patients/${encodeURIComponent(patient.id)}`}
      />
      <ReviewsDue />
      <BedsideWorklist alwaysShow={me.discipline !== null && bedsideDisciplines.has(me.discipline)} />
    </Stack>
  );
}
