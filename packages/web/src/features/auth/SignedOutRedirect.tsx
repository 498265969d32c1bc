import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { meQueryKey } from './me-query.ts';
import { signInPathAfterSignOut } from './session-expiry.ts';

/** Leaves the signed-in area, dropping the data it showed. */
export function SignedOutRedirect() {
  const queryClient = useQueryClient();
  // Runs after the signed-in screens have unmounted, so no observer refetches
  // what is removed; patient data from the ended session should not linger.
  useEffect(() => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  }, [queryClient]);
  return <Navigate to={signInPathAfterSignOut()} replace />;
}
