import type { LedgerEvent } from './ledger-event';
import type { BankAccount, Payee } from './payment-events';

/**
 * What made a transfer: an advance, a regularization's payment to one payee, or a returned transfer
 * ordered again once its payee has a usable account.
 */
export type TransferSource = 'ADVANCE' | 'REGULARIZATION' | 'REORDER';

export type TransferStatus = 'ORDERED' | 'EXPORTED' | 'SETTLED' | 'RETURNED';

/**
 * Money the ledger decided to pay, recorded in the same append as the decision that pays it
 * (architecture.md "Money out"). `transferId` is the bank file's EndToEndId (ISO 20022 Max35Text),
 * derived from the decision's ids so that a retried command orders the same transfer. CSG and CRDS are
 * withheld here, once: `grossCents = csgCents + crdsCents + netCents`, and `netCents` is what moves.
 */
export type TransferOrdered = LedgerEvent<'TransferOrdered', 1, {
  transferId: string;
  source: TransferSource;
  /** The advance, the regularization or the returned transfer it comes from. */
  sourceId: string;
  payee: Payee;
  employerId?: string;
  stoppageId: string;
  grossCents: number;
  csgCents: number;
  crdsCents: number;
  netCents: number;
  orderedOn: string;
  /** For a REORDER: the returned transfer it replaces (that one stays RETURNED). */
  replaces?: string;
}>;

/** Claimed by one bank file: a transfer is exported at most once (decided at the stream's revision). */
export type TransferExported = LedgerEvent<'TransferExported', 1, {
  transferId: string;
  /** The payment run's id without dashes: the pain.001 MsgId. */
  bankFileId: string;
  /** What the bank file's transaction carries, repeated so that the file can be written from these events alone. */
  payee: Payee;
  stoppageId: string;
  netCents: number;
  /** The account the bank file credits (the payee's usable account when it was exported). */
  creditorAccount: BankAccount;
  exportedOn: string;
}>;

/** The bank booked the credit (camt.054). Resolves the transfer: it never changes again. */
export type TransferSettled = LedgerEvent<'TransferSettled', 1, {
  transferId: string;
  bankReportId: string;
  settledOn: string;
}>;

/**
 * The bank returned the credit (camt.054 return) or rejected the instruction (pain.002): the money never
 * reached the payee, who is owed it again. Resolves the transfer: it never changes again.
 */
export type TransferReturned = LedgerEvent<'TransferReturned', 1, {
  transferId: string;
  bankReportId: string;
  returnedOn: string;
  reasonCode: string;
  reasonText?: string;
  /** A pain.002 rejection rather than a camt.054 return: treated the same (never paid). */
  rejected: boolean;
}>;

/** A second person (a supervisor, not the one who changed it) confirmed a changed bank account (#21). */
export type BankAccountConfirmed = LedgerEvent<'BankAccountConfirmed', 1, {
  policyholderId: string;
  /** The IBAN confirmed: a later change needs its own confirmation. */
  iban: string;
  confirmedBy: string;
  confirmedOn: string;
}>;

export type TransferEvent = TransferOrdered | TransferExported | TransferSettled | TransferReturned | BankAccountConfirmed;

export const TRANSFER_EVENT_TYPES: readonly TransferEvent['type'][] = ['TransferOrdered', 'TransferExported', 'TransferSettled', 'TransferReturned', 'BankAccountConfirmed'];

/** A UUID without its dashes (32 characters): the base of the ids the ledger derives for a bank file. */
export function compactId(id: string): string {
  return id.replace(/-/gu, '');
}
