import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Characters no free text may hold (issue 21: a holderName with BEL, NUL or ESC broke the bank file for good):
 * C0 and C1 controls (tab and newline included: every free-text field is one line), DEL, the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read other than it is
 * stored, and lone surrogates (not Unicode text at all).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Why a free text is refused, or undefined when it is acceptable (`value` as it will be stored: trimmed). */
export function freeTextProblem(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (FORBIDDEN_CHARACTERS.test(value)) return 'must not contain control characters, bidirectional overrides or lone surrogates';
  if (value.trim().length === 0) return 'must not be empty or only spaces';
  if (value.trim().length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}

/**
 * A one-line free text (a name, a reason, an identifier given by a person): trimmed, not empty, at most
 * `maxLength` characters, without control, bidi-override or lone-surrogate characters. A refusal is one entry
 * for the field in the 400 answer.
 */
export function IsFreeText(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  // Trimmed only when acceptable: a control character at an edge (a tab, a newline) is refused, not trimmed away.
  const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' && !FORBIDDEN_CHARACTERS.test(value) ? value.trim() : value));
  const validate = ValidateBy(
    {
      name: 'isFreeText',
      constraints: [maxLength],
      validator: {
        validate: (value) => freeTextProblem(value, maxLength) === undefined,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} ${freeTextProblem(args?.value, maxLength) ?? 'is not valid'}`,
      },
    },
    options,
  );
  return (target: object, propertyKey: string | symbol) => {
    trim(target, propertyKey);
    validate(target, propertyKey);
  };
}
