import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type WaitlistPriority = 'urgent' | 'soon' | 'routine';

export interface WaitlistOffer {
  id: string;
  start: string;
  end: string;
  expiresAt: string;
  practitioner: string | null;
}

export interface WaitlistEntry {
  id: string;
  priority: WaitlistPriority;
  reason: string;
  status: 'waiting' | 'offered';
  waitingSince: string;
  service: { id: string; name: string };
  location: { id: string; name: string; timeZone: string };
  practitioner: string | null;
  setBy: string;
  offer: WaitlistOffer | null;
  patient?: { id: string; name: string; mrn: string };
}

export interface WaitingBooking {
  id: string;
  patient: { id: string; name: string; mrn: string };
  service: string;
  serviceId: string;
  start: string;
  location: { name: string; timeZone: string };
  missing: ('referral' | 'prior_authorisation')[];
  explanation: string[];
}

export const waitlistKeys = {
  all: ['waitlist'] as const,
  desk: ['waitlist', 'desk'] as const,
  patient: (patientId: string) => ['waitlist', 'patient', patientId] as const,
  coverageQueue: ['waitlist', 'coverage-queue'] as const,
};

const patientBase = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

/** The desk's waitlist, in the order freed slots are offered. */
export function useDeskWaitlist() {
  return useQuery({
    queryKey: waitlistKeys.desk,
    queryFn: async ({ signal }) =>
      (await api.get<{ entries: WaitlistEntry[] }>('/api/waitlist', { signal })).entries,
  });
}

export function usePatientWaitlist(patientId: string) {
  return useQuery({
    queryKey: waitlistKeys.patient(patientId),
    queryFn: async ({ signal }) =>
      (await api.get<{ entries: WaitlistEntry[] }>(`${patientBase(patientId)}/waitlist`, { signal })).entries,
  });
}

export function useCoverageQueue() {
  return useQuery({
    queryKey: waitlistKeys.coverageQueue,
    queryFn: async ({ signal }) =>
      (await api.get<{ bookings: WaitingBooking[] }>('/api/coverage/queue', { signal })).bookings,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: waitlistKeys.all });
    void client.invalidateQueries({ queryKey: ['scheduling'] });
  };
}

export function useAnswerOffer(patientId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ offerId, answer }: { offerId: string; answer: 'accept' | 'decline' }) =>
      api.post(`${patientBase(patientId)}/waitlist/offers/${encodeURIComponent(offerId)}/${answer}`),
    onSettled: invalidate,
  });
}

export function useWithdraw() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ patientId, entryId }: { patientId: string; entryId: string }) =>
      api.post(`${patientBase(patientId)}/waitlist/${encodeURIComponent(entryId)}/withdraw`),
    onSettled: invalidate,
  });
}

export interface AuthorisationInput {
  serviceId: string;
  kind: 'referral' | 'prior_authorisation';
  reference: string;
  issuedBy: string;
  validFrom: string;
  validUntil: string;
  visits?: number;
}

export function useRecordAuthorisation(patientId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AuthorisationInput) =>
      api.post<{ rechecked: number; noLongerWaiting: number }>(
        `${patientBase(patientId)}/authorisations`,
        input,
      ),
    onSettled: invalidate,
  });
}

// ---- The clinician's waitlist section (on the patient's chart) ----

export interface NewWaitlistEntry {
  serviceId: string;
  locationId: string;
  practitionerId?: string;
  priority: WaitlistPriority;
  reason: string;
}

/** Puts the patient on the waitlist; the answer is the patient's entries. */
export function useAddToWaitlist(patientId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (entry: NewWaitlistEntry) =>
      (await api.post<{ entries: WaitlistEntry[] }>(`${patientBase(patientId)}/waitlist`, entry)).entries,
    onSettled: invalidate,
  });
}

/** A clinician changes an entry's priority, with the clinical reason. */
export function useSetWaitlistPriority(patientId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      entryId,
      priority,
      reason,
    }: {
      entryId: string;
      priority: WaitlistPriority;
      reason: string;
    }) =>
      (
        await api.post<{ entries: WaitlistEntry[] }>(
          `${patientBase(patientId)}/waitlist/${encodeURIComponent(entryId)}/priority`,
          { priority, reason },
        )
      ).entries,
    onSettled: invalidate,
  });
}

/** Who can deliver a service at a location, for an optional practitioner preference. */
export function useServicePractitioners(locationId: string, serviceId: string) {
  return useQuery({
    queryKey: ['waitlist', 'practitioners', locationId, serviceId] as const,
    queryFn: async ({ signal }) =>
      (
        await api.get<{ practitioners: { id: string; name: string }[] }>(
          `/api/practitioners?${new URLSearchParams({ locationId, serviceId })}`,
          { signal },
        )
      ).practitioners,
    enabled: locationId !== '' && serviceId !== '',
    staleTime: 5 * 60_000,
  });
}
