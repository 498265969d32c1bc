import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { disciplineLabel } from '@meridian/domain';
import { useId, useRef, useState } from 'react';
import { roleDisplayName } from '../auth/roles.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { useLocations } from '../locations/location-queries.ts';
import { useStaffUsers } from '../staff/staff-queries.ts';
import { useNow } from '../time/use-now.ts';
import { AddCredentialForm } from './AddCredentialForm.tsx';
import { usePractitionersWithCredentials } from './admin-config-queries.ts';
import { PractitionerTable } from './PractitionerTable.tsx';
import { practitionerRows, todayUtc } from './practitioner-format.ts';
import { TimeOffForm } from './TimeOffForm.tsx';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

/** The list of practitioners and volunteers, and for one of them: credentials, weekly hours, time off. */
export function PractitionerAdmin() {
  const listHeadingId = useId();
  const manageHeadingId = useId();
  const users = useStaffUsers();
  const practitioners = usePractitionersWithCredentials();
  const locations = useLocations();
  const now = useNow(60 * 60_000);
  const [chosen, setChosen] = useState('');
  const manageHeading = useRef<HTMLHeadingElement>(null);

  if (users.isPending || practitioners.isPending || locations.isPending)
    return <LoadingState label="Loading practitioners" />;
  if (users.isError || practitioners.isError || locations.isError)
    return (
      <ErrorState
        title="Could not load the practitioners"
        error={users.error ?? practitioners.error ?? locations.error}
        onRetry={() => {
          void users.refetch();
          void practitioners.refetch();
          void locations.refetch();
        }}
      />
    );

  const rows = practitionerRows(users.data, practitioners.data);
  const person = rows.find((r) => r.id === chosen) ?? rows[0];
  const today = todayUtc(now);

  return (
    <Stack gap="xl">
      <Stack gap="md" component="section" aria-labelledby={listHeadingId}>
        <Title order={2} id={listHeadingId}>
          Practitioners and volunteers
        </Title>
        <PractitionerTable
          rows={rows}
          locations={locations.data}
          today={today}
          onManage={(row) => {
            setChosen(row.id);
            // Focus moves to the forms for that person (the heading names them).
            requestAnimationFrame(() => manageHeading.current?.focus());
          }}
        />
      </Stack>
      {person && (
        <Stack gap="md" component="section" aria-labelledby={manageHeadingId}>
          <Title order={2} id={manageHeadingId} ref={manageHeading} tabIndex={-1}>
            Credentials and hours of {person.name}
          </Title>
          <NativeSelect
            label="Practitioner or volunteer"
            data={rows.map((r) => ({
              value: r.id,
              label: `${r.name} (${r.discipline ? disciplineLabel(r.discipline) : roleDisplayName(r.role).toLowerCase()})`,
            }))}
            value={person.id}
            onChange={(e) => setChosen(e.currentTarget.value)}
            maw={480}
          />
          {person.credentials === null && (
            <Text size="sm">
              {person.name} has no weekly hours yet, so their credentials are not listed above; set hours to
              see them.
            </Text>
          )}
          {/* Keyed by the person so each form starts empty for them. */}
          <AddCredentialForm key={`credential:${person.id}`} person={person} />
          <WeeklyHoursEditor key={`hours:${person.id}`} person={person} locations={locations.data} />
          <TimeOffForm key={`off:${person.id}`} person={person} locations={locations.data} />
        </Stack>
      )}
    </Stack>
  );
}
