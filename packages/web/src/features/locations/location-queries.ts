import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Location } from '../../api/types.ts';

export function useLocations() {
  return useQuery({
    queryKey: ['locations'],
    queryFn: async ({ signal }) =>
      (await api.get<{ locations: Location[] }>('/api/locations', { signal })).locations,
    // Sites change rarely; no need to refetch them on every visit to the page.
    staleTime: 10 * 60_000,
  });
}
