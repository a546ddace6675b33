import { toScaledDecimal, type ScaledDecimal } from '@ij/money';

const parsed = new Map<string, ScaledDecimal>();

/**
 * Parameters keep rates as readable decimal strings ("0.5", "91.25"); this parses each one once, so
 * that the hot path hands @ij/money a ready ScaledDecimal. The set of rates is tiny and fixed.
 */
export function decimal(rate: string): ScaledDecimal {
  let value = parsed.get(rate);
  if (!value) {
    value = toScaledDecimal(rate);
    parsed.set(rate, value);
  }
  return value;
}
