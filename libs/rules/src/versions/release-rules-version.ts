import { computeEntitlementCents, computeEntitlements } from '../compute-entitlements';
import type { KnownGap } from '../data/rules-data.types';
import { toEpochDay } from '../dates';
import { chainsOf } from '../paid-days/chains-of';
import { deepFreeze, valueOn, type Parameter, type RulesParameters } from '../parameters';
import type { RulesVersionDefinition } from '../rules-version-definition';
import type { RulesVersion, StoppageKind } from '../rules.types';
import { requiredSalaryMonths } from '../salary-months';
import type { RulesBehaviour } from './rules-behaviour';

/** A released version also shows the data it computes with, for audit. */
export interface ReleasedRulesVersion extends RulesVersion {
  readonly parameters: RulesParameters;
  readonly behaviour: RulesBehaviour;
  /** The first stoppage start the version is meant to compute, and the dates it knowingly has no row for. */
  readonly coversStartsFrom: string;
  readonly knownGaps: readonly KnownGap[];
}

/** Binds the shared calculators to a version's data and freezes the result: a release is never edited. */
export function releaseRulesVersion(definition: RulesVersionDefinition & { coversStartsFrom: string; knownGaps: readonly KnownGap[] }): ReleasedRulesVersion {
  const frozen = deepFreeze(definition);
  return Object.freeze({
    version: frozen.version,
    releasedOn: frozen.releasedOn,
    notes: frozen.notes,
    parameters: frozen.parameters,
    behaviour: frozen.behaviour,
    coversStartsFrom: frozen.coversStartsFrom,
    knownGaps: frozen.knownGaps,
    chainsOf: (facts) => chainsOf(frozen, facts),
    computeEntitlements: (facts, through) => computeEntitlements(frozen, facts, through),
    computeEntitlementCents: (facts, through) => computeEntitlementCents(frozen, facts, through),
    requiredSalaryMonths: (kind, chainStartDate) => requiredSalaryMonths(frozen.parameters, kind, chainStartDate),
    maximumDailyAllowanceCents: (kind, chainStartDate) => maximumDailyAllowanceCents(frozen.parameters, kind, chainStartDate),
    socialContributionsOn: (paidOn) => socialContributionsOn(frozen.parameters, paidOn),
    recoveryLimitationYearsOn: (date) => datedOrFirst(frozen.parameters.recoveryLimitation, date).years,
  } satisfies ReleasedRulesVersion);
}

/**
 * CGI art. 154 quinquies: 3.8 of the CSG's 6.2 points are deductible from taxable income. Versions released
 * before 2026.3 carry no such row (their data never split the CSG); the law's split applies to them too,
 * since it decides only the yearly statement's taxable base, never an amount paid.
 */
const CSG_DEDUCTIBLE_RATE_BEFORE_2026_3 = '0.038';

function socialContributionsOn(parameters: RulesParameters, paidOn: string): { csgRate: string; crdsRate: string; deductibleCsgRate: string } {
  const { csgRate, crdsRate, csgDeductibleRate } = datedOrFirst(parameters.socialContributions, paidOn);
  return { csgRate, crdsRate, deductibleCsgRate: csgDeductibleRate ?? CSG_DEDUCTIBLE_RATE_BEFORE_2026_3 };
}

/** The value in force on the date, or the first one before any (the ledger holds nothing older than its rules). */
function datedOrFirst<T>(parameter: Parameter<T>, date: string): T {
  return (valueOn(parameter, toEpochDay(date)) ?? parameter.values[0]).value;
}

/** The published maximum for a kind and chain start; for occupational kinds the day-29+ maximum, the highest. */
function maximumDailyAllowanceCents(parameters: RulesParameters, kind: StoppageKind, chainStartDate: string): number | undefined {
  const start = toEpochDay(chainStartDate);
  switch (kind) {
    case 'SICKNESS':
    case 'THERAPEUTIC_PART_TIME':
      return valueOn(parameters.sicknessMaximumDailyAllowance, start)?.value;
    case 'OCCUPATIONAL_ACCIDENT':
    case 'OCCUPATIONAL_DISEASE':
      return valueOn(parameters.occupationalMaximumDailyAllowance, start)?.value.fromDay29Cents;
    case 'MATERNITY':
    case 'PATERNITY':
      return valueOn(parameters.maternityMaximumDailyAllowance, start)?.value;
    default: {
      const unknownKind: never = kind;
      throw new Error(`Unknown stoppage kind ${String(unknownKind)}`);
    }
  }
}
