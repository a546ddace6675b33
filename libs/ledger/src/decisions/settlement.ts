import { Money, min } from '@ij/money';
import type { RegularizationOutcome } from '../events/policyholder-events';

export interface Settlement {
  deltaCents: number;
  outcome: RegularizationOutcome;
  paymentCents: number;
  overpaymentAssessedCents: number;
  overpaymentCancelledCents: number;
}

/**
 * Settles entitlement E against paid P with O already assessed and not yet recovered (ij-rules §5).
 * U = (E − P) + O is what no earlier regularization has settled: a positive U first cancels the
 * outstanding overpayment and pays the rest; a negative U is a new overpayment. So a second
 * regularization with nothing new gives NOTHING_DUE and an overpayment is never assessed twice.
 */
export function settle(entitlement: Money, paidBefore: Money, overpaymentOutstandingBefore: Money): Settlement {
  const delta = entitlement.minus(paidBefore);
  const unsettled = delta.plus(overpaymentOutstandingBefore);
  const nothing = Money.zero().toCents();
  if (unsettled.isNegative()) {
    return {
      deltaCents: delta.toCents(),
      outcome: 'OVERPAYMENT_ASSESSED',
      paymentCents: nothing,
      overpaymentAssessedCents: unsettled.negate().toCents(),
      overpaymentCancelledCents: nothing,
    };
  }
  const cancelled = min(overpaymentOutstandingBefore, unsettled);
  const payment = unsettled.minus(cancelled);
  return {
    deltaCents: delta.toCents(),
    outcome: payment.isPositive() ? 'PAID' : 'NOTHING_DUE',
    paymentCents: payment.toCents(),
    overpaymentAssessedCents: nothing,
    overpaymentCancelledCents: cancelled.toCents(),
  };
}
