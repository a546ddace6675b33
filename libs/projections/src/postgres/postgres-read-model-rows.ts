import type { PoolClient } from 'pg';
import { deserializeDocument, serializeDocument, type PolicyholderDocument } from '../model/policyholder-document';
import { stoppageRows, type StoppageRow } from '../model/stoppage-row';

/** The read-model rows as PostgreSQL returns them, shared by the store and the partitioned rebuild. */
export type PolicyholderRecord = { policyholder_id: string; state_json: string; last_position: string };
export type StoppageRecord = {
  stoppage_id: string; policyholder_id: string; kind: string; status: string; start_date: string; end_date: string; last_day: string | null;
  has_certificate: boolean; advances_cents: string; paid_cents: string; overpayment_outstanding_cents: string; regularized_through: string | null;
  last_position: string;
};
export type EventRecord = { position: string; stream_id: string; revision: number; id: string; type: string; data: string; metadata: string };

/** Upserts documents and their stoppage rows into the read-model tables, or a shadow set's (`suffix`). */
export async function writeDocuments(client: PoolClient, s: string, documents: readonly PolicyholderDocument[], suffix = ''): Promise<void> {
  if (documents.length === 0) return;
  await client.query(
    `INSERT INTO ${s}.rm_policyholders${suffix} (policyholder_id, state_json, last_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
     ON CONFLICT (policyholder_id) DO UPDATE SET state_json = excluded.state_json, last_position = excluded.last_position`,
    [documents.map((d) => d.policyholderId), documents.map(serializeDocument), documents.map((d) => String(d.lastPosition))],
  );
  const rows = documents.flatMap(stoppageRows);
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${s}.rm_stoppages${suffix} (stoppage_id, policyholder_id, kind, status, start_date, end_date, last_day, has_certificate,
       advances_cents, paid_cents, overpayment_outstanding_cents, regularized_through, last_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[],
       $9::bigint[], $10::bigint[], $11::bigint[], $12::text[], $13::bigint[])
     ON CONFLICT (stoppage_id) DO UPDATE SET policyholder_id = excluded.policyholder_id, kind = excluded.kind, status = excluded.status,
       start_date = excluded.start_date, end_date = excluded.end_date, last_day = excluded.last_day, has_certificate = excluded.has_certificate,
       advances_cents = excluded.advances_cents, paid_cents = excluded.paid_cents,
       overpayment_outstanding_cents = excluded.overpayment_outstanding_cents, regularized_through = excluded.regularized_through,
       last_position = excluded.last_position`,
    [
      rows.map((r) => r.stoppageId), rows.map((r) => r.policyholderId), rows.map((r) => r.kind), rows.map((r) => r.status),
      rows.map((r) => r.startDate), rows.map((r) => r.endDate), rows.map((r) => r.lastDay), rows.map((r) => r.hasCertificate),
      rows.map((r) => r.advancesCents), rows.map((r) => r.paidCents), rows.map((r) => r.overpaymentOutstandingCents),
      rows.map((r) => r.regularizedThrough), rows.map((r) => String(r.lastPosition)),
    ],
  );
}

export function toDocument(row: PolicyholderRecord): PolicyholderDocument {
  return deserializeDocument(row.policyholder_id, row.state_json, BigInt(row.last_position));
}

export function toStoppageRow(row: StoppageRecord): StoppageRow {
  return {
    stoppageId: row.stoppage_id,
    policyholderId: row.policyholder_id,
    kind: row.kind as StoppageRow['kind'],
    status: row.status as StoppageRow['status'],
    startDate: row.start_date,
    endDate: row.end_date,
    lastDay: row.last_day,
    hasCertificate: row.has_certificate,
    advancesCents: Number(row.advances_cents),
    paidCents: Number(row.paid_cents),
    overpaymentOutstandingCents: Number(row.overpayment_outstanding_cents),
    regularizedThrough: row.regularized_through,
    lastPosition: BigInt(row.last_position),
  };
}
