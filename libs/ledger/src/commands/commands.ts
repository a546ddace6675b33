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
  | AnnulStoppage;

export type LedgerCommand = PolicyholderCommand | ActivateRulesVersion;
