/** The shapes of the structured parameter values (libs/rules/data/parameters; checked by data/rules-data.schema.ts). */

export interface OccupationalMaxima {
  /** Indemnified days 1–28 (60 % rate). */
  upToDay28Cents: number;
  /** Indemnified day 29 onwards (80 % rate). */
  fromDay29Cents: number;
}

/** Rates and divisors are exact decimal strings: they only ever reach money through @ij/money. */
export interface SicknessRates {
  /** IJ = rate × SJB. */
  rate: string;
  /** SJB = 3 months ÷ divisor. */
  divisor: string;
}

export interface OccupationalRates {
  upToDay28Rate: string;
  fromDay29Rate: string;
  /** The first indemnified day paid at the higher rate. */
  higherRateFromDay: number;
  /** SJR = last month ÷ divisor. */
  divisor: string;
  /** Ceiling: the daily IJ never exceeds the uncapped SJR × (1 − 21 %), the net daily earnings. */
  netEarningsRate: string;
}

export interface MaternityRates {
  /** IJ = SJB × (1 − 21 % flat deduction). */
  rate: string;
  divisor: string;
}

export interface SocialContributions {
  csgRate: string;
  crdsRate: string;
  /** Of the CSG, the points deductible from taxable income (CGI art. 154 quinquies); released with 2026.3. */
  csgDeductibleRate?: string;
}

export interface PaidDaysLimits {
  /** Waiting days at the start of a sickness stoppage. */
  carenceDays: number;
  /** A prolongation continues its chain when it starts at most this many calendar days after the previous effective end. */
  prolongationMaximumStartAfterEndDays: number;
  /** Non-long-term sickness: at most this many paid days… */
  nonAldMaximumPaidDays: number;
  /** …over any sliding window of this many calendar years. */
  nonAldWindowYears: number;
  /** Long-term illness, aldLimit PAID_DAYS_PER_AFFECTION (2026.1, 2026.2): at most this many paid days per affection. */
  aldMaximumPaidDaysPerAffection?: number;
  /** Long-term illness, aldLimit PERIOD_DATE_TO_DATE (2026.3): the period's length in years, date to date. */
  aldPeriodYears?: number;
  /** …and the uncovered days between two stoppages of the affection that open a new period. */
  aldNewPeriodAfterUncoveredDays?: number;
  /** Long-term illness: no new carence when one was served for the affection within this many calendar years. */
  aldCarenceWaiverYears: number;
}

export interface RecoveryLimitation {
  /** Years after the overpaid amount was paid into the beneficiary's hands (CSS L332-1). */
  years: number;
}
