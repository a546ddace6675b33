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
  rows.sort((a, b) => compareRows(keyOf(a), keyOf(b)));
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

/** Where a row stands in the backlog's order: by reason, the oldest first, then by stoppage id. */
type RowKey = readonly [reasonIndex: number, ageDays: number, stoppageId: string];

function keyOf(row: BacklogRow): RowKey {
  return [BACKLOG_REASONS.indexOf(row.reason), row.ageDays, row.stoppageId];
}

function compareRows(a: RowKey, b: RowKey): number {
  return a[0] - b[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** A backlog whose rows are one page: the totals still count every row; `next` is there when rows follow. */
export interface RegularizationBacklogPage extends RegularizationBacklog {
  next?: string;
}

/** Thrown for an `after` that is not the `next` of a backlog page. */
export class InvalidBacklogCursor extends Error {}

/**
 * One page of the backlog's rows, after `after` (the `next` of the page before: the place of the last row
 * answered, so a page never repeats or skips a row that stayed in the backlog, even when others left it).
 */
export function backlogPage(backlog: RegularizationBacklog, after: string | undefined, limit: number): RegularizationBacklogPage {
  const from = after === undefined ? 0 : firstAfter(backlog.rows, cursorKey(after));
  const rows = backlog.rows.slice(from, from + limit);
  const last = rows[rows.length - 1];
  const more = from + limit < backlog.rows.length;
  return { ...backlog, rows, ...(more && last ? { next: Buffer.from(JSON.stringify(keyOf(last))).toString('base64url') } : {}) };
}

function cursorKey(after: string): RowKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3 && Number.isInteger(key[0]) && Number.isInteger(key[1]) && typeof key[2] === 'string') return key as unknown as RowKey;
  } catch {
    // not JSON: refused below
  }
  throw new InvalidBacklogCursor('after must be the `next` of a previous page');
}

function firstAfter(rows: readonly BacklogRow[], key: RowKey): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRows(keyOf(rows[middle]), key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
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
