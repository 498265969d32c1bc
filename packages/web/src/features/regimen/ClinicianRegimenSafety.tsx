import { Grid } from '@mantine/core';
import { SafetyPanel } from '../safety/SafetyPanel.tsx';
import { RegimenSection } from './RegimenSection.tsx';

interface ClinicianRegimenSafetyProps {
  patientId: string;
  timeZone: string;
}

/**
 * The regimen beside its safety panel on wide screens. The panel comes first in the
 * page (and so above the list on phones) because it is what needs attention.
 */
export function ClinicianRegimenSafety({ patientId, timeZone }: ClinicianRegimenSafetyProps) {
  return (
    <Grid gap="md" align="flex-start">
      <Grid.Col span={{ base: 12, xl: 5 }}>
        <SafetyPanel patientId={patientId} timeZone={timeZone} canAcknowledge />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 7 }}>
        <RegimenSection patientId={patientId} />
      </Grid.Col>
    </Grid>
  );
}
