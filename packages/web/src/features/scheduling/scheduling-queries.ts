import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  Appointment,
  BookedSeries,
  BookingRequest,
  CalendarView,
  Coverage,
  Practitioner,
  SeriesProposal,
  SeriesRequest,
  Service,
  SlotSearchResult,
} from '../../api/types.ts';
import { type SlotSearch, slotSearchParams } from './schedule-format.ts';

export const schedulingKeys = {
  all: ['scheduling'] as const,
  services: (locationId: string) => ['scheduling', 'services', locationId] as const,
  practitioners: (locationId: string) => ['scheduling', 'practitioners', locationId] as const,
  slots: (search: SlotSearch | null) => ['scheduling', 'slots', search] as const,
  allSlots: ['scheduling', 'slots'] as const,
  coverage: (patientId: string, serviceId: string, locationId: string, date: string) =>
    ['scheduling', 'coverage', patientId, serviceId, locationId, date] as const,
  appointments: (patientId: string) => ['scheduling', 'appointments', patientId] as const,
  proposal: (patientId: string, request: SeriesRequest | null) =>
    ['scheduling', 'proposal', patientId, request] as const,
  calendar: (args: CalendarArgs) => ['scheduling', 'calendar', args] as const,
  allCalendars: ['scheduling', 'calendar'] as const,
};

const patientBase = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export function useServices(locationId: string) {
  return useQuery({
    queryKey: schedulingKeys.services(locationId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ services: Service[] }>(`/api/services?${new URLSearchParams({ locationId })}`, {
          signal,
        })
      ).services,
    enabled: locationId !== '',
    staleTime: 10 * 60_000,
  });
}

export function usePractitioners(locationId: string) {
  return useQuery({
    queryKey: schedulingKeys.practitioners(locationId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ practitioners: Practitioner[] }>(
          `/api/practitioners?${new URLSearchParams({ locationId })}`,
          { signal },
        )
      ).practitioners,
    enabled: locationId !== '',
    staleTime: 10 * 60_000,
  });
}

/** Free slots; `search` is null until there is enough to search for. */
export function useSlots(search: SlotSearch | null) {
  return useQuery({
    queryKey: schedulingKeys.slots(search),
    queryFn: ({ signal }) => api.get<SlotSearchResult>(`/api/slots?${slotSearchParams(search!)}`, { signal }),
    enabled: search !== null,
    placeholderData: keepPreviousData,
    // Slots go quickly; a short cache keeps a back-and-forth cheap without showing stale times for long.
    staleTime: 15_000,
  });
}

export interface CoverageArgs {
  serviceId: string;
  locationId: string;
  /** The visit's day in the location's zone. */
  date: string;
}

export function useCoverage(patientId: string, args: CoverageArgs | null) {
  return useQuery({
    queryKey: schedulingKeys.coverage(
      patientId,
      args?.serviceId ?? '',
      args?.locationId ?? '',
      args?.date ?? '',
    ),
    queryFn: ({ signal }) =>
      api.get<Coverage>(`${patientBase(patientId)}/coverage?${new URLSearchParams({ ...args! })}`, {
        signal,
      }),
    enabled: args !== null && patientId !== '',
  });
}

export function usePatientAppointments(patientId: string) {
  return useQuery({
    queryKey: schedulingKeys.appointments(patientId),
    queryFn: async ({ signal }) =>
      (await api.get<{ appointments: Appointment[] }>(`${patientBase(patientId)}/appointments`, { signal }))
        .appointments,
    enabled: patientId !== '',
  });
}

/** A proposed series. A POST, but it only reads: nothing is booked until the series is sent. */
export function useSeriesProposal(patientId: string, request: SeriesRequest | null) {
  return useQuery({
    queryKey: schedulingKeys.proposal(patientId, request),
    queryFn: ({ signal }) =>
      api.post<SeriesProposal>(`${patientBase(patientId)}/series/proposal`, request, { signal }),
    enabled: request !== null && patientId !== '',
    staleTime: 15_000,
  });
}

/** After any booking change, every view of visits, slots and calendars is out of date. */
function useInvalidateScheduling() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
}

export function useBookVisit(patientId: string) {
  const invalidate = useInvalidateScheduling();
  return useMutation({
    mutationFn: (request: BookingRequest) =>
      api.post<Appointment>(`${patientBase(patientId)}/appointments`, request),
    onSettled: invalidate,
  });
}

export function useBookSeries(patientId: string) {
  const invalidate = useInvalidateScheduling();
  return useMutation({
    mutationFn: (request: SeriesRequest) =>
      api.post<BookedSeries>(`${patientBase(patientId)}/series`, request),
    onSettled: invalidate,
  });
}

export function useCancelVisit() {
  const invalidate = useInvalidateScheduling();
  return useMutation({
    mutationFn: ({
      patientId,
      attendanceId,
      reason,
    }: {
      patientId: string;
      attendanceId: string;
      reason: string;
    }) =>
      api.post<Appointment & { late: boolean }>(
        `${patientBase(patientId)}/appointments/${encodeURIComponent(attendanceId)}/cancel`,
        { reason },
      ),
    onSettled: invalidate,
  });
}

export function useRescheduleVisit() {
  const invalidate = useInvalidateScheduling();
  return useMutation({
    mutationFn: ({
      patientId,
      attendanceId,
      start,
      practitionerId,
    }: {
      patientId: string;
      attendanceId: string;
      start: string;
      practitionerId?: string;
    }) =>
      api.post<Appointment>(
        `${patientBase(patientId)}/appointments/${encodeURIComponent(attendanceId)}/reschedule`,
        practitionerId ? { start, practitionerId } : { start },
      ),
    onSettled: invalidate,
  });
}

export interface CalendarArgs {
  locationId: string;
  from: string;
  to: string;
  practitionerId?: string | undefined;
}

export function useCalendar(args: CalendarArgs | null) {
  return useQuery({
    queryKey: schedulingKeys.calendar(args ?? { locationId: '', from: '', to: '' }),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ locationId: args!.locationId, from: args!.from, to: args!.to });
      if (args!.practitionerId) params.set('practitionerId', args!.practitionerId);
      return api.get<CalendarView>(`/api/calendar?${params}`, { signal });
    },
    enabled: args !== null,
    placeholderData: keepPreviousData,
  });
}
