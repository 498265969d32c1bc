import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatInstantInZone } from '../time/format.ts';
import {
  summaryLinks,
  useConsultations,
  useStartConsultation,
  workspacePath,
} from './consultation-queries.ts';

interface ConsultationPanelProps {
  patientId: string;
  /** The patient's location zone, for the times shown. */
  timeZone: string;
}

/** Start or continue the consultation, and the past ones with their visit summary letters. */
export function ConsultationPanel({ patientId, timeZone }: ConsultationPanelProps) {
  const headingId = useId();
  const consultations = useConsultations(patientId);
  const start = useStartConsultation(patientId);
  const navigate = useNavigate();
  const open = consultations.data?.find((c) => c.status === 'open');
  const past = consultations.data?.filter((c) => c.status === 'signed') ?? [];
  const conflictId =
    isApiError(start.error, 409) && typeof start.error.details.consultationId === 'string'
      ? start.error.details.consultationId
      : null;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          Consultation
        </Title>
        {consultations.isPending ? (
          <LoadingState label="Loading consultations" />
        ) : consultations.isError ? (
          <ErrorState
            title="Could not load the consultations"
            error={consultations.error}
            onRetry={() => void consultations.refetch()}
          />
        ) : (
          <>
            {open ? (
              <Group gap="md">
                <Button component={Link} to={workspacePath(patientId, open.id)}>
                  Continue consultation
                </Button>
                <Text size="sm">
                  Opened by {open.clinician.name},{' '}
                  {formatInstantInZone(open.startedAt, timeZone, { withDate: true })}
                </Text>
              </Group>
            ) : (
              <Group gap="md">
                <Button
                  loading={start.isPending}
                  onClick={() =>
                    start.mutate(undefined, {
                      onSuccess: (view) => void navigate(workspacePath(patientId, view.consultation.id)),
                    })
                  }
                >
                  Start consultation
                </Button>
                <Text size="sm">
                  Opens the workspace: intake, reconciliation, safety, recommendations and the plan.
                </Text>
              </Group>
            )}
            {start.isError && (
              <Alert color="red" title="The consultation was not started" role="alert">
                <Stack gap={4}>
                  <Text size="sm">{errorMessage(start.error)}</Text>
                  {conflictId && (
                    <Anchor component={Link} to={workspacePath(patientId, conflictId)} size="sm">
                      Open the consultation already in progress
                    </Anchor>
                  )}
                </Stack>
              </Alert>
            )}
            <Title order={3} size="h4">
              Past consultations
            </Title>
            {past.length === 0 ? (
              <Text size="sm">No signed consultations yet.</Text>
            ) : (
              <TableScroll label="Past consultations">
                <Table striped miw={620} captionSide="top" verticalSpacing="xs">
                  <Table.Caption>Signed consultations, newest first</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Signed</Table.Th>
                      <Table.Th scope="col">Clinician</Table.Th>
                      <Table.Th scope="col">Visit summary</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {past.map((c) => {
                      const when = formatInstantInZone(c.signedAt ?? c.startedAt, timeZone, {
                        withDate: true,
                      });
                      const links = c.summaryId ? summaryLinks(patientId, c.summaryId) : null;
                      return (
                        <Table.Tr key={c.id}>
                          <Table.Th scope="row" fw={500}>
                            {when}
                          </Table.Th>
                          <Table.Td>{c.clinician.name}</Table.Td>
                          <Table.Td>
                            {links ? (
                              <Group gap="sm">
                                <Anchor
                                  href={links.html}
                                  target="_blank"
                                  rel="noreferrer"
                                  aria-label={`Letter (HTML) of ${when}, opens in a new tab`}
                                >
                                  Letter (HTML)
                                </Anchor>
                                <Anchor
                                  href={links.pdf}
                                  target="_blank"
                                  rel="noreferrer"
                                  aria-label={`Letter (PDF) of ${when}, opens in a new tab`}
                                >
                                  Letter (PDF)
                                </Anchor>
                                <Anchor
                                  href={links.fhir}
                                  target="_blank"
                                  rel="noreferrer"
                                  aria-label={`FHIR document of ${when}, opens in a new tab`}
                                >
                                  FHIR document
                                </Anchor>
                              </Group>
                            ) : (
                              <Badge variant="outline" color="gray" radius="sm">
                                No summary
                              </Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
