import type { Parameter, ParameterValue } from '../parameters';
import type { RulesBehaviour } from '../versions/rules-behaviour';
import type { ReleasedRulesVersion } from '../versions/release-rules-version';

export interface RulesDiff {
  from: string;
  to: string;
  /** Behaviour flags whose value differs. */
  behaviours: { flag: keyof RulesBehaviour; from: string; to: string }[];
  /** Per parameter, the rows only in the first version (removed) and only in the second (added). */
  parameters: { parameter: string; removed: ParameterValue<unknown>[]; added: ParameterValue<unknown>[] }[];
  /** Undated parameters (rounding modes, reference months) that differ. */
  fixed: { name: string; from: unknown; to: unknown }[];
}

/** `ledger rules diff A B`: what B changes from A, row by row (a row is its dates and value). */
export function diffRulesVersions(a: ReleasedRulesVersion, b: ReleasedRulesVersion): RulesDiff {
  const behaviours = (Object.keys(a.behaviour) as (keyof RulesBehaviour)[])
    .filter((flag) => a.behaviour[flag] !== b.behaviour[flag])
    .map((flag) => ({ flag, from: a.behaviour[flag], to: b.behaviour[flag] }));
  const parameters: RulesDiff['parameters'] = [];
  const fixed: RulesDiff['fixed'] = [];
  for (const key of Object.keys(a.parameters) as (keyof typeof a.parameters)[]) {
    const left = a.parameters[key];
    const right = b.parameters[key];
    if (isParameter(left) && isParameter(right)) {
      const removed = left.values.filter((row) => !right.values.some((other) => sameRow(row, other)));
      const added = right.values.filter((row) => !left.values.some((other) => sameRow(row, other)));
      if (removed.length > 0 || added.length > 0) parameters.push({ parameter: left.name, removed: [...removed], added: [...added] });
    } else if (JSON.stringify(left) !== JSON.stringify(right)) {
      fixed.push({ name: key, from: left, to: right });
    }
  }
  return { from: a.version, to: b.version, behaviours, parameters, fixed };
}

function isParameter(value: unknown): value is Parameter<unknown> {
  return typeof value === 'object' && value !== null && 'values' in value;
}

/** Same dates and same value: a changed source or check date alone is not a change of the calculation. */
function sameRow(a: ParameterValue<unknown>, b: ParameterValue<unknown>): boolean {
  return a.from === b.from && a.to === b.to && JSON.stringify(a.value) === JSON.stringify(b.value);
}
