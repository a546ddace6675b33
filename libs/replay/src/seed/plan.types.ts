import type { LateFactAction } from './late-facts';
import type { MonthlySalary, StoppageKind } from '@ij/rules';

/** One prescription of a chain: the root or a prolongation opened with `prolongationOf`. */
export interface StoppageSpec {
  startDate: string;
  /** The end first prescribed. */
  endDate: string;
  /** Later ends prescribed by extensions, in order. */
  extendedTo: string[];
}

/** What happens to one case file: a chain of stoppages and how it is paid. */
export interface ChainSpec {
  kind: StoppageKind;
  stoppages: StoppageSpec[];
  aldAffectionId?: string;
  /** Occupational accident: the day of the accident (the start, or a few days before). */
  accidentDate?: string;
  dailyLossOfEarningsCents?: number;
  /** Return to work before the end of the chain's last stoppage. */
  earlyEnd?: { lastDay: string; reportedLate: boolean };
  /** 'late': an advance is paid while the salary certificate is missing, the certificate comes later. */
  certificate: 'prompt' | 'late';
  /** Pay through each month end before the end (a long stoppage paid monthly). */
  monthlyPayments: boolean;
  /** The last stoppage keeps an advance not regularized at the end of the scenario. */
  pendingAdvance: boolean;
}

/** A command of the scenario, dated on its business day; ids come later, from its idempotency key. */
export type PlannedAction =
  | { type: 'open'; on: string; stoppageId: string; kind: StoppageKind; startDate: string; endDate: string; prolongationOf?: string; aldAffectionId?: string; accidentDate?: string; dailyLossOfEarningsCents?: number; caseId: string }
  | { type: 'extend'; on: string; stoppageId: string; newEndDate: string; caseId: string }
  | { type: 'endEarly'; on: string; stoppageId: string; lastDay: string; caseId: string }
  | { type: 'certificate'; on: string; stoppageId: string; salaries: MonthlySalary[]; caseId: string }
  | { type: 'advance'; on: string; stoppageId: string; amountCents: number; reason: string; caseId: string }
  | { type: 'regularize'; on: string; stoppageId: string; through: string; caseId: string }
  /** The amount is read from the overpayment outstanding when it is recorded: half of it, or all the rest. */
  | { type: 'recovery'; on: string; stoppageId: string; share: 'half' | 'rest'; caseId: string }
  /** The policyholder's bank account, given with their first stoppage: payments need somewhere to go. */
  | { type: 'bankAccount'; on: string; iban: string; holderName: string; caseId: string }
  /** Requalification and annulment: libs/replay/src/seed/late-facts.ts. */
  | LateFactAction;
