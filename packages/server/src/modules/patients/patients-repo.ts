import { ageOn, dateInZone } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

interface PatientRow {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  email: string | null;
  address_line: string | null;
  address_city: string | null;
  address_state: string | null;
  address_postal_code: string | null;
  pcp_name: string | null;
  pcp_organization: string | null;
  pcp_phone: string | null;
  pcp_fax: string | null;
  pcp_email: string | null;
  pcp_address: string | null;
  location_id: string | null;
  location_name: string | null;
  location_time_zone: string | null;
}

const columns = `p.id, p.mrn, p.given_name, p.family_name, p.birth_date, p.sex, p.phone, p.email,
       p.address_line, p.address_city, p.address_state, p.address_postal_code,
       p.pcp_name, p.pcp_organization, p.pcp_phone, p.pcp_fax, p.pcp_email, p.pcp_address,
       l.id AS location_id, l.name AS location_name, l.time_zone AS location_time_zone`;
const from = 'FROM patients p LEFT JOIN locations l ON l.id = p.home_location_id';
const select = `SELECT ${columns} ${from}`;
// The care team as one JSON array beside the patient's row: one round trip for the record.
const careTeam = `(SELECT coalesce(json_agg(json_build_object('userId', u.id, 'name', u.display_name,
                                              'discipline', u.discipline, 'role', m.team_role)
                            ORDER BY m.added_at, u.display_name), '[]')
      FROM care_team_members m JOIN users u ON u.id = m.user_id WHERE m.patient_id = p.id) AS care_team`;

function summaryOf(r: PatientRow, now: Date) {
  const zone = r.location_time_zone ?? 'UTC';
  return {
    id: r.id,
    mrn: r.mrn,
    name: { given: r.given_name, family: r.family_name },
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, dateInZone(now, zone)),
    sex: r.sex,
    location: r.location_id ? { id: r.location_id, name: r.location_name!, timeZone: zone } : null,
  };
}
export type PatientSummary = ReturnType<typeof summaryOf>;

/** Candidate patients for a list, narrowed by role in SQL (the policy still decides row by row). */
export async function listCandidates(
  q: Queryable,
  scope:
    | { kind: 'self'; patientId: string }
    | { kind: 'care_team'; userId: string }
    | { kind: 'all' }
    | { kind: 'bedside'; userId: string },
  search: string | undefined,
  now: Date,
  limit = 100,
): Promise<PatientSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (scope.kind === 'self') {
    params.push(scope.patientId);
    where.push(`p.id = $${params.length}`);
  } else if (scope.kind === 'care_team') {
    params.push(scope.userId, now);
    where.push(`(p.id IN (SELECT patient_id FROM care_team_members WHERE user_id = $${params.length - 1})
      OR p.id IN (SELECT patient_id FROM break_glass_grants WHERE user_id = $${params.length - 1} AND expires_at > $${params.length}))`);
  } else if (scope.kind === 'bedside') {
    params.push(scope.userId);
    where.push(
      `p.id IN (SELECT patient_id FROM bedside_assignments WHERE volunteer_user_id = $${params.length} AND status = 'scheduled')`,
    );
  }
  if (search?.trim()) {
    params.push(
      `%${search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
    const n = params.length;
    where.push(`(lower(p.given_name || ' ' || p.family_name) LIKE $${n} OR lower(p.mrn) LIKE $${n})`);
  }
  params.push(limit);
  const rows = await q.query<PatientRow>(
    `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY lower(p.family_name), lower(p.given_name), p.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => summaryOf(r, now));
}

/**
 * Name and record number of each of these patients, by id: for a list that names the patients of the
 * rows the policy let the actor read (pass only those ids).
 */
export async function patientNames(
  q: Queryable,
  ids: string[],
): Promise<Map<string, { id: string; name: string; mrn: string }>> {
  const rows = await q.query<{ id: string; given_name: string; family_name: string; mrn: string }>(
    'SELECT id, given_name, family_name, mrn FROM patients WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((p) => [p.id, { id: p.id, name: `${p.given_name} ${p.family_name}`, mrn: p.mrn }]));
}

/** One patient's demographics, contacts, primary care provider and care team (one query). */
export async function patientDetail(q: Queryable, id: string, now: Date) {
  const rows = await q.query<
    PatientRow & {
      care_team: { userId: string; name: string; discipline: string | null; role: string }[];
    }
  >(`SELECT ${columns}, ${careTeam} ${from} WHERE p.id = $1`, [id]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...summaryOf(r, now),
    phone: r.phone,
    email: r.email,
    address: r.address_line
      ? {
          line: r.address_line,
          city: r.address_city,
          state: r.address_state,
          postalCode: r.address_postal_code,
        }
      : null,
    primaryCareProvider: r.pcp_name
      ? {
          name: r.pcp_name,
          organization: r.pcp_organization,
          phone: r.pcp_phone,
          fax: r.pcp_fax,
          email: r.pcp_email,
          address: r.pcp_address,
        }
      : null,
    careTeam: r.care_team,
  };
}

/** Records (or replaces) the patient's primary care provider; null clears it. */
export async function setPrimaryCareProvider(
  q: Queryable,
  id: string,
  pcp: {
    name: string;
    organization?: string | undefined;
    phone?: string | undefined;
    fax?: string | undefined;
    email?: string | undefined;
    address?: string | undefined;
  } | null,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE patients SET pcp_name = $2, pcp_organization = $3, pcp_phone = $4, pcp_fax = $5, pcp_email = $6,
            pcp_address = $7, updated_at = $8 WHERE id = $1`,
    [
      id,
      pcp?.name ?? null,
      pcp?.organization ?? null,
      pcp?.phone ?? null,
      pcp?.fax ?? null,
      pcp?.email ?? null,
      pcp?.address ?? null,
      now,
    ],
  );
}
