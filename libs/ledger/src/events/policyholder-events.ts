import type { MonthlySalary, StoppageKind } from '@ij/rules';
import type { LedgerEvent } from './ledger-event';
import { LATE_FACT_EVENT_TYPES, type LateFactEvent } from './late-fact-events';
import { PAYMENT_EVENT_TYPES, type PaymentEvent } from './payment-events';
import { TRANSFER_EVENT_TYPES, type TransferEvent } from './transfer-events';

/** The policyholder is the aggregate: carence, the 360-day window and ALD limits span its stoppages. */
export function policyholderStream(policyholderId: string): string {
  return `policyholder-${policyholderId}`;
}

/** Version 1: before the employer's SIRET was recorded. Read as version 2 without `employerId`. */
export type StoppageOpenedV1 = LedgerEvent<'StoppageOpened', 1, StoppageOpenedV1Data>;

/** Version 2 adds `employerId`: the employer's SIRET, who owes the salary certificate and may be subrogated. */
export type StoppageOpened = LedgerEvent<'StoppageOpened', 2, StoppageOpenedV1Data & { employerId?: string }>;

interface StoppageOpenedV1Data {
  stoppageId: string;
  policyholderId: string;
  kind: StoppageKind;
  startDate: string;
  endDate: string;
  prescribedOn?: string;
  prolongationOf?: string;
  aldAffectionId?: string;
  accidentDate?: string;
  dailyLossOfEarningsCents?: number;
  openedOn: string;
}

export type StoppageExtended = LedgerEvent<'StoppageExtended', 1, {
  stoppageId: string;
  previousEndDate: string;
  newEndDate: string;
  prescribedOn?: string;
  extendedOn: string;
}>;

export type StoppageEndedEarly = LedgerEvent<'StoppageEndedEarly', 1, {
  stoppageId: string;
  lastDay: string;
  /** The effective end before this early end (the prescribed end, or an earlier early end). */
  previousEndDate: string;
  recordedOn: string;
}>;

export type SalaryCertificateRecorded = LedgerEvent<'SalaryCertificateRecorded', 1, {
  stoppageId: string;
  salaries: MonthlySalary[];
  recordedOn: string;
}>;

export type AdvanceIssued = LedgerEvent<'AdvanceIssued', 1, {
  stoppageId: string;
  advanceId: string;
  amountCents: number;
  reason: string;
  issuedOn: string;
}>;

export type RegularizationOutcome = 'PAID' | 'OVERPAYMENT_ASSESSED' | 'NOTHING_DUE';

/** Everything an auditor needs to reproduce the settlement (ij-rules §5). Version 1: before late facts. */
export type StoppageRegularizedV1 = LedgerEvent<'StoppageRegularized', 1, RegularizationFigures>;

/**
 * Version 2 adds the kind the stoppage was computed under (a requalification may change it later). A
 * version 1 event is read as version 2 without `kind`: the kind then is the stoppage's kind folded up to
 * the event, which is what evolve records and what the audit reproduces it with.
 */
export type StoppageRegularized = LedgerEvent<'StoppageRegularized', 2, RegularizationFigures & { kind?: StoppageKind }>;

interface RegularizationFigures {
  stoppageId: string;
  regularizationId: string;
  through: string;
  rulesVersion: string;
  entitlementCents: number;
  paidBeforeCents: number;
  overpaymentOutstandingBeforeCents: number;
  /** entitlementCents − paidBeforeCents. */
  deltaCents: number;
  outcome: RegularizationOutcome;
  paymentCents: number;
  overpaymentAssessedCents: number;
  overpaymentCancelledCents: number;
  regularizedOn: string;
}

export type RecoveryRecorded = LedgerEvent<'RecoveryRecorded', 1, {
  stoppageId: string;
  recoveryId: string;
  amountCents: number;
  recordedOn: string;
}>;

export type PolicyholderEvent =
  | StoppageOpened
  | StoppageExtended
  | StoppageEndedEarly
  | SalaryCertificateRecorded
  | AdvanceIssued
  | StoppageRegularized
  | RecoveryRecorded
  | PaymentEvent
  | LateFactEvent
  | TransferEvent;

export type PolicyholderEventType = PolicyholderEvent['type'];

export const POLICYHOLDER_EVENT_TYPES: readonly PolicyholderEventType[] = [
  'StoppageOpened',
  'StoppageExtended',
  'StoppageEndedEarly',
  'SalaryCertificateRecorded',
  'AdvanceIssued',
  'StoppageRegularized',
  'RecoveryRecorded',
  ...PAYMENT_EVENT_TYPES,
  ...LATE_FACT_EVENT_TYPES,
  ...TRANSFER_EVENT_TYPES,
];

export function isPolicyholderEvent(event: { type: string }): event is PolicyholderEvent {
  return (POLICYHOLDER_EVENT_TYPES as readonly string[]).includes(event.type);
}
