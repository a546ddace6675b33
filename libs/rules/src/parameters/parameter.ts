import { toEpochDay } from '../dates';

/**
 * One dated value of a legal parameter, kept the way OpenFisca keeps its parameters: the value, the
 * days it is in force (inclusive, `to` open-ended when absent), where it comes from and when that was
 * last checked, so that a reader can verify every figure the engine uses.
 */
export interface ParameterValue<T> {
  /** How a value that is not published was obtained (ij-rules §2: "mark it derived"). */
  derivation?: string;
  from: string;
  to?: string;
  value: T;
  /** Legal reference or official publication. */
  source: string;
  /** When the value was last checked, and against what. */
  checkedOn: string;
  checkedAgainst: string;
}

export type ParameterName =
  | 'SMIC_MONTHLY'
  | 'PMSS'
  | 'PASS'
  | 'SICKNESS_SALARY_CAP_SMIC_MULTIPLE'
  | 'OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE'
  | 'SICKNESS_MAXIMUM_DAILY_ALLOWANCE'
  | 'OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE'
  | 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE'
  | 'MATERNITY_MINIMUM_DAILY_ALLOWANCE'
  | 'SICKNESS_RATES'
  | 'OCCUPATIONAL_RATES'
  | 'MATERNITY_RATES'
  | 'SOCIAL_CONTRIBUTIONS'
  | 'RECOVERY_LIMITATION'
  | 'PAID_DAYS_LIMITS'
  | 'RECOVERY_LIMITATION';

export interface Parameter<T> {
  name: ParameterName;
  description: string;
  values: readonly ParameterValue<T>[];
}

interface EffectiveRange {
  fromEpochDay: number;
  toEpochDay: number;
}

/** Epoch-day ranges computed once per parameter value (the data stays plain and readable). */
const ranges = new WeakMap<object, EffectiveRange>();

function rangeOf(value: ParameterValue<unknown>): EffectiveRange {
  let range = ranges.get(value);
  if (!range) {
    range = {
      fromEpochDay: toEpochDay(value.from),
      toEpochDay: value.to === undefined ? Number.POSITIVE_INFINITY : toEpochDay(value.to),
    };
    ranges.set(value, range);
  }
  return range;
}

/** The value in force on `epochDay`, or undefined: a date outside every row is never guessed. */
export function valueOn<T>(parameter: Parameter<T>, epochDay: number): ParameterValue<T> | undefined {
  for (const value of parameter.values) {
    const range = rangeOf(value);
    if (epochDay >= range.fromEpochDay && epochDay <= range.toEpochDay) return value;
  }
  return undefined;
}

/** The first days of the rows after the first one: the dates on which the parameter changes. */
export function changeDates(parameter: Parameter<unknown>): number[] {
  return parameter.values.map((value) => rangeOf(value).fromEpochDay).sort((a, b) => a - b).slice(1);
}

/** Parameters are released data: freeze them so that no caller can edit a released version. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const property of Object.values(value as object)) deepFreeze(property);
  }
  return value;
}
