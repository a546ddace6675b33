import { toIsoDate } from '../dates';
import { valueOn, type Parameter, type ParameterValue } from '../parameters';

/**
 * Raised inside a calculator when no row of a parameter covers the date it needs; caught once at the
 * engine's boundary and turned into a typed NO_PARAMETERS_FOR_DATE result, never a guess.
 */
export class MissingParameter extends Error {
  readonly code = 'no-parameters-for-date';
  constructor(
    readonly parameter: string,
    readonly date: string,
  ) {
    super(`No value of ${parameter} is in force on ${date}`);
  }
}

export function parameterOn<T>(parameter: Parameter<T>, epochDay: number): ParameterValue<T> {
  const value = valueOn(parameter, epochDay);
  if (!value) throw new MissingParameter(parameter.name, toIsoDate(epochDay));
  return value;
}
