import type { LedgerEvent } from '../events/ledger-event';
import type { PaymentOrdered } from '../events/payment-events';

/** One stream per payment run: its start and its end, never the payments themselves. */
export function paymentRunStream(runId: string): string {
  return `payment-run-${runId}`;
}

/** Why a run left a stoppage or a transfer out (and pays it once the reason is gone). */
export type SkipReason =
  | 'MISSING_SALARY_CERTIFICATE'
  | 'NO_BANK_ACCOUNT'
  | 'BANK_ACCOUNT_UNUSABLE'
  | 'BANK_ACCOUNT_UNCONFIRMED'
  | 'BLOCKED'
  /** Already settled through a later day (by a later run or a clerk): settling it through this run's date would go backwards (#21). */
  | 'SETTLED_LATER';

export interface SkippedItem {
  policyholderId: string;
  stoppageId: string;
  /** Present when a transfer (rather than a regularization) was held back. */
  transferId?: string;
  reason: SkipReason;
  detail: string;
}

/** Transfers a bank file carries, per payee type (each is one PmtInf block of the pain.001). */
export interface ExportedTotals {
  count: number;
  netCents: number;
  byPayee: { POLICYHOLDER: { count: number; netCents: number }; EMPLOYER: { count: number; netCents: number } };
}

export type PaymentRunStarted = LedgerEvent<'PaymentRunStarted', 1, {
  runId: string;
  through: string;
  requestedBy: string;
  startedAt: string;
}>;

/** Version 1 (release 13): the result with every payment of the run in it. Read as version 2. */
export interface PaymentRunCompletedV1Data {
  runId: string;
  through: string;
  rulesVersion: string;
  completedAt: string;
  processed: number;
  total: number;
  regularized: number;
  paidCount: number;
  paidGrossCents: number;
  offsetCents: number;
  paidCents: number;
  skipped: Array<{ policyholderId: string; stoppageId: string; reason: string; detail: string }>;
  payments: Array<PaymentOrdered['data']>;
}

/**
 * Version 2: the run's figures only. Its transfers are on their payees' streams (TransferExported names
 * the run as bank file), so a national run's file is written from them, streaming. `legacyPayments` is
 * set only when a version 1 event is read: its bank file was the payments it held.
 */
export type PaymentRunCompleted = LedgerEvent<'PaymentRunCompleted', 2, {
  runId: string;
  through: string;
  rulesVersion: string;
  completedAt: string;
  processed: number;
  total: number;
  regularized: number;
  /** Payments the run's regularizations ordered (gross, offsets, net). */
  paidCount: number;
  paidGrossCents: number;
  offsetCents: number;
  paidCents: number;
  /** Returned transfers ordered again by this run. */
  reordered: number;
  /** What its pain.001 carries: every ORDERED transfer ordered on or before `through`, each once. */
  exported: ExportedTotals;
  skipped: SkippedItem[];
  legacyPayments?: Array<PaymentOrdered['data']>;
}>;

export type PaymentRunEvent = PaymentRunStarted | PaymentRunCompleted;

export const PAYMENT_RUN_EVENT_TYPES: readonly PaymentRunEvent['type'][] = ['PaymentRunStarted', 'PaymentRunCompleted'];
