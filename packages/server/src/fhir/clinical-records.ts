import {
  careTeamResource,
  conditionResource,
  detectedIssueResource,
  type FhirResource,
  medicationStatementResource,
  type RegimenItemRecord,
} from '@meridian/fhir';
import { conditionCodes } from '@meridian/knowledge';
import type { Queryable } from '../db/database.ts';

interface ItemRow {
  id: string;
  patient_id: string;
  category: RegimenItemRecord['category'];
  entered_text: string;
  resolved_id: string | null;
  resolved_name: string | null;
  dose: string | null;
  frequency: string | null;
  started_on: string | null;
  status: 'active' | 'stopped';
  added_at: Date;
  stopped_at: Date | null;
}

const toItem = (r: ItemRow): RegimenItemRecord => ({
  id: r.id,
  patientId: r.patient_id,
  category: r.category,
  text: r.entered_text,
  resolvedId: r.resolved_id,
  resolvedName: r.resolved_name,
  dose: r.dose,
  frequency: r.frequency,
  startedOn: r.started_on,
  status: r.status,
  addedAt: r.added_at,
  stoppedAt: r.stopped_at,
});

/** Regimen items of some patients (or one item), as MedicationStatement or Condition resources. */
export async function regimenResources(
  q: Queryable,
  filter: {
    patientIds?: string[];
    id?: string;
    kind: 'MedicationStatement' | 'Condition';
    status?: 'active' | 'stopped';
  },
): Promise<{ patientId: string; resource: FhirResource }[]> {
  const categories = filter.kind === 'Condition' ? ['condition'] : ['medicine', 'supplement'];
  const rows = await q.query<ItemRow>(
    `SELECT id, patient_id, category, entered_text, resolved_id, resolved_name, dose, frequency, started_on, status,
            added_at, stopped_at
       FROM regimen_items
      WHERE category = ANY ($1::text[]) AND ($2::uuid[] IS NULL OR patient_id = ANY ($2::uuid[]))
        AND ($3::uuid IS NULL OR id = $3::uuid) AND ($4::text IS NULL OR status = $4)
      ORDER BY added_at, id LIMIT 2000`,
    [categories, filter.patientIds ?? null, filter.id ?? null, filter.status ?? null],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    resource:
      filter.kind === 'Condition'
        ? conditionResource({ ...toItem(r), codes: r.resolved_id ? conditionCodes(r.resolved_id) : [] })
        : medicationStatementResource(toItem(r)),
  }));
}

/** Active safety findings of some patients (or one), as DetectedIssue resources. */
export async function findingResources(
  q: Queryable,
  filter: { patientIds?: string[]; id?: string },
): Promise<{ patientId: string; resource: FhirResource }[]> {
  const rows = await q.query<{
    id: string;
    patient_id: string;
    severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
    kind: string;
    items: string[];
    summary: string;
    mechanism: string;
    management: string;
    basis: 'documented' | 'inferred';
    sources: string[];
    last_found_at: Date;
    acknowledged_by: string | null;
    acknowledged_by_name: string | null;
    acknowledged_at: Date | null;
    acknowledgement_note: string | null;
  }>(
    `SELECT f.id, f.patient_id, f.severity, f.kind, f.items, f.summary, f.mechanism, f.management, f.basis, f.sources,
            f.last_found_at, f.acknowledged_by, u.display_name AS acknowledged_by_name, f.acknowledged_at, f.acknowledgement_note
       FROM safety_findings f LEFT JOIN users u ON u.id = f.acknowledged_by
      WHERE f.status = 'active' AND ($1::uuid[] IS NULL OR f.patient_id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR f.id = $2::uuid)
      ORDER BY f.last_found_at DESC, f.id LIMIT 2000`,
    [filter.patientIds ?? null, filter.id ?? null],
  );
  // The regimen items each finding implicates: active items whose resolved id is among the finding's items.
  const items = await q.query<{ id: string; patient_id: string; category: string; resolved_id: string }>(
    "SELECT id, patient_id, category, resolved_id FROM regimen_items WHERE status = 'active' AND resolved_id IS NOT NULL AND patient_id = ANY ($1::uuid[])",
    [[...new Set(rows.map((r) => r.patient_id))]],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    resource: detectedIssueResource({
      id: r.id,
      patientId: r.patient_id,
      severity: r.severity,
      kind: r.kind,
      summary: r.summary,
      mechanism: r.mechanism,
      management: r.management,
      basis: r.basis,
      sources: r.sources,
      lastFoundAt: r.last_found_at,
      implicated: items
        .filter(
          (i) => i.patient_id === r.patient_id && r.items.includes(i.resolved_id) && i.category !== 'therapy',
        )
        .map((i) => ({
          type: i.category === 'condition' ? ('Condition' as const) : ('MedicationStatement' as const),
          id: i.id,
        })),
      acknowledged:
        r.acknowledged_by && r.acknowledged_at
          ? {
              by: r.acknowledged_by,
              byName: r.acknowledged_by_name ?? '',
              at: r.acknowledged_at,
              note: r.acknowledgement_note ?? '',
            }
          : null,
    }),
  }));
}

/** Care teams of some patients, one CareTeam each. */
export async function careTeamResources(
  q: Queryable,
  patientIds: string[],
): Promise<{ patientId: string; resource: FhirResource }[]> {
  const rows = await q.query<{
    patient_id: string;
    given_name: string;
    family_name: string;
    user_id: string;
    display_name: string;
    team_role: string;
  }>(
    `SELECT p.id AS patient_id, p.given_name, p.family_name, c.user_id, u.display_name, c.team_role
       FROM patients p JOIN care_team_members c ON c.patient_id = p.id JOIN users u ON u.id = c.user_id
      WHERE p.id = ANY ($1::uuid[]) ORDER BY p.id, c.added_at, u.display_name`,
    [patientIds],
  );
  const byPatient = new Map<string, typeof rows>();
  for (const r of rows) byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), r]);
  return [...byPatient.entries()].map(([patientId, members]) => ({
    patientId,
    resource: careTeamResource({
      patientId,
      patientName: `${members[0]!.given_name} ${members[0]!.family_name}`,
      members: members.map((m) => ({ userId: m.user_id, name: m.display_name, role: m.team_role })),
    }),
  }));
}
