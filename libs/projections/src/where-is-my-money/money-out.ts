import type { StoppageState, TransferRecord, TransferSource, TransferStatus } from '@ij/ledger';
import type { PolicyholderDocument } from '../model/policyholder-document';

/**
 * The one place where "Where is my money" reads how far money went. Everything else in this folder asks
 * it: when did the money of an advance or of a regularization leave the fund (its bank file), and what is
 * still held. It reads the transfers of a document when it has them (#17: ORDERED → EXPORTED → SETTLED |
 * RETURNED); a history recorded before transfers existed has none, and then an advance left on its issue
 * date and a regularization's payment on its order date (the payment run that ordered it wrote the file).
 */
export type OutgoingSource = TransferSource;
export type OutgoingStatus = TransferStatus;

export interface Outgoing {
  source: OutgoingSource;
  /** The advance or regularization it pays (for a REORDER: the returned transfer's own source). */
  sourceId: string;
  stoppageId: string;
  payee: 'POLICYHOLDER' | 'EMPLOYER';
  employerId?: string;
  grossCents: number;
  orderedOn: string;
  status: OutgoingStatus;
  /** When it left in a bank file; absent while ORDERED. */
  exportedOn?: string;
  returnedOn?: string;
  returnReasonCode?: string;
  returnReasonText?: string;
  /** A RETURNED transfer ordered again (its money is owed by the new one). */
  reorderedAs?: string;
  transferId?: string;
}

/** Every amount that left (or is to leave) for one stoppage, in the order it was ordered. */
export function outgoingOf(document: PolicyholderDocument, stoppage: StoppageState): Outgoing[] {
  const transfers = (document.transfers ?? []).filter((transfer) => transfer.stoppageId === stoppage.stoppageId);
  const byId = new Map(transfers.map((transfer) => [transfer.transferId, transfer]));
  /** A REORDER pays what its returned transfer paid: it keeps the original source. */
  const originOf = (transfer: TransferRecord): TransferRecord => {
    let current = transfer;
    for (let hops = 0; current.source === 'REORDER' && current.replaces !== undefined && byId.has(current.replaces) && hops < transfers.length; hops++) current = byId.get(current.replaces)!;
    return current;
  };
  const fromTransfers: Outgoing[] = transfers.map((transfer) => {
    const origin = originOf(transfer);
    return {
      source: transfer.source,
      sourceId: origin.sourceId,
      stoppageId: transfer.stoppageId,
      payee: transfer.payee,
      ...(transfer.employerId === undefined ? {} : { employerId: transfer.employerId }),
      grossCents: transfer.grossCents,
      orderedOn: transfer.orderedOn,
      status: transfer.status,
      transferId: transfer.transferId,
      ...(transfer.exportedOn === undefined ? {} : { exportedOn: transfer.exportedOn }),
      ...(transfer.returnedOn === undefined ? {} : { returnedOn: transfer.returnedOn }),
      ...(transfer.returnReason === undefined ? {} : { returnReasonCode: transfer.returnReason.code, ...(transfer.returnReason.text === undefined ? {} : { returnReasonText: transfer.returnReason.text }) }),
      ...(transfer.reorderedAs === undefined ? {} : { reorderedAs: transfer.reorderedAs }),
    };
  });
  const covered = new Set(transfers.map((transfer) => `${originOf(transfer).source}:${originOf(transfer).sourceId}`));
  // Recorded before transfers existed: the money left when it was decided.
  const advances: Outgoing[] = stoppage.advances
    .filter((advance) => !covered.has(`ADVANCE:${advance.advanceId}`))
    .map((advance) => ({ source: 'ADVANCE', sourceId: advance.advanceId, stoppageId: stoppage.stoppageId, payee: 'POLICYHOLDER', grossCents: advance.amountCents, orderedOn: advance.issuedOn, status: 'EXPORTED', exportedOn: advance.issuedOn }));
  const payments: Outgoing[] = (stoppage.paymentOrders ?? [])
    .filter((payment) => payment.netCents > 0 && !covered.has(`REGULARIZATION:${payment.regularizationId}`))
    .map((payment) => ({ source: 'REGULARIZATION', sourceId: payment.regularizationId, stoppageId: stoppage.stoppageId, payee: payment.payee, ...(payment.employerId === undefined ? {} : { employerId: payment.employerId }), grossCents: payment.transferredGrossCents, orderedOn: payment.orderedOn, status: 'EXPORTED', exportedOn: payment.orderedOn }));
  return [...advances, ...payments, ...fromTransfers].sort((a, b) => (a.orderedOn < b.orderedOn ? -1 : a.orderedOn > b.orderedOn ? 1 : 0));
}

/** Still owed by this outgoing: ORDERED (not in a bank file yet) or RETURNED and not ordered again. */
export function isHeld(outgoing: Outgoing): boolean {
  return outgoing.status === 'ORDERED' || (outgoing.status === 'RETURNED' && outgoing.reorderedAs === undefined);
}

/** Left in a bank file and not returned (or returned and since replaced, which its replacement answers for). */
export function hasLeft(outgoing: Outgoing): boolean {
  return outgoing.status === 'EXPORTED' || outgoing.status === 'SETTLED';
}

/**
 * When the money of a source (an advance, a regularization) had all left: the latest export among its
 * outgoings that reached the payee, or undefined while any of them is held. A source with no outgoing
 * (a regularization that paid nothing) moved no money: undefined too.
 */
export function leftOn(outgoings: readonly Outgoing[], source: 'ADVANCE' | 'REGULARIZATION', sourceId: string): string | undefined {
  const own = outgoings.filter((outgoing) => outgoing.sourceId === sourceId && (outgoing.source === source || outgoing.source === 'REORDER'));
  if (own.length === 0 || own.some(isHeld)) return undefined;
  const dates = own.filter(hasLeft).map((outgoing) => outgoing.exportedOn!);
  return dates.length === 0 ? undefined : dates.reduce((latest, date) => (date > latest ? date : latest));
}
