import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Visit } from '../../api/types.ts';

export function useVolunteerVisits() {
  return useQuery({
    queryKey: ['volunteer', 'visits'],
    queryFn: async ({ signal }) =>
      (await api.get<{ visits: Visit[] }>('/api/volunteer/visits', { signal })).visits,
  });
}
