import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { AdminService, CredentialKind } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { TableScroll } from '../common/TableScroll.tsx';
import { Notice } from '../scheduling/Notice.tsx';
import { useCatalog, useCredentialKinds } from './admin-config-queries.ts';
import {
  capacityText,
  credentialNames,
  deliveredByText,
  formatDurations,
  formatPrice,
  groupByCategory,
  settingsText,
} from './catalog-format.ts';
import { ServiceEditDialog } from './ServiceEditDialog.tsx';

function CategoryTable({
  category,
  services,
  kinds,
  onEdit,
}: {
  category: string;
  services: AdminService[];
  kinds: CredentialKind[];
  onEdit: (service: AdminService) => void;
}) {
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {category}
      </Title>
      <TableScroll label={`${category} services`}>
        <Table striped miw={1180}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Service</Table.Th>
              <Table.Th scope="col">Durations</Table.Th>
              <Table.Th scope="col">Delivered by</Table.Th>
              <Table.Th scope="col">Required credentials</Table.Th>
              <Table.Th scope="col">Group capacity</Table.Th>
              <Table.Th scope="col">Settings</Table.Th>
              <Table.Th scope="col">Self-bookable</Table.Th>
              <Table.Th scope="col">Self-pay price</Table.Th>
              <Table.Th scope="col">Active</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((s) => {
              const required = credentialNames(s.requiredCredentials, kinds);
              return (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{formatDurations(s.durations)}</Table.Td>
                  <Table.Td>{deliveredByText(s)}</Table.Td>
                  <Table.Td>{required.length === 0 ? 'None' : required.join('; ')}</Table.Td>
                  <Table.Td>{capacityText(s.capacity)}</Table.Td>
                  <Table.Td>{settingsText(s.settings)}</Table.Td>
                  <Table.Td>{s.selfBookable ? 'Yes' : 'No'}</Table.Td>
                  <Table.Td>{formatPrice(s.selfPayCents)}</Table.Td>
                  <Table.Td>
                    {s.active ? (
                      'Active'
                    ) : (
                      <Badge variant="outline" color="dark" radius="sm" tt="none">
                        Inactive
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${s.name}`}
                      onClick={() => onEdit(s)}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

/** The catalog by category, with an editor per service. */
export function ServiceCatalog() {
  const headingId = useId();
  const catalog = useCatalog();
  const kinds = useCredentialKinds();
  const [editing, setEditing] = useState<AdminService | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  let body: React.ReactNode;
  if (catalog.isPending || kinds.isPending) body = <LoadingState label="Loading the service catalog" />;
  else if (catalog.isError || kinds.isError)
    body = (
      <ErrorState
        title="Could not load the service catalog"
        error={catalog.error ?? kinds.error}
        onRetry={() => {
          void catalog.refetch();
          void kinds.refetch();
        }}
      />
    );
  else if (catalog.data.length === 0) body = <Text>The catalog is empty.</Text>;
  else
    body = groupByCategory(catalog.data).map((group) => (
      <CategoryTable
        key={group.category}
        category={group.category}
        services={group.services}
        kinds={kinds.data}
        onEdit={(service) => {
          setSaved(null);
          setEditing(service);
        }}
      />
    ));

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        Services
      </Title>
      <Text size="sm">
        What the program offers, how long each visit lasts, who may deliver it and what it costs without
        insurance. Inactive services are kept for history but cannot be booked.
      </Text>
      {saved && (
        <Notice tone="success" role="status" title="Saved">
          {saved}
        </Notice>
      )}
      {body}
      {editing && kinds.data && (
        <ServiceEditDialog
          key={editing.id}
          service={editing}
          kinds={kinds.data}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
    </Stack>
  );
}
