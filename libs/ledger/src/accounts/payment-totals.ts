import { Money, max, sum } from '@ij/money';
import type { StoppageState } from '../state/policyholder-state';

/** The money that moved on one stoppage, independent of any rules version. */
export interface PaymentTotals {
  advances: Money;
  /** Regularization payments. */
  payments: Money;
  recovered: Money;
  assessed: Money;
  cancelled: Money;
  /** advances + payments − recovered (ij-rules §5). */
  paid: Money;
  /** assessed − cancelled − recovered, never below zero. */
  overpaymentOutstanding: Money;
}

export function paymentTotals(stoppage: StoppageState): PaymentTotals {
  const advances = sumOf(stoppage.advances.map((advance) => advance.amountCents));
  const payments = sumOf(stoppage.regularizations.map((regularization) => regularization.paymentCents));
  const recovered = sumOf(stoppage.recoveries.map((recovery) => recovery.amountCents));
  const assessed = sumOf(stoppage.regularizations.map((regularization) => regularization.overpaymentAssessedCents));
  const cancelled = sumOf(stoppage.regularizations.map((regularization) => regularization.overpaymentCancelledCents));
  return {
    advances,
    payments,
    recovered,
    assessed,
    cancelled,
    paid: advances.plus(payments).minus(recovered),
    overpaymentOutstanding: max(Money.zero(), assessed.minus(cancelled).minus(recovered)),
  };
}

function sumOf(cents: number[]): Money {
  return sum(cents.map((amount) => Money.fromCents(amount)));
}
