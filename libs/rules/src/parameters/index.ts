import type { StoppageKind } from '../rules.types';
import { deepFreeze, type Parameter } from './parameter';
import {
  MATERNITY_MAXIMUM_DAILY_ALLOWANCE,
  MATERNITY_MINIMUM_DAILY_ALLOWANCE,
  OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE,
  SICKNESS_MAXIMUM_DAILY_ALLOWANCE,
  type OccupationalMaxima,
} from './published-maxima';
import { PAID_DAYS_LIMITS, type PaidDaysLimits } from './paid-days-limits';
import {
  MATERNITY_RATES,
  OCCUPATIONAL_RATES,
  SICKNESS_RATES,
  SOCIAL_CONTRIBUTIONS,
  type MaternityRates,
  type OccupationalRates,
  type SicknessRates,
  type SocialContributions,
} from './rates';
import { ROUNDING_MODES, type RoundingModes } from './rounding';
import { OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE, SICKNESS_SALARY_CAP_SMIC_MULTIPLE } from './salary-caps';
import { SMIC_MONTHLY } from './smic';
import { PASS, PMSS } from './social-security-ceilings';

export * from './parameter';
export type { OccupationalMaxima, PaidDaysLimits, MaternityRates, OccupationalRates, SicknessRates, SocialContributions, RoundingModes };

/** Everything a rules version computes with, as data. */
export interface RulesParameters {
  smicMonthly: Parameter<number>;
  pmss: Parameter<number>;
  pass: Parameter<number>;
  sicknessSalaryCapSmicMultiple: Parameter<string>;
  occupationalDailyBaseCapPassRate: Parameter<string>;
  sicknessMaximumDailyAllowance: Parameter<number>;
  occupationalMaximumDailyAllowance: Parameter<OccupationalMaxima>;
  maternityMaximumDailyAllowance: Parameter<number>;
  maternityMinimumDailyAllowance: Parameter<number>;
  sicknessRates: Parameter<SicknessRates>;
  occupationalRates: Parameter<OccupationalRates>;
  maternityRates: Parameter<MaternityRates>;
  socialContributions: Parameter<SocialContributions>;
  paidDaysLimits: Parameter<PaidDaysLimits>;
  rounding: RoundingModes;
  /** How many calendar months before the chain's start each kind's reference salaries cover. */
  referenceMonths: Readonly<Record<StoppageKind, number>>;
}

/** The parameters of ij-rules.md as released with the 2026 rules versions. Frozen: released data is never edited. */
export const PARAMETERS_2026: RulesParameters = deepFreeze({
  smicMonthly: SMIC_MONTHLY,
  pmss: PMSS,
  pass: PASS,
  sicknessSalaryCapSmicMultiple: SICKNESS_SALARY_CAP_SMIC_MULTIPLE,
  occupationalDailyBaseCapPassRate: OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE,
  sicknessMaximumDailyAllowance: SICKNESS_MAXIMUM_DAILY_ALLOWANCE,
  occupationalMaximumDailyAllowance: OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE,
  maternityMaximumDailyAllowance: MATERNITY_MAXIMUM_DAILY_ALLOWANCE,
  maternityMinimumDailyAllowance: MATERNITY_MINIMUM_DAILY_ALLOWANCE,
  sicknessRates: SICKNESS_RATES,
  occupationalRates: OCCUPATIONAL_RATES,
  maternityRates: MATERNITY_RATES,
  socialContributions: SOCIAL_CONTRIBUTIONS,
  paidDaysLimits: PAID_DAYS_LIMITS,
  rounding: ROUNDING_MODES,
  // R323-4 and R331-5: the 3 calendar months before; R433-4: the last calendar month before.
  referenceMonths: {
    SICKNESS: 3,
    THERAPEUTIC_PART_TIME: 3,
    MATERNITY: 3,
    PATERNITY: 3,
    OCCUPATIONAL_ACCIDENT: 1,
    OCCUPATIONAL_DISEASE: 1,
  },
});
