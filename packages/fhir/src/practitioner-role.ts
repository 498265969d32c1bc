import { meridianSystems } from './codes.ts';
import { programOrganizationId } from './mappers.ts';
import type { FhirResource } from './types.ts';

export interface PractitionerRoleRecord {
  /** The clinician's user id: one role per clinician, at their home location. */
  id: string;
  name: string;
  discipline: string;
  disciplineLabel: string;
  locationId: string | null;
  /** Services (HealthcareService ids) the clinician's discipline delivers at that location. */
  serviceIds: string[];
  active: boolean;
}

/** What a clinician does and where: discipline (Meridian code), location, services, the program. */
export function practitionerRoleResource(r: PractitionerRoleRecord): FhirResource {
  return {
    resourceType: 'PractitionerRole',
    id: r.id,
    active: r.active,
    practitioner: { reference: `Practitioner/${r.id}`, display: r.name },
    organization: { reference: `Organization/${programOrganizationId}` },
    code: [
      {
        coding: [{ system: meridianSystems.discipline, code: r.discipline, display: r.disciplineLabel }],
        text: r.disciplineLabel,
      },
    ],
    ...(r.locationId ? { location: [{ reference: `Location/${r.locationId}` }] } : {}),
    ...(r.serviceIds.length
      ? { healthcareService: r.serviceIds.map((id) => ({ reference: `HealthcareService/${id}` })) }
      : {}),
  };
}
