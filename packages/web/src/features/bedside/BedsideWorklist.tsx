import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import type { NewBedsideSession, WorklistOrder } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { formatBedPlace, sessionSummary, statusLabel } from './bedside-format.ts';
import { useAcceptBedsideOrder, useBedsideWorklist, useRecordBedsideSession } from './bedside-queries.ts';
import { PrecautionBadges } from './PrecautionBadges.tsx';
import { TherapyFindings } from './TherapyFindings.tsx';
import { VisitForm } from './VisitForm.tsx';

interface WorklistCardProps {
  order: WorklistOrder;
  onSaved: (message: string) => void;
}

function WorklistCard({ order, onSaved }: WorklistCardProps) {
  const titleId = useId();
  const accept = useAcceptBedsideOrder();
  const record = useRecordBedsideSession();
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const zone = order.location.timeZone;
  const who = order.patient ? order.patient.name : 'Patient not yet on your care team';

  function save(session: NewBedsideSession) {
    record.mutate(
      { orderId: order.id, session },
      {
        onSuccess: () => {
          setRecording(false);
          onSaved(`Saved the visit to ${order.patient?.name ?? 'the patient'}: ${sessionSummary(session)}.`);
        },
      },
    );
  }

  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={titleId}>
            {order.service.name} · {who}
          </Title>
          <Badge variant="outline" color="dark" radius="sm" tt="none">
            {order.status === 'accepted' ? 'Accepted by you' : statusLabel(order.status)}
          </Badge>
        </Group>
        {order.patient && (
          <Text size="sm">
            MRN {order.patient.mrn} ·{' '}
            <Anchor component={Link} to={`/clinician/patients/${encodeURIComponent(order.patient.id)}`}>
              Open {order.patient.name}&apos;s record
            </Anchor>
          </Text>
        )}
        <Text fw={700}>{formatBedPlace(order)}</Text>
        <Text size="sm">{order.location.name}</Text>
        <Text size="sm">
          Ordered by {order.orderedBy},{' '}
          <time dateTime={order.orderedAt}>
            {formatInstantInZone(order.orderedAt, zone, { withDate: true })}
          </time>
        </Text>
        <Text size="sm" fw={700} component="h4" m={0}>
          Precautions
        </Text>
        <PrecautionBadges precautions={order.precautions} />
        {order.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>Notes from the ward:</strong> {order.notes}
          </Text>
        )}
        {order.findings && (
          <Stack gap="xs">
            <Text size="sm" fw={700} component="h4" m={0}>
              Safety findings for {order.service.name.toLowerCase()}
            </Text>
            <TherapyFindings findings={order.findings} serviceName={order.service.name} headingOrder={5} />
          </Stack>
        )}
        {accept.isError && (
          <Alert color="red" title="The order was not accepted" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        )}
        {order.patient === null ? (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              Accept the order to join this patient&apos;s care team; then you will see their name and can
              record the visit.
            </Text>
            <Button
              loading={accept.isPending}
              onClick={() => accept.mutate(order.id)}
              aria-label={`Accept ${order.service.name}, ${formatBedPlace(order)}`}
            >
              Accept
            </Button>
          </Stack>
        ) : recording ? (
          <Paper withBorder p="sm" bg="gray.0">
            <VisitForm
              title={`Record the visit to ${order.patient.name}`}
              withCompletion
              pending={record.isPending}
              error={record.isError ? record.error : null}
              onSubmit={save}
              onCancel={() => {
                setRecording(false);
                record.reset();
                // Back to the button that opened the form.
                requestAnimationFrame(() => recordButton.current?.focus());
              }}
            />
          </Paper>
        ) : (
          <Button
            ref={recordButton}
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setRecording(true)}
          >
            Record visit
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

interface BedsideWorklistProps {
  /** Show the section even while it loads or is empty (for massage therapists and acupuncturists). */
  alwaysShow: boolean;
}

/** Open bedside orders this clinician can take, with the precautions to plan around. */
export function BedsideWorklist({ alwaysShow }: BedsideWorklistProps) {
  const headingId = useId();
  const worklist = useBedsideWorklist();
  const [saved, setSaved] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  // A completed order leaves the list with its form; the confirmation takes the focus instead.
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  const orders = worklist.data ?? [];
  if (!alwaysShow && orders.length === 0 && !saved) return null;

  let body: React.ReactNode;
  if (worklist.isPending) body = <LoadingState label="Loading the bedside worklist" />;
  else if (worklist.isError)
    body = (
      <ErrorState
        title="Could not load the bedside worklist"
        error={worklist.error}
        onRetry={() => void worklist.refetch()}
      />
    );
  else if (orders.length === 0) body = <Text>No bedside orders are waiting for you at your locations.</Text>;
  else body = orders.map((order) => <WorklistCard key={order.id} order={order} onSaved={setSaved} />);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        Bedside worklist
      </Title>
      <Text size="sm" c="dimmed">
        Orders from the wards for the services you give, oldest first. Times are in each location&apos;s own
        time zone.
      </Text>
      <div ref={statusRef} tabIndex={-1} role="status">
        {saved && (
          <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-teal-9)' }}>
            <Text fw={700}>Visit saved</Text>
            <Text size="sm">{saved}</Text>
          </Paper>
        )}
      </div>
      {body}
    </Stack>
  );
}
