import type { Database, Statement } from 'better-sqlite3';
import { deserializeDocument, serializeDocument, type PolicyholderDocument } from '../model/policyholder-document';
import { stoppageRows, type StoppageRow } from '../model/stoppage-row';

export type PolicyholderValues = [policyholderId: string, stateJson: string, lastPosition: number];
export type StoppageValues = [string, string, string, string, string, string, string | null, number, number, number, number, string | null, number];

export const STOPPAGE_COLUMNS = `stoppage_id, policyholder_id, kind, status, start_date, end_date, last_day, has_certificate,
  advances_cents, paid_cents, overpayment_outstanding_cents, regularized_through, last_position`;

/** The upserts of the live models (ON CONFLICT needs their unique indexes). */
export function upsertStatements(database: Database) {
  return {
    upsertPolicyholder: database.prepare(
      `INSERT INTO rm_policyholders (policyholder_id, state_json, last_position) VALUES (?, ?, ?)
       ON CONFLICT (policyholder_id) DO UPDATE SET state_json = excluded.state_json, last_position = excluded.last_position`,
    ),
    upsertStoppage: database.prepare(
      `INSERT INTO rm_stoppages (${STOPPAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (stoppage_id) DO UPDATE SET policyholder_id = excluded.policyholder_id, kind = excluded.kind,
         status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date, last_day = excluded.last_day,
         has_certificate = excluded.has_certificate, advances_cents = excluded.advances_cents, paid_cents = excluded.paid_cents,
         overpayment_outstanding_cents = excluded.overpayment_outstanding_cents, regularized_through = excluded.regularized_through,
         last_position = excluded.last_position`,
    ),
  };
}

/** Plain inserts into a rebuild's fresh, not yet indexed tables (`suffix`). */
export function insertStatements(database: Database, suffix: string) {
  return {
    insertPolicyholder: database.prepare(`INSERT INTO rm_policyholders${suffix} (policyholder_id, state_json, last_position) VALUES (?, ?, ?)`),
    insertStoppage: database.prepare(`INSERT INTO rm_stoppages${suffix} (${STOPPAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

export function writeDocument(statements: { upsertPolicyholder: Statement; upsertStoppage: Statement }, document: PolicyholderDocument): void {
  statements.upsertPolicyholder.run(document.policyholderId, serializeDocument(document), document.lastPosition);
  for (const row of stoppageRows(document)) statements.upsertStoppage.run(...stoppageValues(row));
}

export function stoppageValues(row: StoppageRow): unknown[] {
  return [
    row.stoppageId, row.policyholderId, row.kind, row.status, row.startDate, row.endDate, row.lastDay, row.hasCertificate ? 1 : 0,
    row.advancesCents, row.paidCents, row.overpaymentOutstandingCents, row.regularizedThrough, row.lastPosition,
  ];
}

export function toDocument([policyholderId, stateJson, lastPosition]: PolicyholderValues): PolicyholderDocument {
  return deserializeDocument(policyholderId, stateJson, BigInt(lastPosition));
}

export function toStoppageRow(values: StoppageValues): StoppageRow {
  const [stoppageId, policyholderId, kind, status, startDate, endDate, lastDay, hasCertificate, advancesCents, paidCents, overpaymentOutstandingCents, regularizedThrough, lastPosition] = values;
  return {
    stoppageId, policyholderId, kind: kind as StoppageRow['kind'], status: status as StoppageRow['status'], startDate, endDate, lastDay,
    hasCertificate: hasCertificate === 1, advancesCents, paidCents, overpaymentOutstandingCents, regularizedThrough, lastPosition: BigInt(lastPosition),
  };
}
