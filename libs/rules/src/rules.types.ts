/**
 * The public contract of the rules engine. The ledger and the projections build `PolicyholderFacts`
 * from events and read `StoppageEntitlement`s; nothing outside libs/rules computes an allowance.
 * Dates are calendar dates `YYYY-MM-DD`, months `YYYY-MM`, money integer cents.
 */

export type StoppageKind =
  | 'SICKNESS'
  | 'OCCUPATIONAL_ACCIDENT'
  | 'OCCUPATIONAL_DISEASE'
  | 'MATERNITY'
  | 'PATERNITY'
  | 'THERAPEUTIC_PART_TIME';

export const STOPPAGE_KINDS: readonly StoppageKind[] = [
  'SICKNESS',
  'OCCUPATIONAL_ACCIDENT',
  'OCCUPATIONAL_DISEASE',
  'MATERNITY',
  'PATERNITY',
  'THERAPEUTIC_PART_TIME',
];

export interface MonthlySalary {
  month: string;
  grossCents: number;
}

/** One stoppage as the ledger knows it after folding its events. */
export interface StoppageFacts {
  stoppageId: string;
  kind: StoppageKind;
  startDate: string;
  /** The prescribed end after every extension. */
  endDate: string;
  /** Set by an early end (return to work): days after it are not due. */
  lastDay?: string;
  prescribedOn?: string;
  /** The stoppage this one prolongs (a new prescription that continues it). */
  prolongationOf?: string;
  /** Long-term illness affection ("ALD"). */
  aldAffectionId?: string;
  accidentDate?: string;
  /** Therapeutic part-time only: the declared daily loss of earnings that caps the daily IJ. */
  dailyLossOfEarningsCents?: number;
  /** The latest salary certificate recorded for this stoppage (a prolongation reuses its chain root's). */
  salaries?: MonthlySalary[];
}

export interface PolicyholderFacts {
  stoppages: StoppageFacts[];
}

export type DayReason =
  | 'PAID'
  | 'CARENCE'
  | 'OUTSIDE_PRESCRIPTION'
  | 'ACCIDENT_DAY'
  | 'LIMIT_360_REACHED'
  | 'ALD_LIMIT_REACHED'
  | 'AFTER_EARLY_END'
  | 'NOT_YET_DUE';

export interface DayLine {
  date: string;
  paid: boolean;
  amountCents: number;
  reason: DayReason;
}

export interface ExplanationStep {
  label: string;
  value: string;
  legalRef: string;
}

/** A run of days paid at the same daily IJ (e.g. occupational days 1–28 and 29+). */
export interface DailyAllowancePhase {
  /** 1-based indemnified day numbers, counted across the prolongation chain. */
  fromDay: number;
  toDay: number | null;
  dailyAllowanceCents: number;
  /** The rate applied, as an exact decimal string ("0.5", "0.6", "0.8", "0.79"). */
  rate: string;
  /**
   * Added by libs/rules: set only when the phase is selected by the paid day's date rather than by day
   * number (the defective sickness-cap behaviour of rules 2026.1); the phase applies from that date.
   */
  fromDate?: string;
}

export type StoppageEntitlement =
  | ComputedEntitlement
  | MissingSalaryCertificate
  | NoParametersForDate;

export interface ComputedEntitlement {
  status: 'COMPUTED';
  stoppageId: string;
  kind: StoppageKind;
  rulesVersion: string;
  through: string;
  dailyBaseCents: number;
  phases: DailyAllowancePhase[];
  days: DayLine[];
  payableDays: number;
  entitlementCents: number;
  /** Entitlement less CSG + CRDS (6.7 %), rounded half-up once. */
  netEntitlementCents: number;
  steps: ExplanationStep[];
}

export interface MissingSalaryCertificate {
  status: 'MISSING_SALARY_CERTIFICATE';
  stoppageId: string;
  kind: StoppageKind;
  rulesVersion: string;
  through: string;
  /** The months the kind needs that the certificate does not cover. */
  missingMonths: string[];
  /** The days are still classified (carence, limits…), with amountCents 0. */
  days: DayLine[];
  payableDays: number;
  steps: ExplanationStep[];
}

export interface NoParametersForDate {
  status: 'NO_PARAMETERS_FOR_DATE';
  stoppageId: string;
  kind: StoppageKind;
  rulesVersion: string;
  date: string;
  parameter: string;
}

/**
 * The cents-only answer of `computeEntitlementCents`: the same status, cents and payable days as
 * `computeEntitlements`, without day lines, phases or explanation steps.
 */
export type StoppageEntitlementCents =
  | ComputedEntitlementCents
  | MissingSalaryCertificateCents
  | NoParametersForDate;

export type ComputedEntitlementCents = Omit<ComputedEntitlement, 'phases' | 'days' | 'steps'>;

export type MissingSalaryCertificateCents = Omit<MissingSalaryCertificate, 'days' | 'steps'>;

export interface RulesVersionInfo {
  version: string;
  releasedOn: string;
  notes: string;
}

/**
 * A released rules version: immutable calculators + parameters. Released versions are never edited;
 * a fix is a new version. All functions are pure (no clock, no I/O).
 */
export interface RulesVersion extends RulesVersionInfo {
  /** Entitlement of every stoppage of the policyholder through `through` (inclusive), in input order. */
  computeEntitlements(facts: PolicyholderFacts, through: string): StoppageEntitlement[];
  /**
   * The fast path when only amounts are needed: for every stoppage, in input order, exactly the status,
   * entitlementCents, netEntitlementCents, payableDays (and missing months or missing parameter) of
   * computeEntitlements, without building day lines or explanation steps.
   */
  computeEntitlementCents(facts: PolicyholderFacts, through: string): StoppageEntitlementCents[];
  /** The salary months (`YYYY-MM`) a stoppage of this kind starting (chain start) on this date needs. */
  requiredSalaryMonths(kind: StoppageKind, chainStartDate: string): string[];
  /** The published maximum daily IJ for this kind and chain start, or undefined when no parameter row covers it. */
  maximumDailyAllowanceCents(kind: StoppageKind, chainStartDate: string): number | undefined;
  /**
   * The chain each stoppage belongs to under this version's rule (prolongation gap, kinds that chain), in
   * input order: its root, and the kind that computes it (a therapeutic part-time continuing a full-time
   * chain is computed as that chain's kind from 2026.3).
   */
  chainsOf(facts: PolicyholderFacts): ChainMembership[];
  /**
   * CSG, CRDS and the deductible part of the CSG withheld on an allowance paid on this date (ij-rules §2, §5).
   * Before the first dated value the first one applies: the ledger holds no payment older than its rules.
   */
  socialContributionsOn(paidOn: string): { csgRate: string; crdsRate: string; deductibleCsgRate: string };
  /** Years after its payment that recovering an overpaid allowance is time-barred (L332-1), on this date. */
  recoveryLimitationYearsOn(date: string): number;
}

export interface ChainMembership {
  /** The stoppageId of the chain's first stoppage (the stoppage itself when it starts a chain). */
  rootId: string;
  /** The kind whose calculator, reference months and maximum apply. */
  calculationKind: StoppageKind;
  /** The stoppage whose salary certificate computes it (itself or its chain root), as the version chooses. */
  certificateOf: string;
}
