/**
 * An exact decimal factor (a rate such as "0.5" or "0.00834", a divisor such as "91.25"), held as a
 * scaled integer so that no binary floating point ever touches an amount.
 */
export interface ScaledDecimal {
  /** The digits as an integer: "0.00834" → 834. */
  amount: number;
  /** How many of those digits are decimals: "0.00834" → 5. */
  scale: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export class InvalidDecimal extends Error {
  readonly code = 'invalid-decimal';
  constructor(readonly input: string) {
    super(`"${input}" is not a non-negative decimal written with digits and an optional point`);
  }
}

/** Parses "0.5", "0.933", "91.25" or "2" into a scaled integer. Accepts a ScaledDecimal as is. */
export function toScaledDecimal(value: string | ScaledDecimal): ScaledDecimal {
  if (typeof value !== 'string') {
    if (!Number.isSafeInteger(value.amount) || !Number.isInteger(value.scale) || value.scale < 0) {
      throw new InvalidDecimal(JSON.stringify(value));
    }
    return value;
  }
  const match = DECIMAL.exec(value);
  if (!match) throw new InvalidDecimal(value);
  const decimals = match[2] ?? '';
  const amount = Number(match[1] + decimals);
  if (!Number.isSafeInteger(amount)) throw new InvalidDecimal(value);
  return { amount, scale: decimals.length };
}
