import { Money, type RoundingMode } from '@ij/money';
import { decimal } from '../decimal';

const caps = new Map<string, number>();

/**
 * A cap derived from a parameter (k × SMIC, 0.834 % × PASS), rounded to the cent. It depends on
 * parameter values only, so it is computed once per combination rather than once per stoppage.
 */
export function salaryCapCents(baseCents: number, rate: string, rounding: RoundingMode): number {
  const key = `${baseCents}|${rate}|${rounding}`;
  let cap = caps.get(key);
  if (cap === undefined) {
    cap = Money.fromCents(baseCents).times(decimal(rate), rounding).toCents();
    caps.set(key, cap);
  }
  return cap;
}
