import { meridianSystems } from './codes.ts';
import type { FhirResource } from './types.ts';

export interface ServiceRef {
  id: string;
  code: string;
  name: string;
}

const serviceConcept = (s: ServiceRef) => ({
  coding: [{ system: meridianSystems.service, code: s.code, display: s.name }],
  text: s.name,
});

/** A service of the catalog, with the locations that offer it. */
export function healthcareServiceResource(
  s: ServiceRef & {
    category: string;
    description: string;
    active: boolean;
    locationIds: string[];
    telehealth: boolean;
  },
): FhirResource {
  return {
    resourceType: 'HealthcareService',
    id: s.id,
    active: s.active,
    providedBy: { reference: 'Organization/meridian', display: 'Meridian Integrative Health' },
    category: [{ text: s.category }],
    type: [serviceConcept(s)],
    location: s.locationIds.map((id) => ({ reference: `Location/${id}` })),
    name: s.name,
    ...(s.description ? { comment: s.description } : {}),
    appointmentRequired: true,
    ...(s.telehealth ? { characteristic: [{ text: 'Also offered by video (telehealth)' }] } : {}),
  };
}

/** A practitioner's calendar for one service at one location. */
export function scheduleResource(s: {
  id: string;
  practitioner: { id: string; name: string };
  location: { id: string; name: string };
  service: ServiceRef;
}): FhirResource {
  return {
    resourceType: 'Schedule',
    id: s.id,
    active: true,
    serviceType: [serviceConcept(s.service)],
    actor: [
      { reference: `Practitioner/${s.practitioner.id}`, display: s.practitioner.name },
      { reference: `Location/${s.location.id}`, display: s.location.name },
    ],
    comment: `${s.service.name} with ${s.practitioner.name} at ${s.location.name}`,
  };
}

/** A free time in a schedule. */
export function slotResource(s: {
  id: string;
  scheduleId: string;
  service: ServiceRef;
  start: Date;
  end: Date;
}): FhirResource {
  return {
    resourceType: 'Slot',
    id: s.id,
    serviceType: [serviceConcept(s.service)],
    schedule: { reference: `Schedule/${s.scheduleId}` },
    status: 'free',
    start: s.start.toISOString(),
    end: s.end.toISOString(),
  };
}

/** A patient's visit: Meridian's attendance in an appointment. */
export function appointmentResource(a: {
  id: string;
  status: 'booked' | 'attended' | 'no_show' | 'cancelled';
  cancelReason: string | null;
  service: ServiceRef;
  start: Date;
  end: Date;
  patient: { id: string; name: string };
  practitioner: { id: string; name: string };
  location: { id: string; name: string };
  bookedAt: Date;
}): FhirResource {
  const status = { booked: 'booked', attended: 'fulfilled', no_show: 'noshow', cancelled: 'cancelled' }[
    a.status
  ];
  return {
    resourceType: 'Appointment',
    id: a.id,
    status,
    ...(a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    serviceType: [serviceConcept(a.service)],
    description: a.service.name,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    minutesDuration: Math.round((a.end.getTime() - a.start.getTime()) / 60_000),
    created: a.bookedAt.toISOString(),
    participant: [
      {
        actor: { reference: `Patient/${a.patient.id}`, display: a.patient.name },
        required: 'required',
        status: 'accepted',
      },
      {
        actor: { reference: `Practitioner/${a.practitioner.id}`, display: a.practitioner.name },
        required: 'required',
        status: 'accepted',
      },
      {
        actor: { reference: `Location/${a.location.id}`, display: a.location.name },
        required: 'required',
        status: 'accepted',
      },
    ],
  };
}
