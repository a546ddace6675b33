import type { LedgerEvent } from './ledger-event';

/** One stream per stoppage id, holding only its reservation: a stoppage id belongs to one policyholder. */
export function stoppageStream(stoppageId: string): string {
  return `stoppage-${stoppageId}`;
}

export type StoppageIdReserved = LedgerEvent<'StoppageIdReserved', 1, {
  stoppageId: string;
  policyholderId: string;
}>;
