import { Alert, Text } from '@mantine/core';
import type { PatientAccess } from '../../api/types.ts';
import { formatInstantInZone } from '../time/format.ts';

// Filled red so the banner cannot be mistaken for routine chrome: the person is
// seeing a record outside their care team and every view is audited.
export function BreakGlassBanner({ access, timeZone }: { access: PatientAccess; timeZone: string }) {
  if (!access.breakGlass) return null;
  return (
    <Alert variant="filled" color="red" title="Emergency access (break the glass) — this access is audited">
      <Text size="sm" c="white">
        You are viewing this record outside your care team.
        {access.breakGlassExpiresAt &&
          ` Access ends at ${formatInstantInZone(access.breakGlassExpiresAt, timeZone, { withDate: true })}.`}
      </Text>
    </Alert>
  );
}
