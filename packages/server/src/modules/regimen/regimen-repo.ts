import { createHash } from 'node:crypto';
import type { Finding, ResolvedItem, UnresolvedItem } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

export type RegimenCategory = 'medicine' | 'supplement' | 'therapy' | 'condition';

export interface RegimenItemRow {
  id: string;
  category: RegimenCategory;
  entered_text: string;
  resolved_id: string | null;
  resolved_kind: string | null;
  resolved_name: string | null;
  dose: string | null;
  frequency: string | null;
  started_on: string | null;
  status: 'active' | 'stopped';
  entered_by_role: string;
  added_at: Date;
  verified_at: Date | null;
}

export interface FindingRow {
  id: string;
  severity: Finding['severity'];
  kind: Finding['kind'];
  items: string[];
  item_names: string[];
  summary: string;
  mechanism: string;
  management: string;
  basis: Finding['basis'];
  evidence: Finding['evidence'];
  sources: string[];
  status: 'active' | 'resolved';
  first_found_at: Date;
  last_found_at: Date;
  acknowledged_at: Date | null;
  acknowledgement_note: string | null;
  acknowledged_by_name: string | null;
}

/** The patient's regimen, active first, newest first. */
export function regimenItems(
  q: Queryable,
  patientId: string,
  includeStopped = false,
): Promise<RegimenItemRow[]> {
  return q.query<RegimenItemRow>(
    `SELECT id, category, entered_text, resolved_id, resolved_kind, resolved_name, dose, frequency, started_on, status,
            entered_by_role, added_at, verified_at
       FROM regimen_items WHERE patient_id = $1 ${includeStopped ? '' : "AND status = 'active'"}
      ORDER BY status, added_at DESC, id`,
    [patientId],
  );
}

/** Adds one item as written. */
export async function insertRegimenItem(
  q: Queryable,
  patientId: string,
  item: {
    category: RegimenCategory;
    text: string;
    dose?: string | undefined;
    frequency?: string | undefined;
    startedOn?: string | undefined;
  },
  by: { userId: string; role: string },
  now: Date,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    // A clinician's entry is verified as written; others wait for reconciliation at the consultation.
    `INSERT INTO regimen_items (patient_id, category, entered_text, dose, frequency, started_on, entered_by_role, added_by, added_at,
                                verified_by, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
             CASE WHEN $7 = 'clinician' THEN $8::uuid END, CASE WHEN $7 = 'clinician' THEN $9::timestamptz END)
     RETURNING id`,
    [
      patientId,
      item.category,
      item.text.trim(),
      item.dose ?? null,
      item.frequency ?? null,
      item.startedOn ?? null,
      by.role,
      by.userId,
      now,
    ],
  );
  return row!.id;
}

