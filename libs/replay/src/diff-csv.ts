import { csvCell } from '@ij/projections';
import type { ReplayRow } from './replay-row';

export const DIFF_CSV_COLUMNS = [
  'policyholderId',
  'stoppageId',
  'kind',
  'currentCents',
  'replayedCents',
  'paidCents',
  'deltaCents',
  'settlementCents',
  'entitlementStatus',
] as const satisfies ReadonlyArray<keyof ReplayRow>;

export function diffCsvHeader(): string {
  return `${DIFF_CSV_COLUMNS.join(',')}\n`;
}

/** Rows as CSV lines (RFC 4180 quoting where needed, text cells neutralised against formulas: csvCell), each ending with a newline. */
export function diffCsvLines(rows: Iterable<ReplayRow>): string {
  let text = '';
  for (const row of rows) text += `${DIFF_CSV_COLUMNS.map((column) => csvCell(row[column] as string | number)).join(',')}\n`;
  return text;
}

export function diffCsv(rows: Iterable<ReplayRow>): string {
  return diffCsvHeader() + diffCsvLines(rows);
}
