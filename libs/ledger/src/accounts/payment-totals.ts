import { Money, max, sum } from '@ij/money';
import type { StoppageState } from '../state/policyholder-state';

/** The money that moved on one stoppage, independent of any rules version. */
export interface PaymentTotals {
  advances: Money;
  /** Regularization payments. */
  payments: Money;
  /** Recoveries recorded by hand plus deductions from later payments (offsets). */
  recovered: Money;
  /** The part of `recovered` deducted from later payments (CSS L133-4-1). */
  offset: Money;
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
  const offset = sumOf((stoppage.offsets ?? []).map((deduction) => deduction.amountCents));
  const recovered = sumOf(stoppage.recoveries.map((recovery) => recovery.amountCents)).plus(offset);
  const assessed = sumOf(stoppage.regularizations.map((regularization) => regularization.overpaymentAssessedCents));
  const cancelled = sumOf(stoppage.regularizations.map((regularization) => regularization.overpaymentCancelledCents));
  return {
    advances,
    payments,
    recovered,
    offset,
    assessed,
    cancelled,
    paid: advances.plus(payments).minus(recovered),
    overpaymentOutstanding: max(Money.zero(), assessed.minus(cancelled).minus(recovered)),
  };
}

function sumOf(cents: number[]): Money {
  return sum(cents.map((amount) => Money.fromCents(amount)));
}