/** A clinician confirms an item (and may correct its dose and frequency) at reconciliation. */
export async function verifyRegimenItem(
  q: Queryable,
  patientId: string,
  itemId: string,
  change: { dose?: string | undefined; frequency?: string | undefined },
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE regimen_items
        SET verified_by = $3, verified_at = $4,
            dose = COALESCE($5, dose), frequency = COALESCE($6, frequency)
      WHERE id = $1 AND patient_id = $2 AND status = 'active' RETURNING id`,
    [itemId, patientId, by, now, change.dose ?? null, change.frequency ?? null],
  );
  return rows.length === 1;
}

/** Marks an item stopped; false when the patient has no such active item. */
export async function stopRegimenItem(
  q: Queryable,
  patientId: string,
  itemId: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    "UPDATE regimen_items SET status = 'stopped', stopped_at = $3 WHERE id = $1 AND patient_id = $2 AND status = 'active' RETURNING id",
    [itemId, patientId, now],
  );
  return rows.length > 0;
}

/** Records how each active item resolved against the current knowledge base, writing only what changed. */
export async function saveResolutions(
  q: Queryable,
  rows: RegimenItemRow[],
  resolutions: (ResolvedItem | UnresolvedItem)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const r = resolutions[i]!;
    const resolved = 'id' in r ? r : null;
    const next = { id: resolved?.id ?? null, kind: resolved?.kind ?? null, name: resolved?.name ?? null };
    if (row.resolved_id === next.id && row.resolved_kind === next.kind && row.resolved_name === next.name)
      continue;
    await q.query(
      'UPDATE regimen_items SET resolved_id = $2, resolved_kind = $3, resolved_name = $4 WHERE id = $1',
      [row.id, next.id, next.kind, next.name],
    );
  }
}

/** The identity of a finding: the knowledge row behind it and the items involved. */
export function fingerprintOf(f: Finding): string {
  return createHash('sha256')
    .update(`${f.ref}|${[...f.items].sort().join(',')}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Stores the findings of a check: new ones are added, ones found again are refreshed (keeping any
 * acknowledgement), and active ones no longer found are marked resolved.
 */
export async function saveFindings(
  q: Queryable,
  patientId: string,
  findings: Finding[],
  names: Map<string, string>,
  now: Date,
): Promise<{ added: number; resolved: number }> {
  const prints = findings.map(fingerprintOf);
  let added = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const rows = await q.query<{ inserted: boolean }>(
      `INSERT INTO safety_findings (patient_id, fingerprint, severity, kind, items, item_names, summary, mechanism, management,
         basis, evidence, sources, status, first_found_at, last_found_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active', $13, $13)
       ON CONFLICT (patient_id, fingerprint) DO UPDATE SET severity = EXCLUDED.severity, summary = EXCLUDED.summary,
         mechanism = EXCLUDED.mechanism, management = EXCLUDED.management, evidence = EXCLUDED.evidence,
         sources = EXCLUDED.sources, item_names = EXCLUDED.item_names, status = 'active', resolved_at = NULL,
         last_found_at = EXCLUDED.last_found_at
       RETURNING (xmax = 0) AS inserted`,
      [
        patientId,
        prints[i],
        f.severity,
        f.kind,
        JSON.stringify(f.items),
        JSON.stringify(f.items.map((id) => names.get(id) ?? id)),
        f.summary,
        f.mechanism,
        f.management,
        f.basis,
        f.evidence,
        JSON.stringify(f.sources),
        now,
      ],
    );
    if (rows[0]?.inserted) added++;
  }
  const gone = await q.query(
    `UPDATE safety_findings SET status = 'resolved', resolved_at = $3
      WHERE patient_id = $1 AND status = 'active' AND NOT (fingerprint = ANY($2::text[])) RETURNING id`,
    [patientId, prints, now],
  );
  return { added, resolved: gone.length };
}

/** The patient's active findings, most severe first. */
export function activeFindings(q: Queryable, patientId: string): Promise<FindingRow[]> {
  return q.query<FindingRow>(
    `SELECT f.id, f.severity, f.kind, f.items, f.item_names, f.summary, f.mechanism, f.management, f.basis, f.evidence,
            f.sources, f.status, f.first_found_at, f.last_found_at, f.acknowledged_at, f.acknowledgement_note,
            u.display_name AS acknowledged_by_name
       FROM safety_findings f LEFT JOIN users u ON u.id = f.acknowledged_by
      WHERE f.patient_id = $1 AND f.status = 'active'
      ORDER BY CASE f.severity WHEN 'contraindicated' THEN 4 WHEN 'major' THEN 3 WHEN 'moderate' THEN 2 ELSE 1 END DESC,
               f.basis, f.first_found_at, f.id`,
    [patientId],
  );
}

/** Records a clinician's acknowledgement; false when the patient has no such active finding. */
export async function acknowledgeFinding(
  q: Queryable,
  patientId: string,
  findingId: string,
  userId: string,
  note: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE safety_findings SET acknowledged_by = $3, acknowledged_at = $4, acknowledgement_note = $5
      WHERE id = $1 AND patient_id = $2 AND status = 'active' RETURNING id`,
    [findingId, patientId, userId, now, note],
  );
  return rows.length > 0;
}
