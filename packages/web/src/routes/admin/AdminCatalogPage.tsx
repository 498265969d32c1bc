import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LocationSetup } from '../../features/admin-config/LocationSetup.tsx';
import { ServiceCatalog } from '../../features/admin-config/ServiceCatalog.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';

export function AdminCatalogPage() {
  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/admin" size="sm">
        ← Back to Admin
      </Anchor>
      <PageTitle>Service catalog</PageTitle>
      <Text>
        The services the program offers, which location offers each, and the rooms they use. Every change is
        recorded in the audit log.
      </Text>
      <ServiceCatalog />
      <LocationSetup />
    </Stack>
  );
}
