import type { FhirResource } from './types.ts';

export interface SupportedResource {
  type: string;
  interactions: ('read' | 'search-type' | 'create' | 'update')[];
  searchParams: { name: string; type: 'token' | 'string' | 'date' | 'reference' | 'number' | 'uri' }[];
  /** Operations on the type or its instances, each with the canonical URL of its definition. */
  operations?: { name: string; definition: string }[];
  /** The _include values supported on searches of this type. */
  searchInclude?: string[];
}

/** The CapabilityStatement: exactly what this server supports, nothing more. */
export function capabilityStatement(options: {
  base: string;
  version: string;
  date: string;
  resources: SupportedResource[];
}): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'Meridian',
    kind: 'instance',
    software: { name: 'Meridian', version: options.version },
    implementation: { description: 'Meridian integrative health FHIR R4 API', url: options.base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            'Bearer tokens from POST /api/auth/login (or the web session). A patient sees only their own data; every access is audited.',
        },
        resource: options.resources.map((r) => ({
          type: r.type,
          interaction: r.interactions.map((code) => ({ code })),
          ...(r.searchInclude ? { searchInclude: r.searchInclude } : {}),
          searchParam: r.searchParams,
          ...(r.operations ? { operation: r.operations } : {}),
        })),
      },
    ],
  };
}
