import { Money, sum } from '@ij/money';
import type { TransferStatus } from '../events/transfer-events';
import type { PolicyholderState, TransferRecord } from '../state/policyholder-state';

export interface StatusTotals {
  count: number;
  grossCents: number;
  netCents: number;
}

/** Allowances paid in the ledger against the transfers that carry them (architecture.md "Money out"). */
export interface Disbursements {
  /** Advances and regularization payments (less offsets), gross, decided on or before `through`. */
  allowancesPaidCents: number;
  /** The part of it decided before transfers existed (release 13 and earlier): no transfer carries it. */
  paidBeforeTransfersCents: number;
  /** The transfers carrying the rest, by status; a returned transfer ordered again counts once, as its new one. */
  transfers: Record<TransferStatus, StatusTotals>;
  /** Returned transfers ordered again (shown apart: their money is in the transfer that replaced them). */
  returnedAndReordered: StatusTotals;
  /** allowancesPaid − paidBeforeTransfers − Σ transfers: 0 unless money was decided and not ordered, or ordered twice. */
  unreconciledCents: number;
}

const STATUSES: readonly TransferStatus[] = ['ORDERED', 'EXPORTED', 'SETTLED', 'RETURNED'];

/**
 * The reconciliation of one policyholder (or, summed, of the ledger) through a date: each decision that
 * pays is dated by its decision, each transfer by the decision it carries (a re-ordered transfer by the
 * transfer it replaces), so both sides count the same decisions.
 */
export function disbursements(state: PolicyholderState, through: string): Disbursements {
  const transfers = state.transfers ?? [];
  const sources = new Set(transfers.map((transfer) => transfer.transferId));
  const decided: Money[] = [];
  const legacy: Money[] = [];
  for (const stoppage of state.stoppages.values()) {
    for (const advance of stoppage.advances) {
      if (advance.issuedOn > through) continue;
      decided.push(Money.fromCents(advance.amountCents));
      if (!transfers.some((transfer) => transfer.source === 'ADVANCE' && transfer.sourceId === advance.advanceId)) legacy.push(Money.fromCents(advance.amountCents));
    }
    for (const order of stoppage.paymentOrders ?? []) {
      if (order.orderedOn > through || order.transferredGrossCents === 0) continue;
      decided.push(Money.fromCents(order.transferredGrossCents));
      if (!sources.has(order.paymentId)) legacy.push(Money.fromCents(order.transferredGrossCents));
    }
  }
  const live = transfers.filter((transfer) => transfer.reorderedAs === undefined && decisionDate(transfer, transfers) <= through);
  const replaced = transfers.filter((transfer) => transfer.reorderedAs !== undefined && decisionDate(transfer, transfers) <= through);
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, totalsOf(live.filter((transfer) => transfer.status === status))])) as Record<TransferStatus, StatusTotals>;
  const allowancesPaid = sum(decided);
  const paidBeforeTransfers = sum(legacy);
  const carried = sum(live.map((transfer) => Money.fromCents(transfer.grossCents)));
  return {
    allowancesPaidCents: allowancesPaid.toCents(),
    paidBeforeTransfersCents: paidBeforeTransfers.toCents(),
    transfers: byStatus,
    returnedAndReordered: totalsOf(replaced),
    unreconciledCents: allowancesPaid.minus(paidBeforeTransfers).minus(carried).toCents(),
  };
}

/** Sums reconciliations (the ledger's is the sum of its policyholders'). */
export function addDisbursements(a: Disbursements, b: Disbursements): Disbursements {
  const add = (x: number, y: number) => Money.fromCents(x).plus(Money.fromCents(y)).toCents();
  const addTotals = (x: StatusTotals, y: StatusTotals): StatusTotals => ({ count: x.count + y.count, grossCents: add(x.grossCents, y.grossCents), netCents: add(x.netCents, y.netCents) });
  return {
    allowancesPaidCents: add(a.allowancesPaidCents, b.allowancesPaidCents),
    paidBeforeTransfersCents: add(a.paidBeforeTransfersCents, b.paidBeforeTransfersCents),
    transfers: Object.fromEntries(STATUSES.map((status) => [status, addTotals(a.transfers[status], b.transfers[status])])) as Record<TransferStatus, StatusTotals>,
    returnedAndReordered: addTotals(a.returnedAndReordered, b.returnedAndReordered),
    unreconciledCents: add(a.unreconciledCents, b.unreconciledCents),
  };
}

export function noDisbursements(): Disbursements {
  const none = { count: 0, grossCents: 0, netCents: 0 };
  return { allowancesPaidCents: 0, paidBeforeTransfersCents: 0, transfers: { ORDERED: none, EXPORTED: none, SETTLED: none, RETURNED: none }, returnedAndReordered: none, unreconciledCents: 0 };
}

/** The date of the decision a transfer carries: its own order date, or the one of the transfer it replaces. */
function decisionDate(transfer: TransferRecord, transfers: readonly TransferRecord[]): string {
  let current = transfer;
  for (let hops = 0; current.replaces !== undefined && hops < transfers.length; hops++) {
    const replaced = transfers.find((candidate) => candidate.transferId === current.replaces);
    if (!replaced) break;
    current = replaced;
  }
  return current.orderedOn;
}

function totalsOf(transfers: readonly TransferRecord[]): StatusTotals {
  return {
    count: transfers.length,
    grossCents: sum(transfers.map((transfer) => Money.fromCents(transfer.grossCents))).toCents(),
    netCents: sum(transfers.map((transfer) => Money.fromCents(transfer.netCents))).toCents(),
  };
}
