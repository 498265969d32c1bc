import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { useCarePlan } from '../consultation/consultation-queries.ts';
import type { PlanVersionView } from '../consultation/consultation-types.ts';
import { interventionDose } from '../consultation/plan-draft.ts';
import { formatCalendarDate, formatInstantInZone } from '../time/format.ts';
import { AdjustPlanForm } from './AdjustPlanForm.tsx';

interface ClinicianPlanProps {
  patientId: string;
  timeZone: string;
}

/** The current plan, its history of versions, any older version, and "Adjust plan". */
export function ClinicianPlan({ patientId, timeZone }: ClinicianPlanProps) {
  const headingId = useId();
  const [viewing, setViewing] = useState<number | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const shownRef = useRef<HTMLHeadingElement>(null);
  const current = useCarePlan(patientId, null);
  const older = useCarePlan(patientId, viewing);
  const shown = viewing === null ? current : older;

  function view(version: number | null) {
    setViewing(version);
    setAdjusting(false);
    setSaved(null);
    // The version shown replaces the one above; focus follows it.
    requestAnimationFrame(() => shownRef.current?.focus());
  }

  let body: React.ReactNode;
  if (current.isPending) body = <LoadingState label="Loading the plan" />;
  else if (current.isError)
    body = (
      <ErrorState
        title="Could not load the plan"
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  else if (!current.data.plan)
    body = <Text>No plan yet. The first version is made when a consultation is signed.</Text>;
  else {
    const plan = current.data.plan;
    const latest = plan.latestVersion;
    const version = shown.data?.plan?.shown;
    body = (
      <Stack gap="md">
        {saved && (
          <Alert color="teal" variant="outline" title="Plan adjusted" role="status">
            {saved}
          </Alert>
        )}
        {adjusting && current.data.plan.shown.version === latest ? (
          <AdjustPlanForm
            patientId={patientId}
            version={current.data.plan.shown}
            onCancel={() => setAdjusting(false)}
            onSaved={(n) => {
              setAdjusting(false);
              setSaved(`Version ${n} is now the current plan.`);
            }}
            onReload={() => void current.refetch()}
          />
        ) : shown.isPending ? (
          <LoadingState label={`Loading version ${viewing}`} />
        ) : shown.isError || !version ? (
          <ErrorState
            title="Could not load that version"
            error={shown.error}
            onRetry={() => void shown.refetch()}
          />
        ) : (
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Title order={3} size="h4" ref={shownRef} tabIndex={-1}>
                {version.version === latest
                  ? `Current plan: version ${version.version}`
                  : `Version ${version.version} (an older version; the current one is ${latest})`}
              </Title>
              {version.version === latest ? (
                <Button
                  variant="light"
                  onClick={() => {
                    setSaved(null);
                    setAdjusting(true);
                  }}
                >
                  Adjust plan
                </Button>
              ) : (
                <Button variant="default" onClick={() => view(null)}>
                  Back to the current version
                </Button>
              )}
            </Group>
            <VersionDetails version={version} timeZone={timeZone} startedOn={plan.startedOn} />
          </Stack>
        )}
        <Title order={3} size="h4">
          Version history
        </Title>
        <TableScroll label="Plan version history">
          <Table striped miw={720} captionSide="top" verticalSpacing="xs">
            <Table.Caption>Every version of the plan, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Author</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Changes</Table.Th>
                <Table.Th scope="col">View</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Th scope="row">
                    {v.version}
                    {v.version === latest ? ' (current)' : ''}
                  </Table.Th>
                  <Table.Td>{formatInstantInZone(v.createdAt, timeZone, { withDate: true })}</Table.Td>
                  <Table.Td>{v.createdBy ?? 'A former clinician'}</Table.Td>
                  <Table.Td>{v.reason}</Table.Td>
                  <Table.Td>
                    {v.changes.length === 0 ? (
                      <Text size="sm">{v.version === 1 ? 'First version' : 'No changes listed'}</Text>
                    ) : (
                      <List size="sm" spacing={2}>
                        {v.changes.map((c) => (
                          <List.Item key={c}>{c}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {(viewing ?? latest) === v.version ? (
                      <Text size="sm">Shown</Text>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => view(v.version === latest ? null : v.version)}
                        aria-label={`View version ${v.version}`}
                      >
                        View
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          Plan
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}

function VersionDetails({
  version,
  timeZone,
  startedOn,
}: {
  version: PlanVersionView;
  timeZone: string;
  startedOn: string;
}) {
  const c = version.content;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Made {formatInstantInZone(version.createdAt, timeZone, { withDate: true })} by{' '}
        {version.createdBy ?? 'a former clinician'}: {version.reason} Plan started{' '}
        {formatCalendarDate(startedOn)}.{version.lead?.name ? ` Lead clinician: ${version.lead.name}.` : ''}
      </Text>
      {version.conditions.length > 0 && (
        <Text size="sm">
          <strong>Conditions:</strong> {version.conditions.map((x) => x.name).join(', ')}
        </Text>
      )}
      <Details title="Goals" empty="No goals.">
        {version.goals.map((g) => (
          <List.Item key={g.id}>
            {g.what} — {g.target} (due {formatCalendarDate(g.dueDate)}); measured by {g.howMeasured}
          </List.Item>
        ))}
      </Details>
      <Details title="Therapies" empty="No therapies.">
        {version.interventions.map((i) => (
          <List.Item key={i.id}>
            {i.therapyName} — {interventionDose(i)}
            {i.practitionerName ? `, with ${i.practitionerName}` : ''}
          </List.Item>
        ))}
      </Details>
      <Details title="Self-care" empty="No self-care practices.">
        {c.selfCare.map((s) => (
          <List.Item key={s.id}>
            {s.practice} ({s.frequency})
          </List.Item>
        ))}
      </Details>
      <Details title="Supplements" empty="No supplement changes.">
        {c.supplements.map((s) => (
          <List.Item key={s.name}>
            {s.action === 'start' ? 'Start' : s.action === 'stop' ? 'Stop' : 'Continue'} {s.name}
            {s.dose ? `, ${s.dose}` : ''}
            {s.frequency ? `, ${s.frequency}` : ''}
            {s.reason ? ` — ${s.reason}` : ''}
          </List.Item>
        ))}
      </Details>
      <Details title="Reading" empty="No articles assigned.">
        {version.education.map((a) => (
          <List.Item key={a.id}>{a.title}</List.Item>
        ))}
      </Details>
      <Text size="sm">
        <strong>Review date:</strong> {c.reviewDate ? formatCalendarDate(c.reviewDate) : 'not set'}
      </Text>
    </Stack>
  );
}

function Details({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {children.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {children}
        </List>
      )}
    </Stack>
  );
}
