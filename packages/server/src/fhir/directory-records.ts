import { type FhirResource, locationResource, practitionerResource } from '@meridian/fhir';
import type { Queryable } from '../db/database.ts';

// The staff directory and the program's places, for Practitioner, Location and PractitionerRole.

/** Clinicians and volunteers as Practitioners (with their credentials), by id or name. */
export async function practitioners(q: Queryable, id?: string, name?: string): Promise<FhirResource[]> {
  const users = await q.query<{
    id: string;
    display_name: string;
    active: boolean;
    discipline: string | null;
    role: 'clinician' | 'volunteer';
  }>(
    `SELECT id, display_name, active, discipline, role FROM users
      WHERE role IN ('clinician', 'volunteer') AND ($1::uuid IS NULL OR id = $1::uuid)
        AND ($2::text IS NULL OR display_name ILIKE '%' || $2 || '%') ORDER BY display_name`,
    [id ?? null, name ?? null],
  );
  const creds = await q.query<{
    user_id: string;
    kind: string;
    name: string;
    number: string;
    issuer: string;
    issued_on: string | null;
    expires_on: string | null;
  }>(
    `SELECT c.user_id, c.kind, k.name, c.number, c.issuer, c.issued_on, c.expires_on
       FROM credentials c JOIN credential_kinds k ON k.code = c.kind WHERE c.user_id = ANY ($1::uuid[]) ORDER BY k.name`,
    [users.map((u) => u.id)],
  );
  return users.map((u) =>
    practitionerResource({
      id: u.id,
      name: u.display_name,
      active: u.active,
      discipline: u.discipline,
      role: u.role,
      credentials: creds
        .filter((c) => c.user_id === u.id)
        .map((c) => ({
          kind: c.kind,
          name: c.name,
          number: c.number,
          issuer: c.issuer,
          issuedOn: c.issued_on,
          expiresOn: c.expires_on,
        })),
    }),
  );
}

/** The program's locations, by id or name. */
export async function locations(q: Queryable, id?: string, name?: string): Promise<FhirResource[]> {
  const rows = await q.query<{
    id: string;
    code: string;
    name: string;
    city: string;
    state: string;
    time_zone: string;
  }>(
    `SELECT id, code, name, city, state, time_zone FROM locations
      WHERE ($1::uuid IS NULL OR id = $1::uuid) AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%') ORDER BY name`,
    [id ?? null, name ?? null],
  );
  return rows.map((l) =>
    locationResource({
      id: l.id,
      code: l.code,
      name: l.name,
      city: l.city,
      state: l.state,
      timeZone: l.time_zone,
    }),
  );
}
