import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/me-query.ts';
import { roleHomePath } from '../../features/auth/roles.ts';
import { SignInForm } from '../../features/auth/SignInForm.tsx';
import { sessionEndedReason } from '../../features/auth/session-expiry.ts';
import { LoadingState } from '../../features/common/LoadingState.tsx';

export function SignInPage() {
  useDocumentTitle('Sign in · Meridian');
  const me = useMe();
  const [searchParams] = useSearchParams();
  const sessionEnded = searchParams.get('reason') === sessionEndedReason;

  if (me.data) return <Navigate to={roleHomePath(me.data.role)} replace />;

  return (
    <Container component="main" id="main" size={420} py={48} px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text fw={700} size="xl" c="blue.9">
            Meridian
          </Text>
          <Title order={1}>Sign in</Title>
          <Text>Integrative medicine and health program</Text>
        </Stack>
        {sessionEnded && (
          <Alert color="blue" title="Signed out" role="status">
            Your session ended, please sign in again.
          </Alert>
        )}
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {me.isPending ? <LoadingState label="Checking your session" /> : <SignInForm />}
        </Paper>
      </Stack>
    </Container>
  );
}
