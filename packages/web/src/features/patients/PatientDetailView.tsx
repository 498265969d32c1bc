import { DataList, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PatientDetail } from '../../api/types.ts';
import { formatCalendarDate } from '../time/format.ts';
import { CareTeamList } from './CareTeamList.tsx';
import { formatAddress, formatSex } from './patient-format.ts';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Demographics, primary care and care team, under the page's own h1. */
export function PatientDetailView({ patient }: { patient: PatientDetail }) {
  const pcp = patient.primaryCareProvider;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Demographics
          </Title>
          <DataList labelWidth={130}>
            <Field label="MRN" value={patient.mrn} />
            <Field
              label="Date of birth"
              value={`${formatCalendarDate(patient.birthDate)} (age ${patient.age})`}
            />
            <Field label="Sex" value={formatSex(patient.sex)} />
            <Field label="Home location" value={patient.location.name} />
            <Field label="Time zone" value={patient.location.timeZone} />
            <Field label="Phone" value={patient.phone ?? 'Not recorded'} />
            <Field label="Email" value={patient.email ?? 'Not recorded'} />
            <Field label="Address" value={formatAddress(patient.address)} />
          </DataList>
        </Stack>
      </Paper>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              Primary care provider
            </Title>
            {pcp ? (
              <DataList labelWidth={130}>
                <Field label="Name" value={pcp.name} />
                <Field label="Organization" value={pcp.organization} />
                <Field label="Phone" value={pcp.phone} />
              </DataList>
            ) : (
              <Text>No primary care provider on record.</Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              Care team
            </Title>
            <CareTeamList members={patient.careTeam} />
          </Stack>
        </Paper>
      </Stack>
    </SimpleGrid>
  );
}
