import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ExpiringCredentialsSection } from '../../features/bedside/ExpiringCredentialsSection.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { StaffTable } from '../../features/staff/StaffTable.tsx';
import { useStaffUsers } from '../../features/staff/staff-queries.ts';

export function AdminHomePage() {
  const users = useStaffUsers();
  return (
    <Stack gap="lg">
      <PageTitle>Admin</PageTitle>
      <Group justify="space-between" align="center">
        <Text>Accounts and the audit trail of who saw which record.</Text>
        <Group gap="sm">
          <Button component={Link} to="/admin/outcomes" variant="outline">
            Program outcome reports
          </Button>
          <Button component={Link} to="/admin/audit" variant="outline">
            Open the audit log
          </Button>
        </Group>
      </Group>
      <Stack gap="md" component="section" aria-labelledby="staff-heading">
        <Title order={2} id="staff-heading">
          Staff
        </Title>
        {users.isPending ? (
          <LoadingState label="Loading accounts" />
        ) : users.isError ? (
          <ErrorState
            title="Could not load accounts"
            error={users.error}
            onRetry={() => void users.refetch()}
          />
        ) : (
          <StaffTable users={users.data} />
        )}
      </Stack>
      <ExpiringCredentialsSection days={60} />
    </Stack>
  );
}
