import { paymentTotals, type StoppageState } from '@ij/ledger';
import type { StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from './policyholder-document';

/**
 * One stoppage for lookups (which policyholder holds it) and listings by kind or status. Only what does
 * not depend on a rules version: entitlements are computed at query time (they depend on `through`
 * and on the active version).
 */
export interface StoppageRow {
  stoppageId: string;
  policyholderId: string;
  kind: StoppageKind;
  status: StoppageState['status'];
  startDate: string;
  endDate: string;
  lastDay: string | null;
  hasCertificate: boolean;
  advancesCents: number;
  paidCents: number;
  overpaymentOutstandingCents: number;
  /** The latest `through` a regularization settled, if any. */
  regularizedThrough: string | null;
  lastPosition: bigint;
}

export function stoppageRows(document: PolicyholderDocument): StoppageRow[] {
  return document.stoppages.map((stoppage) => {
    const totals = paymentTotals(stoppage);
    const lastRegularization = stoppage.regularizations.at(-1);
    return {
      stoppageId: stoppage.stoppageId,
      policyholderId: document.policyholderId,
      kind: stoppage.kind,
      status: stoppage.status,
      startDate: stoppage.startDate,
      endDate: stoppage.endDate,
      lastDay: stoppage.lastDay ?? null,
      hasCertificate: stoppage.salaries !== undefined,
      advancesCents: totals.advances.toCents(),
      paidCents: totals.paid.toCents(),
      overpaymentOutstandingCents: totals.overpaymentOutstanding.toCents(),
      regularizedThrough: lastRegularization?.through ?? null,
      lastPosition: document.lastPosition,
    };
  });
}
