import { Money } from '@ij/money';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { NoParametersForDateError } from '../errors/payment-errors';

/**
 * "A stoppage whose start date has no parameter row is rejected, never computed on a guess" (ij-rules §2).
 * The published daily maximum stands for the whole row: without it there is nothing to compute with.
 */
export function requireMaximumDailyAllowance(
  rules: RulesVersion,
  stoppageId: string,
  kind: StoppageKind,
  chainStartDate: string,
): Money {
  const maximumCents = rules.maximumDailyAllowanceCents(kind, chainStartDate);
  if (maximumCents === undefined) {
    throw new NoParametersForDateError(stoppageId, kind, chainStartDate, rules.version, 'maximum daily allowance');
  }
  return Money.fromCents(maximumCents);
}

/** The API refuses amounts ≤ 0 with a 400; one reaching the domain is a bug, so it surfaces as a 500. */
export function assertPositiveCents(amountCents: number, field: string): void {
  if (!Money.fromCents(amountCents).isPositive()) throw new RangeError(`${field} must be a positive number of cents, got ${amountCents}`);
}
