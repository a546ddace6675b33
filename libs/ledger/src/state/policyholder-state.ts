import type { MonthlySalary, StoppageKind } from '@ij/rules';
import type {
  AdvanceIssued,
  RecoveryRecorded,
  StoppageExtended,
  StoppageRegularized,
} from '../events/policyholder-events';
import type { StoppageAnnulled, StoppageRequalified } from '../events/late-fact-events';
import type { BankAccount, OverpaymentOffset, PaymentOrdered, SubrogationRecorded } from '../events/payment-events';
import type { TransferOrdered, TransferStatus } from '../events/transfer-events';

export type AdvanceRecord = AdvanceIssued['data'];
export type RegularizationRecord = StoppageRegularized['data'];
export type RecoveryRecord = RecoveryRecorded['data'];
export type ExtensionRecord = StoppageExtended['data'];
export type SubrogationRecord = SubrogationRecorded['data'];
export type PaymentOrderRecord = PaymentOrdered['data'];
export type OffsetRecord = OverpaymentOffset['data'];
export type AnnulmentRecord = StoppageAnnulled['data'];
export type RequalificationRecord = StoppageRequalified['data'];

/** What the ledger knows of one stoppage: its facts (for the rules engine) and its money movements. */
interface StoppageRecord {
  readonly stoppageId: string;
  readonly policyholderId: string;
  readonly kind: StoppageKind;
  readonly startDate: string;
  /** The prescribed end after every extension. */
  readonly endDate: string;
  /** Set by an early end: the last day of incapacity. */
  readonly lastDay?: string;
  readonly prescribedOn?: string;
  readonly prolongationOf?: string;
  readonly aldAffectionId?: string;
  readonly accidentDate?: string;
  readonly dailyLossOfEarningsCents?: number;
  readonly openedOn: string;
  /** The employer's SIRET, when given at opening (StoppageOpened v2). */
  readonly employerId?: string;
  /** Set by an annulment (entered in error): nothing is due for it any more. */
  readonly annulled?: AnnulmentRecord;
  /** Every change of kind, oldest first (the current kind is `kind`). */
  readonly requalifications?: readonly RequalificationRecord[];
  /** The latest certificate recorded on this stoppage itself (a continuation may have none). */
  readonly salaries?: readonly MonthlySalary[];
  readonly extensions: readonly ExtensionRecord[];
  readonly advances: readonly AdvanceRecord[];
  readonly regularizations: readonly RegularizationRecord[];
  readonly recoveries: readonly RecoveryRecord[];
  // The three lists below are optional: read models stored before payees existed (#12) lack them.
  readonly subrogations?: readonly SubrogationRecord[];
  /** The transfers its regularizations ordered, per payee. */
  readonly paymentOrders?: readonly PaymentOrderRecord[];
  /** Parts of this stoppage's overpayments deducted from later payments (recovered by offsetting). */
  readonly offsets?: readonly OffsetRecord[];
}

export interface OpenStoppageState extends StoppageRecord {
  readonly status: 'open';
}

/** Settled by a regularization through its effective last day: its period can no longer change. */
export interface ClosedStoppageState extends StoppageRecord {
  readonly status: 'closed';
  readonly closedByRegularizationId: string;
}

export type StoppageState = OpenStoppageState | ClosedStoppageState;

/** One transfer and how far it went: ORDERED → EXPORTED → SETTLED | RETURNED, each step at most once. */
export interface TransferRecord extends Readonly<TransferOrdered['data']> {
  readonly status: TransferStatus;
  readonly bankFileId?: string;
  readonly exportedOn?: string;
  readonly creditorAccount?: BankAccount;
  readonly settledOn?: string;
  readonly returnedOn?: string;
  readonly returnReason?: { readonly code: string; readonly text?: string; readonly rejected: boolean };
  /** The transfer that ordered this returned one again. */
  readonly reorderedAs?: string;
}

/**
 * Why the policyholder's account may not be credited now: a changed IBAN waits for a second person
 * (#21), and an account the bank returned a transfer from is unusable until a new one is recorded.
 */
export type BankAccountHold =
  | { readonly kind: 'UNCONFIRMED'; readonly recordedBy: string; readonly since: string }
  | { readonly kind: 'RETURNED'; readonly reasonCode: string; readonly reasonText?: string; readonly since: string; readonly transferId: string };

export interface PolicyholderState {
  /** Null until the first stoppage is opened. */
  readonly policyholderId: string | null;
  /** In opening order (a Map keeps insertion order). */
  readonly stoppages: ReadonlyMap<string, StoppageState>;
  /** The latest account the policyholder gave for their payments. */
  readonly bankAccount?: BankAccount;
  /** Set while the account on record may not be credited. */
  readonly bankAccountHold?: BankAccountHold;
  /** Every transfer ordered to this policyholder or to an employer for their stoppages, in order. Absent before #17. */
  readonly transfers?: readonly TransferRecord[];
  /** Employers whose account the bank returned a transfer from: unusable until a subrogation gives a new one. */
  readonly unusableEmployerAccounts?: Readonly<Record<string, string>>;
}

export function initialState(): PolicyholderState {
  return { policyholderId: null, stoppages: new Map() };
}
