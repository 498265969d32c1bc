import { Badge, Group, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { RegimenItem } from '../../api/types.ts';
import { TableScroll } from '../common/TableScroll.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { categoryLabel } from './regimen-format.ts';
import { StopItemButton } from './StopItemButton.tsx';

interface RegimenTableProps {
  patientId: string;
  items: readonly RegimenItem[];
  caption: string;
}

function Recognised({ item }: { item: RegimenItem }) {
  if (item.resolved) return <>{item.resolved.name}</>;
  return (
    <Badge variant="outline" color="gray" radius="sm" style={{ overflow: 'visible' }}>
      Not recognised
    </Badge>
  );
}

/** Active items first (as the server sends them), then stopped ones for the history. */
export function RegimenTable({ patientId, items, caption }: RegimenTableProps) {
  // The Stop button goes away with the item, so focus moves to a message saying what happened.
  const [stopping, setStopping] = useState<string | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const item = items.find((i) => i.id === stopping && i.status === 'stopped');
    if (!item) return;
    setStopping(null);
    setStopped(item.text);
    statusRef.current?.focus();
  }, [items, stopping]);

  if (items.length === 0) return <Text>Nothing recorded yet.</Text>;
  return (
    <>
      <Text ref={statusRef} tabIndex={-1} size="sm" role="status">
        {stopped ? `Stopped “${stopped}”. The safety check has been run again.` : ''}
      </Text>
      <TableScroll label={caption}>
        <Table striped miw={560} captionSide="top" verticalSpacing="xs" horizontalSpacing={8}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col">Written as</Table.Th>
              <Table.Th scope="col">Recognised as</Table.Th>
              <Table.Th scope="col">Dose</Table.Th>
              <Table.Th scope="col">Frequency</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const isStopped = item.status === 'stopped';
              return (
                <Table.Tr key={item.id} c={isStopped ? 'dimmed' : undefined}>
                  <Table.Td>{categoryLabel[item.category]}</Table.Td>
                  <Table.Th
                    scope="row"
                    fw={500}
                    style={isStopped ? { textDecoration: 'line-through' } : undefined}
                  >
                    {item.text}
                  </Table.Th>
                  <Table.Td>
                    <Recognised item={item} />
                  </Table.Td>
                  <Table.Td>{item.dose ?? '—'}</Table.Td>
                  <Table.Td>{item.frequency ?? '—'}</Table.Td>
                  <Table.Td>{item.startedOn ? formatCalendarDate(item.startedOn) : '—'}</Table.Td>
                  <Table.Td>
                    {isStopped ? (
                      'Stopped'
                    ) : (
                      <Group gap={6}>
                        <span>Active</span>
                        <StopItemButton
                          patientId={patientId}
                          item={item}
                          onStopping={(item) => setStopping(item.id)}
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
