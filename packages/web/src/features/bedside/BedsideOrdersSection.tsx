import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { BedsideOrder, BedsideSession, LocationRef } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatInstantInZone } from '../time/format.ts';
import { describeChange, formatBedPlace, statusLabel } from './bedside-format.ts';
import { usePatientBedside } from './bedside-queries.ts';
import { OrderBedsideForm } from './OrderBedsideForm.tsx';
import { PrecautionBadges } from './PrecautionBadges.tsx';

function OrderCard({ order }: { order: BedsideOrder }) {
  const titleId = useId();
  const zone = order.location.timeZone;
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Title order={4} size="h5" id={titleId}>
            {order.service.name}
          </Title>
          <Badge variant="outline" color="dark" radius="sm" tt="none">
            {statusLabel(order.status)}
          </Badge>
        </Group>
        <Text size="sm">{formatBedPlace(order)}</Text>
        <Text size="sm">
          Ordered by {order.orderedBy},{' '}
          <time dateTime={order.orderedAt}>
            {formatInstantInZone(order.orderedAt, zone, { withDate: true })}
          </time>
          {order.acceptedBy ? `. Taken by ${order.acceptedBy}.` : '.'}
        </Text>
        <PrecautionBadges precautions={order.precautions} />
        {order.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            Notes: {order.notes}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ScoreCell({ before, after }: { before: number | null; after: number | null }) {
  if (before === null && after === null) return <Text size="sm">Not recorded</Text>;
  const change = describeChange(before, after);
  return (
    <Text size="sm">
      {before ?? 'not recorded'} → {after ?? 'not recorded'}
      {change && ` (${change})`}
    </Text>
  );
}

function SessionTable({ sessions, timeZone }: { sessions: BedsideSession[]; timeZone: string }) {
  if (sessions.length === 0) return <Text size="sm">No bedside visits recorded yet.</Text>;
  return (
    <TableScroll label="Bedside visits and scores">
      <Table striped miw={760} captionSide="top">
        <Table.Caption>
          Bedside visits, most recent first. Scores run from 0 (none) to 10 (worst).
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Service</Table.Th>
            <Table.Th scope="col">Given by</Table.Th>
            <Table.Th scope="col">Minutes</Table.Th>
            <Table.Th scope="col">Pain before → after</Table.Th>
            <Table.Th scope="col">Anxiety before → after</Table.Th>
            <Table.Th scope="col">Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <time dateTime={s.deliveredAt}>
                  {formatInstantInZone(s.deliveredAt, timeZone, { withDate: true })}
                </time>
              </Table.Td>
              <Table.Td>{s.service}</Table.Td>
              <Table.Td>{s.deliveredBy}</Table.Td>
              <Table.Td>{s.minutes}</Table.Td>
              <Table.Td>
                <ScoreCell before={s.painBefore} after={s.painAfter} />
              </Table.Td>
              <Table.Td>
                <ScoreCell before={s.anxietyBefore} after={s.anxietyAfter} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.notes || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

interface BedsideOrdersSectionProps {
  patientId: string;
  /** The patient's location: where the services are ordered from, and whose clock the times use. */
  location: LocationRef;
}

/** A hospitalised patient's bedside orders, the visits given with their scores, and a form to order one. */
export function BedsideOrdersSection({ patientId, location }: BedsideOrdersSectionProps) {
  const headingId = useId();
  const ordersHeadingId = useId();
  const visitsHeadingId = useId();
  const bedside = usePatientBedside(patientId);

  let body: React.ReactNode;
  if (bedside.isPending) body = <LoadingState label="Loading bedside orders" />;
  else if (bedside.isError)
    body = (
      <ErrorState
        title="Could not load the bedside orders"
        error={bedside.error}
        onRetry={() => void bedside.refetch()}
      />
    );
  else {
    const { orders, sessions } = bedside.data;
    const last = orders[0];
    body = (
      <Stack gap="md">
        <Stack component="section" aria-labelledby={ordersHeadingId} gap="xs">
          <Title order={3} size="h4" id={ordersHeadingId}>
            Orders
          </Title>
          {orders.length === 0 ? (
            <Text size="sm">No bedside orders yet.</Text>
          ) : (
            orders.map((order) => <OrderCard key={order.id} order={order} />)
          )}
        </Stack>
        <Stack component="section" aria-labelledby={visitsHeadingId} gap="xs">
          <Title order={3} size="h4" id={visitsHeadingId}>
            Bedside history
          </Title>
          <SessionTable sessions={sessions} timeZone={location.timeZone} />
        </Stack>
        <OrderBedsideForm
          patientId={patientId}
          location={location}
          lastPlace={last ? { unit: last.unit, room: last.room, bed: last.bed } : null}
        />
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Bedside orders
        </Title>
        <Text size="sm" c="dimmed">
          Integrative therapies for a patient in hospital. The therapist sees the unit, room and precautions
          on their worklist. Times are in {location.timeZone}.
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
