import { computeEntitlementCents, computeEntitlements } from '../compute-entitlements';
import type { KnownGap } from '../data/rules-data.types';
import { toEpochDay } from '../dates';
import { chainsOf } from '../paid-days/chains-of';
import { deepFreeze, valueOn, type RulesParameters } from '../parameters';
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
  } satisfies ReleasedRulesVersion);
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
