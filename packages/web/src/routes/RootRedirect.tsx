import { Center } from '@mantine/core';
import { Navigate } from 'react-router';
import { useMe } from '../features/auth/me-query.ts';
import { roleHomePath } from '../features/auth/roles.ts';
import { ErrorState } from '../features/common/ErrorState.tsx';
import { LoadingState } from '../features/common/LoadingState.tsx';

/** `/` has no page of its own: it sends people to their role's home or to sign in. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center component="main" id="main" mih="100vh">
        <LoadingState label="Checking your session" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center component="main" id="main" mih="100vh" p="md">
        <ErrorState title="Could not check your session" error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return <Navigate to={me.data ? roleHomePath(me.data.role) : '/sign-in'} replace />;
}
