import { Money } from '@ij/money';
import { policyholderAccount } from '@ij/ledger';
import { STOPPAGE_KINDS, type RulesVersion, type StoppageKind } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import type { ReadModelStore } from '../read-model-store.port';
import { AGE_BUCKETS, ageBucket, ageInDays, BACKLOG_REASONS, unsettledReason, type AgeBucket, type BacklogReason } from './backlog-reason';
import { csvCell } from '../csv-cell';

export interface BacklogRow {
  policyholderId: string;
  stoppageId: string;
  kind: StoppageKind;
  reason: BacklogReason;
  amountCents: number;
  ageDays: number;
  ageBucket: AgeBucket;
  since: string;
}

export interface BacklogTotal {
  count: number;
  amountCents: number;
}

export interface RegularizationBacklog {
  through: string;
  rulesVersion: string;
  totals: BacklogTotal;
  byReason: Array<BacklogTotal & { reason: BacklogReason }>;
  byKind: Array<BacklogTotal & { kind: StoppageKind }>;
  byAgeBucket: Array<BacklogTotal & { ageBucket: AgeBucket }>;
  rows: BacklogRow[];
}

const PAGE_SIZE = 1_000;

/**
 * GET /v1/reports/regularization-backlog: every unsettled stoppage starting on or before `through`, with
 * its one reason (backlog-reason.ts). Amounts come from libs/ledger's accounts under the given rules.
 * The policyholders are read page by page; only the answer's rows are held.
 */
export async function regularizationBacklog(models: ReadModelStore, rules: RulesVersion, through: string): Promise<RegularizationBacklog> {
  const rows: BacklogRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await models.policyholders(after, PAGE_SIZE);
    for (const document of page) rows.push(...backlogRowsOf(document, rules, through));
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1].policyholderId;
  }
  rows.sort(
    (a, b) =>
      BACKLOG_REASONS.indexOf(a.reason) - BACKLOG_REASONS.indexOf(b.reason) ||
      b.ageDays - a.ageDays ||
      (a.stoppageId < b.stoppageId ? -1 : a.stoppageId > b.stoppageId ? 1 : 0),
  );
  return {
    through,
    rulesVersion: rules.version,
    totals: totalOf(rows),
    byReason: BACKLOG_REASONS.map((reason) => ({ reason, ...totalOf(rows.filter((row) => row.reason === reason)) })),
    byKind: STOPPAGE_KINDS.map((kind) => ({ kind, ...totalOf(rows.filter((row) => row.kind === kind)) })),
    byAgeBucket: AGE_BUCKETS.map((bucket) => ({ ageBucket: bucket, ...totalOf(rows.filter((row) => row.ageBucket === bucket)) })),
    rows,
  };
}

export function backlogRowsOf(document: PolicyholderDocument, rules: RulesVersion, through: string): BacklogRow[] {
  if (!document.stoppages.some((stoppage) => stoppage.startDate <= through)) return [];
  const state = toPolicyholderState(document);
  const account = policyholderAccount(state, rules, through);
  return account.stoppages.flatMap((stoppageAccount) => {
    const stoppage = state.stoppages.get(stoppageAccount.stoppageId)!;
    if (stoppage.startDate > through) return [];
    const unsettled = unsettledReason(stoppage, stoppageAccount, document.advancesRegularized[stoppage.stoppageId] ?? 0);
    if (!unsettled) return [];
    const ageDays = ageInDays(unsettled.since, through);
    return [{ policyholderId: document.policyholderId, stoppageId: stoppage.stoppageId, kind: stoppage.kind, ...unsettled, ageDays, ageBucket: ageBucket(ageDays) }];
  });
}

function totalOf(rows: BacklogRow[]): BacklogTotal {
  let amount = Money.zero();
  for (const row of rows) amount = amount.plus(Money.fromCents(row.amountCents));
  return { count: rows.length, amountCents: amount.toCents() };
}

const CSV_COLUMNS: Array<keyof BacklogRow> = ['policyholderId', 'stoppageId', 'kind', 'reason', 'amountCents', 'ageDays', 'ageBucket', 'since'];

/** The rows as CSV (RFC 4180, text cells neutralised against formulas: csvCell), with a header line. */
export function backlogCsv(backlog: RegularizationBacklog): string {
  const lines = [CSV_COLUMNS.join(','), ...backlog.rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
