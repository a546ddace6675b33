import type { LedgerEvent } from './ledger-event';

/** Where a payee is paid. The IBAN is personal data: answers mask it, logs never carry it. */
export interface BankAccount {
  iban: string;
  bic?: string;
  holderName: string;
}

/** The policyholder's own account: allowances not subrogated to an employer are paid there. */
export type BankAccountRecordedV1 = LedgerEvent<'BankAccountRecorded', 1, {
  policyholderId: string;
  account: BankAccount;
  recordedOn: string;
}>;

/**
 * Version 2 says who recorded it and whether it waits for a second person's confirmation before any
 * transfer is exported to it (#21: a changed IBAN does, the first account a payee records does not).
 * A version 1 event reads as recorded by `unknown` and not waiting: it was usable when it was written.
 */
export type BankAccountRecorded = LedgerEvent<'BankAccountRecorded', 2, {
  policyholderId: string;
  account: BankAccount;
  recordedOn: string;
  recordedBy: string;
  awaitsConfirmation: boolean;
}>;

/**
 * While an employer keeps paying the salary, the allowances for `fromDate … toDate` are paid to it
 * (CSS R323-11; for occupational stoppages without the policyholder's request, R433-12).
 */
export type SubrogationRecorded = LedgerEvent<'SubrogationRecorded', 1, {
  stoppageId: string;
  subrogationId: string;
  employerId: string;
  fromDate: string;
  toDate: string;
  /** Given with this subrogation, or the one of an earlier subrogation to the same employer. */
  employerAccount: BankAccount;
  recordedOn: string;
}>;

export type Payee = 'POLICYHOLDER' | 'EMPLOYER';

/**
 * One transfer a regularization orders to one payee. A StoppageRegularized (v1, unchanged) records what
 * the stoppage was paid in all; these record who receives it and how much reaches their account:
 * `grossCents` of allowances, less `offsetCents` deducted for earlier overpayments (L133-4-1), is the
 * `transferredGrossCents` on which CSG and CRDS are withheld; `netCents` is the amount transferred.
 */
export type PaymentOrdered = LedgerEvent<'PaymentOrdered', 1, {
  paymentId: string;
  stoppageId: string;
  regularizationId: string;
  payee: Payee;
  employerId?: string;
  /** Absent when the payee had no account on record: no bank file can carry it. */
  creditorAccount?: BankAccount;
  grossCents: number;
  offsetCents: number;
  transferredGrossCents: number;
  csgCents: number;
  crdsCents: number;
  netCents: number;
  orderedOn: string;
}>;

/**
 * Part of an assessed overpayment recovered by deduction from a later payment to the policyholder
 * (CSS L133-4-1): links the overpayment's regularization and the payment it was deducted from.
 */
export type OverpaymentOffset = LedgerEvent<'OverpaymentOffset', 1, {
  offsetId: string;
  overpaymentStoppageId: string;
  overpaymentRegularizationId: string;
  paymentId: string;
  paymentStoppageId: string;
  amountCents: number;
  offsetOn: string;
}>;

export type PaymentEvent = BankAccountRecorded | SubrogationRecorded | PaymentOrdered | OverpaymentOffset;

export const PAYMENT_EVENT_TYPES: readonly PaymentEvent['type'][] = ['BankAccountRecorded', 'SubrogationRecorded', 'PaymentOrdered', 'OverpaymentOffset'];
