import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { api, apiRequest } from '../../api/client.ts';
import type {
  AdminService,
  CredentialKind,
  NewCredential,
  NewRoom,
  NewTimeOff,
  PractitionerWithCredentials,
  Room,
  ServiceChanges,
  StoredWorkingHours,
  WorkingHoursRow,
} from '../../api/types.ts';

export const adminConfigKeys = {
  all: ['admin-config'] as const,
  catalog: ['admin-config', 'catalog'] as const,
  rooms: (locationId: string) => ['admin-config', 'rooms', locationId] as const,
  credentialKinds: ['admin-config', 'credential-kinds'] as const,
  practitioners: ['admin-config', 'practitioners'] as const,
  hours: (userId: string) => ['admin-config', 'hours', userId] as const,
};

const enc = encodeURIComponent;

/** The whole catalog, inactive services too (the server shows those to admins only). */
export function useCatalog() {
  return useQuery({
    queryKey: adminConfigKeys.catalog,
    queryFn: async ({ signal }) =>
      (await api.get<{ services: AdminService[] }>('/api/services?includeInactive=true', { signal }))
        .services,
  });
}

export function useCredentialKinds() {
  return useQuery({
    queryKey: adminConfigKeys.credentialKinds,
    queryFn: async ({ signal }) =>
      (await api.get<{ kinds: CredentialKind[] }>('/api/admin/credential-kinds', { signal })).kinds,
    // The list of kinds changes with a release, not during a session.
    staleTime: 60 * 60_000,
  });
}

export function useRooms(locationId: string) {
  return useQuery({
    queryKey: adminConfigKeys.rooms(locationId),
    queryFn: async ({ signal }) =>
      (await api.get<{ rooms: Room[] }>(`/api/locations/${enc(locationId)}/rooms`, { signal })).rooms,
    enabled: locationId !== '',
  });
}

/** Everyone with weekly hours somewhere, with their credentials. */
export function usePractitionersWithCredentials() {
  return useQuery({
    queryKey: adminConfigKeys.practitioners,
    queryFn: async ({ signal }) =>
      (await api.get<{ practitioners: PractitionerWithCredentials[] }>('/api/practitioners', { signal }))
        .practitioners,
  });
}

/**
 * A practitioner's saved weekly hours and time off to come. Null when this server cannot show them
 * (an older server without the GET): the editor then starts empty and shows what was saved.
 */
export function useStoredWorkingHours(userId: string) {
  return useQuery({
    queryKey: adminConfigKeys.hours(userId),
    queryFn: async ({ signal }): Promise<StoredWorkingHours | null> => {
      try {
        return await api.get<StoredWorkingHours>(`/api/admin/users/${enc(userId)}/working-hours`, { signal });
      } catch (error) {
        if (isApiError(error, 404) || isApiError(error, 405)) return null;
        throw error;
      }
    },
    enabled: userId !== '',
  });
}

/** Catalog changes show up wherever services are listed: booking, bedside orders, the waitlist. */
function useInvalidateCatalog() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminConfigKeys.all }),
      client.invalidateQueries({ queryKey: ['scheduling'] }),
      client.invalidateQueries({ queryKey: ['bedside', 'services'] }),
    ]);
}

export function useUpdateService() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ serviceId, changes }: { serviceId: string; changes: ServiceChanges }) =>
      apiRequest<{ id: string; changed: (keyof ServiceChanges)[] }>(`/api/admin/services/${enc(serviceId)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: invalidate,
  });
}

export function useSetLocationServices() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ locationId, serviceIds }: { locationId: string; serviceIds: string[] }) =>
      apiRequest<{ locationId: string; serviceIds: string[] }>(
        `/api/admin/locations/${enc(locationId)}/services`,
        { method: 'PUT', body: { serviceIds } },
      ),
    onSuccess: invalidate,
  });
}

export function useAddRoom(locationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (room: NewRoom) =>
      api.post<{ id: string }>(`/api/admin/locations/${enc(locationId)}/rooms`, room),
    onSuccess: () => client.invalidateQueries({ queryKey: adminConfigKeys.rooms(locationId) }),
  });
}

export function useAddCredential() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, credential }: { userId: string; credential: NewCredential }) =>
      api.post<{ id: string }>(`/api/admin/users/${enc(userId)}/credentials`, credential),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminConfigKeys.practitioners }),
        client.invalidateQueries({ queryKey: ['admin', 'credentials', 'expiring'] }),
        client.invalidateQueries({ queryKey: ['scheduling'] }),
      ]),
  });
}

export function useSetWorkingHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      locationId,
      hours,
    }: {
      userId: string;
      locationId: string;
      hours: WorkingHoursRow[];
    }) =>
      apiRequest<{ userId: string; locationId: string; hours: WorkingHoursRow[] }>(
        `/api/admin/users/${enc(userId)}/working-hours`,
        { method: 'PUT', body: { locationId, hours } },
      ),
    onSuccess: (_saved, { userId }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminConfigKeys.hours(userId) }),
        // Who works where (and so who is listed) follows the hours.
        client.invalidateQueries({ queryKey: adminConfigKeys.practitioners }),
        client.invalidateQueries({ queryKey: ['scheduling'] }),
      ]),
  });
}

export function useAddTimeOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, timeOff }: { userId: string; timeOff: NewTimeOff }) =>
      api.post<{ id: string; bookedVisitsToMove: number }>(`/api/users/${enc(userId)}/time-off`, timeOff),
    onSuccess: (_saved, { userId }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminConfigKeys.hours(userId) }),
        client.invalidateQueries({ queryKey: ['scheduling'] }),
      ]),
  });
}
