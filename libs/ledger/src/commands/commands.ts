import type { MonthlySalary, StoppageKind } from '@ij/rules';

/** Commands are plain data; ids (stoppage, advance, regularization, recovery) are chosen by the caller. */
export interface OpenStoppage {
  type: 'OpenStoppage';
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
  /** The employer's SIRET (14 digits, Luhn checked before it reaches the domain). */
  employerId?: string;
}

export interface ExtendStoppage {
  type: 'ExtendStoppage';
  stoppageId: string;
  newEndDate: string;
  prescribedOn?: string;
}

export interface EndStoppageEarly {
  type: 'EndStoppageEarly';
  stoppageId: string;
  lastDay: string;
}

export interface RecordSalaryCertificate {
  type: 'RecordSalaryCertificate';
  stoppageId: string;
  salaries: MonthlySalary[];
}

export interface IssueAdvance {
  type: 'IssueAdvance';
  stoppageId: string;
  advanceId: string;
  amountCents: number;
  reason: string;
}

export interface Regularize {
  type: 'Regularize';
  stoppageId: string;
  regularizationId: string;
  through: string;
}

export interface RecordRecovery {
  type: 'RecordRecovery';
  stoppageId: string;
  recoveryId: string;
  amountCents: number;
}

/** The policyholder's own bank account (the IBAN is validated, ISO 13616, before it reaches the domain). */
export interface RecordBankAccount {
  type: 'RecordBankAccount';
  policyholderId: string;
  iban: string;
  bic?: string;
  holderName: string;
  /** The actor recording it: who changed an IBAN may not confirm it (#21). */
  recordedBy: string;
}

/** A second person confirms a changed bank account; until then its transfers are held (#21). */
export interface ConfirmBankAccount {
  type: 'ConfirmBankAccount';
  policyholderId: string;
  confirmedBy: string;
}

/**
 * A payment run claims the policyholder's ORDERED transfers ordered on or before `orderedOnOrBefore` for its
 * bank file (the run's own day: its own settlement and `replay --apply` order on the day they run).
 */
export interface ExportTransfers {
  type: 'ExportTransfers';
  policyholderId: string;
  bankFileId: string;
  orderedOnOrBefore: string;
}

/** The bank's word on one transfer (camt.054 booked or returned, pain.002 rejected). */
export interface RecordBankOutcome {
  type: 'RecordBankOutcome';
  policyholderId: string;
  transferId: string;
  outcome: 'SETTLED' | 'RETURNED' | 'REJECTED';
  bankReportId: string;
  bookedOn: string;
  reasonCode?: string;
  reasonText?: string;
}

/** Orders a returned transfer again, once its payee has a usable account. The new id is chosen by the caller. */
export interface ReorderReturnedTransfer {
  type: 'ReorderReturnedTransfer';
  policyholderId: string;
  transferId: string;
  newTransferId: string;
}

/** The employer maintains the salary for `fromDate … toDate`: those days' allowances are paid to it. */
export interface RecordSubrogation {
  type: 'RecordSubrogation';
  stoppageId: string;
  subrogationId: string;
  employerId: string;
  fromDate: string;
  toDate: string;
  /** Required the first time an employer is subrogated on this policyholder's stoppages. */
  employerAccount?: { iban: string; bic?: string; holderName: string };
}

export interface ActivateRulesVersion {
  type: 'ActivateRulesVersion';
  version: string;
}

/** Sickness ↔ occupational accident or disease, decided late: the whole chain follows. */
export interface RequalifyStoppage {
  type: 'RequalifyStoppage';
  stoppageId: string;
  kind: StoppageKind;
  accidentDate?: string;
  recognizedOn: string;
}

/** Entered in error (supervisor): nothing is due for it any more. */
export interface AnnulStoppage {
  type: 'AnnulStoppage';
  stoppageId: string;
  reason: string;
}

/** The commands decided on a policyholder's stream. */
export type PolicyholderCommand =
  | OpenStoppage
  | ExtendStoppage
  | EndStoppageEarly
  | RecordSalaryCertificate
  | IssueAdvance
  | Regularize
  | RecordRecovery
  | RecordBankAccount
  | RecordSubrogation
  | RequalifyStoppage
  | AnnulStoppage
  | ConfirmBankAccount
  | ExportTransfers
  | RecordBankOutcome
  | ReorderReturnedTransfer;

export type LedgerCommand = PolicyholderCommand | ActivateRulesVersion;
