import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../api/types.ts';
import { useCurrentUser } from './current-user.ts';
import { roleHomePath } from './roles.ts';

interface RequireRoleProps {
  allow: Role;
}

// The server enforces access; this only keeps people out of screens that would
// fail for them, sending them to their own home instead.
export function RequireRole({ allow }: RequireRoleProps) {
  const me = useCurrentUser();
  if (me.role !== allow) return <Navigate to={roleHomePath(me.role)} replace />;
  return <Outlet />;
}
