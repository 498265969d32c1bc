import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  BedsideOrder,
  BedsidePrecautionOption,
  BedsideServiceOption,
  ExpiringCredentials,
  NewBedsideOrder,
  NewBedsideSession,
  PatientBedside,
  WorklistOrder,
} from '../../api/types.ts';
import { patientKeys } from '../patients/patient-queries.ts';

export const bedsideKeys = {
  all: ['bedside'] as const,
  precautions: ['bedside', 'precautions'] as const,
  services: (locationId: string) => ['bedside', 'services', locationId] as const,
  patient: (patientId: string) => ['bedside', 'patient', patientId] as const,
  worklist: ['bedside', 'worklist'] as const,
  expiringCredentials: (days: number) => ['admin', 'credentials', 'expiring', days] as const,
};

const volunteerVisitsKey = ['volunteer', 'visits'] as const;

export function useBedsidePrecautions() {
  return useQuery({
    queryKey: bedsideKeys.precautions,
    queryFn: async ({ signal }) =>
      (await api.get<{ precautions: BedsidePrecautionOption[] }>('/api/bedside/precautions', { signal }))
        .precautions,
    // The vocabulary changes with a release, not during a shift.
    staleTime: 60 * 60_000,
  });
}

export function useLocationServices(locationId: string) {
  return useQuery({
    queryKey: bedsideKeys.services(locationId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ services: BedsideServiceOption[] }>(
          `/api/services?${new URLSearchParams({ locationId })}`,
          { signal },
        )
      ).services,
    enabled: locationId !== '',
    staleTime: 5 * 60_000,
  });
}

export function usePatientBedside(patientId: string) {
  return useQuery({
    queryKey: bedsideKeys.patient(patientId),
    queryFn: ({ signal }) =>
      api.get<PatientBedside>(`/api/patients/${encodeURIComponent(patientId)}/bedside-orders`, { signal }),
    enabled: patientId !== '',
  });
}

export function useOrderBedside(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order: NewBedsideOrder) =>
      api.post<BedsideOrder>(`/api/patients/${encodeURIComponent(patientId)}/bedside-orders`, order),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bedsideKeys.all }),
  });
}

export function useBedsideWorklist(enabled = true) {
  return useQuery({
    queryKey: bedsideKeys.worklist,
    queryFn: async ({ signal }) =>
      (await api.get<{ orders: WorklistOrder[] }>('/api/bedside/worklist', { signal })).orders,
    enabled,
  });
}

export function useAcceptBedsideOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      api.post<BedsideOrder>(`/api/bedside-orders/${encodeURIComponent(orderId)}/accept`),
    // Accepting joins the care team, so the patient list changes too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bedsideKeys.all }),
        queryClient.invalidateQueries({ queryKey: patientKeys.all }),
      ]),
  });
}

export function useRecordBedsideSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, session }: { orderId: string; session: NewBedsideSession }) =>
      api.post<{ id: string; orderId: string; status: string }>(
        `/api/bedside-orders/${encodeURIComponent(orderId)}/sessions`,
        session,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bedsideKeys.all }),
  });
}

export function useRecordVolunteerSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, session }: { assignmentId: string; session: NewBedsideSession }) =>
      api.post<{ id: string }>(`/api/volunteer/visits/${encodeURIComponent(assignmentId)}/session`, session),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: volunteerVisitsKey }),
        queryClient.invalidateQueries({ queryKey: bedsideKeys.all }),
      ]),
  });
}

export function useExpiringCredentials(days = 60) {
  return useQuery({
    queryKey: bedsideKeys.expiringCredentials(days),
    queryFn: ({ signal }) =>
      api.get<ExpiringCredentials>(
        `/api/admin/credentials/expiring?${new URLSearchParams({ days: String(days) })}`,
        {
          signal,
        },
      ),
  });
}
