import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { StaffUser } from '../../api/types.ts';

export function useStaffUsers() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: async ({ signal }) =>
      (await api.get<{ users: StaffUser[] }>('/api/admin/users', { signal })).users,
  });
}
