import { createContext, useContext } from 'react';
import type { Me } from '../../api/types.ts';

// Filled in by RequireAuth. Reading the user from context (rather than from the
// "me" query directly) means that when a session ends, the guard unmounts the
// signed-in screens before any of them can render without a user.
export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user, for components rendered only inside the signed-in routes. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser was used outside the signed-in routes.');
  return user;
}
