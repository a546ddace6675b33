import type { StoppageKind } from '../rules.types';
import type { Parameter } from './parameter';
import type { MaternityRates, OccupationalMaxima, OccupationalRates, PaidDaysLimits, RecoveryLimitation, SicknessRates, SocialContributions } from './parameter-values';
import type { RoundingModes } from './rounding';

export * from './parameter';
export type { RecoveryLimitation, OccupationalMaxima, PaidDaysLimits, MaternityRates, OccupationalRates, SicknessRates, SocialContributions, RoundingModes };

/**
 * Everything a rules version computes with, as data: built for each version from the files of
 * libs/rules/data (data/rules-data.ts), each dated value with its source and checked-on date.
 */
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
  recoveryLimitation: Parameter<RecoveryLimitation>;
  rounding: RoundingModes;
  /** How many calendar months before the chain's start each kind's reference salaries cover. */
  referenceMonths: Readonly<Record<StoppageKind, number>>;
}
