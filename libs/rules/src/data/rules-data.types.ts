import type { RoundingModes } from '../parameters/rounding';
import type { ParameterName } from '../parameters/parameter';
import type { StoppageKind } from '../rules.types';
import type { RulesBehaviour } from '../versions/rules-behaviour';

/**
 * The shape of the files under libs/rules/data, as written by hand: one file per dated parameter, the
 * undated parameters, and the list of released versions. A row belongs to every version from the one
 * named in `releasedIn` (all versions when absent) up to, excluding, the one named in `withdrawnIn`:
 * a released version's rows are never edited, a correction adds a row and withdraws the old one.
 * A row has no end: it is in force until the next row of the same version begins.
 */
export interface ParameterRowData {
  from: string;
  value: unknown;
  source: string;
  checkedOn: string;
  checkedAgainst: string;
  /** How a value that is not published was obtained (ij-rules §2 "mark it derived"). */
  derivation?: string;
  releasedIn?: string;
  withdrawnIn?: string;
}

export interface ParameterFileData {
  key: DatedParameterKey;
  name: ParameterName;
  description: string;
  values: ParameterRowData[];
}

export interface FixedParametersData {
  rounding: RoundingModes;
  roundingSource: string;
  referenceMonths: Record<StoppageKind, number>;
  referenceMonthsSource: string;
  checkedOn: string;
  checkedAgainst: string;
}

/** Dates a version knowingly has no row for: reported by `ledger rules check`, never guessed. */
export interface KnownGap {
  parameter: ParameterName;
  from: string;
  to: string;
  reason: string;
}

export interface VersionData {
  version: string;
  releasedOn: string;
  notes: string;
  behaviour: RulesBehaviour;
  /** The first stoppage start this version is meant to compute. */
  coversStartsFrom: string;
  knownGaps: KnownGap[];
}

export interface RulesData {
  parameters: ParameterFileData[];
  fixed: FixedParametersData;
  versions: VersionData[];
}

export type DatedParameterKey =
  | 'smicMonthly'
  | 'pmss'
  | 'pass'
  | 'sicknessSalaryCapSmicMultiple'
  | 'occupationalDailyBaseCapPassRate'
  | 'sicknessMaximumDailyAllowance'
  | 'occupationalMaximumDailyAllowance'
  | 'maternityMaximumDailyAllowance'
  | 'maternityMinimumDailyAllowance'
  | 'sicknessRates'
  | 'occupationalRates'
  | 'maternityRates'
  | 'socialContributions'
  | 'paidDaysLimits'
  | 'recoveryLimitation';
