import { meridianSystems, v2IdentifierType } from './codes.ts';
import type { Bundle, FhirResource } from './types.ts';

/** A patient as Meridian stores it (the columns the mapper reads). */
export interface PatientRecord {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
  email: string | null;
  address: { line: string | null; city: string | null; state: string | null; postalCode: string | null };
  homeLocationId: string | null;
  pcp: { name: string | null; organization: string | null };
  updatedAt: Date;
}

export function patientResource(p: PatientRecord): FhirResource {
  const telecom = [
    ...(p.phone ? [{ system: 'phone', value: p.phone, use: 'home' }] : []),
    ...(p.email ? [{ system: 'email', value: p.email }] : []),
  ];
  const hasAddress = p.address.line || p.address.city || p.address.state || p.address.postalCode;
  const pcp = [p.pcp.name, p.pcp.organization].filter(Boolean).join(', ');
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { lastUpdated: p.updatedAt.toISOString() },
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: v2IdentifierType, code: 'MR', display: 'Medical record number' }] },
        system: meridianSystems.mrn,
        value: p.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    ...(telecom.length ? { telecom } : {}),
    // Meridian's sex values are the FHIR administrative-gender codes.
    gender: p.sex,
    birthDate: p.birthDate,
    ...(hasAddress
      ? {
          address: [
            {
              use: 'home',
              ...(p.address.line ? { line: [p.address.line] } : {}),
              ...(p.address.city ? { city: p.address.city } : {}),
              ...(p.address.state ? { state: p.address.state } : {}),
              ...(p.address.postalCode ? { postalCode: p.address.postalCode } : {}),
              country: 'US',
            },
          ],
        }
      : {}),
    // The primary care provider is known by name only (not a resource Meridian holds).
    ...(pcp ? { generalPractitioner: [{ display: pcp }] } : {}),
    managingOrganization: {
      reference: `Organization/${programOrganizationId}`,
      display: programOrganizationName,
    },
  };
}

export interface PractitionerRecord {
  id: string;
  name: string;
  active: boolean;
  discipline: string | null;
  role: 'clinician' | 'volunteer';
  credentials: {
    kind: string;
    name: string;
    number: string;
    issuer: string;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
}

export function practitionerResource(p: PractitionerRecord): FhirResource {
  return {
    resourceType: 'Practitioner',
    id: p.id,
    active: p.active,
    name: [{ text: p.name }],
    ...(p.credentials.length
      ? {
          qualification: p.credentials.map((c) => ({
            identifier: [{ value: c.number }],
            code: {
              coding: [{ system: meridianSystems.credentialKind, code: c.kind, display: c.name }],
              text: c.name,
            },
            ...(c.issuedOn || c.expiresOn
              ? {
                  period: {
                    ...(c.issuedOn ? { start: c.issuedOn } : {}),
                    ...(c.expiresOn ? { end: c.expiresOn } : {}),
                  },
                }
              : {}),
            issuer: { display: c.issuer },
          })),
        }
      : {}),
  };
}

export interface LocationRecord {
  id: string;
  code: string;
  name: string;
  city: string;
  state: string;
  timeZone: string;
}

export function locationResource(l: LocationRecord): FhirResource {
  return {
    resourceType: 'Location',
    id: l.id,
    identifier: [{ system: meridianSystems.location, value: l.code }],
    status: 'active',
    name: l.name,
    mode: 'instance',
    address: { city: l.city, state: l.state, country: 'US' },
    // The IANA time zone the location's times are shown in (a Meridian extension).
    extension: [{ url: meridianSystems.timeZoneExtension, valueCode: l.timeZone }],
    managingOrganization: {
      reference: `Organization/${programOrganizationId}`,
      display: programOrganizationName,
    },
  };
}

export const programOrganizationId = 'meridian';
export const programOrganizationName = 'Meridian Integrative Health';

export function programOrganization(): FhirResource {
  return {
    resourceType: 'Organization',
    id: programOrganizationId,
    active: true,
    name: programOrganizationName,
  };
}

/** A search result page. `base` is the server's FHIR base URL; `self` and `next` are full URLs. */
export function searchBundle(
  base: string,
  resources: FhirResource[],
  page: { total: number; self: string; next?: string | undefined },
  included: FhirResource[] = [],
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link: [
      { relation: 'self', url: page.self },
      ...(page.next ? [{ relation: 'next', url: page.next }] : []),
    ],
    entry: [
      ...resources.map((r) => ({
        fullUrl: `${base}/${r.resourceType}/${r.id}`,
        resource: r,
        search: { mode: 'match' as const },
      })),
      ...included.map((r) => ({
        fullUrl: `${base}/${r.resourceType}/${r.id}`,
        resource: r,
        search: { mode: 'include' as const },
      })),
    ],
  };
}
