import { Money } from '@ij/money';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { NoParametersForDateError } from '../errors/payment-errors';
import { latestChainEnd } from '../state/longest-period';
import { StoppagesOverlap } from '../errors/prolongation-errors';
import { StoppageBeyondLongestPeriod } from '../errors/stoppage-errors';
import type { PolicyholderState } from '../state/policyholder-state';
import { effectiveEndDate } from '../state/stoppage-queries';

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

/**
 * A day belongs to at most one prescription of a policyholder: another stoppage covering any day of
 * `startDate … endDate` would make the rules engine pay that day twice.
 */
export function requireNoOverlap(state: PolicyholderState, stoppageId: string, startDate: string, endDate: string): void {
  for (const other of state.stoppages.values()) {
    // A stoppage entered in error covers no day: the right one may be entered over it.
    if (other.stoppageId === stoppageId || other.annulled) continue;
    if (startDate <= effectiveEndDate(other) && other.startDate <= endDate) {
      throw new StoppagesOverlap(stoppageId, startDate, endDate, other.stoppageId);
    }
  }
}

/** A chain starting on `chainStartDate` may end on the day before the same date 3 years later, not after. */
export function requireWithinLongestPeriod(stoppageId: string, chainStartDate: string, endDate: string): void {
  const latestEndDate = latestChainEnd(chainStartDate);
  if (endDate > latestEndDate) throw new StoppageBeyondLongestPeriod(stoppageId, chainStartDate, endDate, latestEndDate);
}
