import { ValidateBy, ValidationArguments, type ValidationOptions } from 'class-validator';
import { ibanProblem, nirProblem, siretProblem } from '@ij/ledger';
import { EARLIEST_DATE, isCalendarDate, isYearMonth, LATEST_DATE } from '@ij/application';

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => `must be a real calendar date written YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}` } },
    options,
  );

export const IsYearMonth = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isYearMonth', validator: { validate: isYearMonth, defaultMessage: () => 'must be a month written YYYY-MM' } },
    options,
  );

/** A valid NIR; the message explains what is wrong without repeating the number. */
export const IsNir = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNir',
      validator: {
        validate: (value) => nirProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => nirProblem(args?.value) ?? 'must be a valid NIR',
      },
    },
    options,
  );

/** An employer's SIRET: 14 digits, Luhn checked. */
export const IsSiret = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSiret',
      validator: {
        validate: (value) => siretProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => siretProblem(args?.value) ?? 'must be a valid SIRET',
      },
    },
    options,
  );

/** A date not before the date in another field of the same body (when that one is a valid date). */
export const IsNotBefore = (otherField: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [otherField],
      validator: {
        validate: (value, args) => {
          const other = (args?.object as Record<string, unknown>)[otherField];
          return !isCalendarDate(value) || !isCalendarDate(other) || value >= other;
        },
        defaultMessage: () => `must not be before ${otherField}`,
      },
    },
    options,
  );

/** Largest amount accepted in a request: 10 million euros, far above any allowance, far below 2^53. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

/** A field that only makes sense for some kinds of stoppage (the body's `kind`). */
export const OnlyForKinds = (kinds: readonly string[], options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'onlyForKinds',
      constraints: [kinds],
      validator: {
        validate: (value, args) => value === undefined || kinds.includes(String((args?.object as { kind?: unknown }).kind)),
        defaultMessage: () => `is only allowed for ${kinds.join(' or ')} stoppages`,
      },
    },
    options,
  );

/** An IBAN (ISO 13616 check digits and the country's length); the message never repeats the IBAN. */
export const IsIban = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIban',
      validator: {
        validate: (value) => ibanProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => ibanProblem(args?.value) ?? 'must be a valid IBAN',
      },
    },
    options,
  );
