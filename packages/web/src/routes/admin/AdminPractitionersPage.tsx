import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PractitionerAdmin } from '../../features/admin-config/PractitionerAdmin.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';

export function AdminPractitionersPage() {
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin" size="sm">
        ← Back to Admin
      </Anchor>
      <PageTitle>Practitioners</PageTitle>
      <Text>
        Who delivers the program's services: their credentials, the hours they work at each location and their
        time off. A practitioner is offered for a service only while they hold its credentials and have hours
        where it is offered.
      </Text>
      <PractitionerAdmin />
    </Stack>
  );
}
