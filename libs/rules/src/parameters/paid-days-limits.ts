import { CHECKED_AGAINST_SPEC_4, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

export interface PaidDaysLimits {
  /** Waiting days at the start of a sickness stoppage. */
  carenceDays: number;
  /** A prolongation continues its chain when it starts at most this many calendar days after the previous effective end. */
  prolongationMaximumStartAfterEndDays: number;
  /** Non-long-term sickness: at most this many paid days… */
  nonAldMaximumPaidDays: number;
  /** …over any sliding window of this many calendar years. */
  nonAldWindowYears: number;
  /** Long-term illness: at most this many paid days per affection (3 years, decision: 3 × 365 days). */
  aldMaximumPaidDaysPerAffection: number;
  /** Long-term illness: no new carence when one was served for the affection within this many calendar years. */
  aldCarenceWaiverYears: number;
}

export const PAID_DAYS_LIMITS: Parameter<PaidDaysLimits> = {
  name: 'PAID_DAYS_LIMITS',
  description: 'Carence, prolongation gap and paid-days limits',
  values: [
    {
      from: '2024-01-01',
      value: {
        carenceDays: 3,
        prolongationMaximumStartAfterEndDays: 2,
        nonAldMaximumPaidDays: 360,
        nonAldWindowYears: 3,
        aldMaximumPaidDaysPerAffection: 1095,
        aldCarenceWaiverYears: 3,
      },
      source: 'CSS R323-1 (carence 3 days; 360 IJ over 3 years; long-term illness 3 years); ij-rules §4 decisions (prolongation gap 2 days)',
      checkedOn: CHECKED_ON,
      checkedAgainst: CHECKED_AGAINST_SPEC_4,
    },
  ],
};
