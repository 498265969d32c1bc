import { Anchor, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { TableScroll } from '../../features/common/TableScroll.tsx';
import { useLocations } from '../../features/locations/location-queries.ts';
import { PatientSearch } from '../../features/patients/PatientSearch.tsx';
import { usePatientList, usePatientRecord } from '../../features/patients/patient-queries.ts';
import { BookingFlow } from '../../features/scheduling/BookingFlow.tsx';

/** The front desk books a visit, a series or a class place for a patient. */
export function CoordinatorBookingPage() {
  const [query, setQuery] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const patients = usePatientList(query);
  const record = usePatientRecord(patientId);
  const locations = useLocations();
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <PageTitle>Book for a patient</PageTitle>
      <Text>
        Find the patient, then a time; coverage is shown before you confirm.{' '}
        <Anchor component={Link} to="/coordinator/calendar">
          Open the calendar
        </Anchor>
      </Text>
      {booked && (
        <Text role="status" c="green.9" fw={600}>
          {booked}
        </Text>
      )}
      {patientId === null ? (
        <Stack gap="sm" component="section" aria-labelledby="find-patient-heading">
          <Title order={2} id="find-patient-heading">
            Patient
          </Title>
          <PatientSearch value={query} onChange={setQuery} />
          {patients.isPending ? (
            <LoadingState label="Searching patients" />
          ) : patients.isError ? (
            <ErrorState
              title="Could not search patients"
              error={patients.error}
              onRetry={() => void patients.refetch()}
            />
          ) : (
            <TableScroll label="Patients found">
              <Table striped miw={520}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">MRN</Table.Th>
                    <Table.Th scope="col">Born</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Choose</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {patients.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {p.name.given} {p.name.family}
                      </Table.Td>
                      <Table.Td>{p.mrn}</Table.Td>
                      <Table.Td>{p.birthDate}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          onClick={() => setPatientId(p.id)}
                          aria-label={`Book for ${p.name.given} ${p.name.family}`}
                        >
                          Book
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Stack>
      ) : record.isPending || locations.isPending ? (
        <LoadingState label="Loading the patient and the clinics" />
      ) : record.isError || locations.isError ? (
        <ErrorState
          title="Could not load the patient or the clinics"
          error={(record.error ?? locations.error)!}
          onRetry={() => {
            void record.refetch();
            void locations.refetch();
          }}
        />
      ) : (
        <Stack gap="sm">
          <Text fw={600}>
            Booking for {record.data.patient.name.given} {record.data.patient.name.family} (
            {record.data.patient.mrn}){' '}
            <Button variant="subtle" size="xs" onClick={() => setPatientId(null)}>
              Choose another patient
            </Button>
          </Text>
          <BookingFlow
            audience="desk"
            patientId={patientId}
            locations={locations.data}
            homeLocationId={record.data.patient.location.id}
            onBooked={(count) => {
              setBooked(
                `Booked ${count === 1 ? 'the visit' : `${count} visits`} for ${record.data.patient.name.given} ${record.data.patient.name.family}.`,
              );
              setPatientId(null);
              void navigate('/coordinator/book');
            }}
          />
        </Stack>
      )}
    </Stack>
  );
}
