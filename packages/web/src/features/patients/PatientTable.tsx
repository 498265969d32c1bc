import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientSummary } from '../../api/types.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { comparePatientsByName, formatPatientNameSortable, formatSex } from './patient-format.ts';

interface PatientTableProps {
  patients: PatientSummary[];
  caption: string;
  /** When given, each name links to the patient's page. */
  linkTo?: (patient: PatientSummary) => string;
}

export function PatientTable({ patients, caption, linkTo }: PatientTableProps) {
  if (patients.length === 0) return <Text>No patients found.</Text>;
  const sorted = [...patients].sort(comparePatientsByName);
  return (
    <TableScroll label={caption}>
      <Table striped highlightOnHover miw={640} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">MRN</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Age</Table.Th>
            <Table.Th scope="col">Sex</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((patient) => {
            const name = formatPatientNameSortable(patient.name);
            return (
              <Table.Tr key={patient.id}>
                <Table.Th scope="row" fw={500}>
                  {linkTo ? (
                    <Anchor component={Link} to={linkTo(patient)} underline="always">
                      {name}
                    </Anchor>
                  ) : (
                    name
                  )}
                </Table.Th>
                <Table.Td>{patient.mrn}</Table.Td>
                <Table.Td>{formatCalendarDate(patient.birthDate)}</Table.Td>
                <Table.Td>{patient.age}</Table.Td>
                <Table.Td>{formatSex(patient.sex)}</Table.Td>
                <Table.Td>{patient.location.name}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
