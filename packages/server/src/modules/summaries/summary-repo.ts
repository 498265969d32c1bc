import type { VisitSummaryData } from '@meridian/domain';
import type { Queryable } from '../../db/database.ts';

export interface SummaryRow {
  id: string;
  consultation_id: string;
  patient_id: string;
  plan_id: string;
  plan_version: number;
  data: VisitSummaryData;
  letter_html: string;
  patient_summary: unknown;
  fhir_document: Record<string, unknown>;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  summary_id: string;
  recipient_name: string;
  recipient_organization: string | null;
  channel: 'fax' | 'secure-email' | 'mail' | 'portal' | 'hand';
  address: string | null;
  sent_by_name: string;
  sent_at: Date;
}

export async function insertSummary(
  q: Queryable,
  s: Omit<SummaryRow, 'created_at'>,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO visit_summaries (id, consultation_id, patient_id, plan_id, plan_version, data, letter_html,
                                  patient_summary, fhir_document, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      s.id,
      s.consultation_id,
      s.patient_id,
      s.plan_id,
      s.plan_version,
      JSON.stringify(s.data),
      s.letter_html,
      JSON.stringify(s.patient_summary),
      JSON.stringify(s.fhir_document),
      now,
    ],
  );
}

const columns =
  'id, consultation_id, patient_id, plan_id, plan_version, data, letter_html, patient_summary, fhir_document, created_at';

export function summariesOf(q: Queryable, patientId: string): Promise<SummaryRow[]> {
  return q.query<SummaryRow>(
    `SELECT ${columns} FROM visit_summaries WHERE patient_id = $1 ORDER BY created_at DESC`,
    [patientId],
  );
}

export async function summaryOf(
  q: Queryable,
  patientId: string,
  id: string,
): Promise<SummaryRow | undefined> {
  const [row] = await q.query<SummaryRow>(
    `SELECT ${columns} FROM visit_summaries WHERE patient_id = $1 AND id = $2`,
    [patientId, id],
  );
  return row;
}

export function deliveriesOf(q: Queryable, summaryIds: string[]): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    `SELECT d.id, d.summary_id, d.recipient_name, d.recipient_organization, d.channel, d.address,
            u.display_name AS sent_by_name, d.sent_at
       FROM summary_deliveries d JOIN users u ON u.id = d.sent_by
      WHERE d.summary_id = ANY($1::uuid[]) ORDER BY d.sent_at`,
    [summaryIds],
  );
}

export async function insertDelivery(
  q: Queryable,
  d: {
    summaryId: string;
    patientId: string;
    recipientName: string;
    recipientOrganization: string | null;
    channel: DeliveryRow['channel'];
    address: string | null;
  },
  by: string,
  now: Date,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO summary_deliveries (summary_id, patient_id, recipient_name, recipient_organization, channel, address,
                                     sent_by, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [d.summaryId, d.patientId, d.recipientName, d.recipientOrganization, d.channel, d.address, by, now],
  );
  return row!.id;
}
