import { Center } from '@mantine/core';
import { Outlet } from 'react-router';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { CurrentUserContext } from './current-user.ts';
import { useMe } from './me-query.ts';
import { SignedOutRedirect } from './SignedOutRedirect.tsx';

/** Renders the signed-in routes only when there is a session. */
export function RequireAuth() {
  const me = useMe();
  // A failed background refetch (network blip) keeps the signed-in screens up;
  // only a definite "no session" (null) sends people to sign in.
  if (me.data) {
    return (
      <CurrentUserContext value={me.data}>
        <Outlet />
      </CurrentUserContext>
    );
  }
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
  return <SignedOutRedirect />;
}
