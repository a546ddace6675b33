import { Money, sum } from '@ij/money';
import type { DayLine } from '@ij/rules';
import type { BankAccount } from '../events/payment-events';
import type { StoppageState } from '../state/policyholder-state';

/** What one employer is owed for the days it kept paying the salary, and what it was already paid. */
export interface EmployerShare {
  employerId: string;
  account: BankAccount;
  entitlementCents: number;
  paidCents: number;
}

/**
 * The allowances of the subrogated days, per employer (in the order the employers were first
 * subrogated), from the day lines of the stoppage's entitlement. An employer's account is the one
 * given with its latest subrogation.
 */
export function employerShares(stoppage: StoppageState, days: readonly DayLine[]): EmployerShare[] {
  const employerIds = [...new Set((stoppage.subrogations ?? []).map((subrogation) => subrogation.employerId))];
  return employerIds.map((employerId) => {
    const periods = (stoppage.subrogations ?? []).filter((subrogation) => subrogation.employerId === employerId);
    const subrogated = days.filter((day) => day.paid && periods.some((period) => period.fromDate <= day.date && day.date <= period.toDate));
    return {
      employerId,
      account: periods[periods.length - 1].employerAccount,
      entitlementCents: sum(subrogated.map((day) => Money.fromCents(day.amountCents))).toCents(),
      paidCents: grossPaidTo(stoppage, 'EMPLOYER', employerId).toCents(),
    };
  });
}

/** The allowances already ordered to a payee on this stoppage (gross, offsets included). */
export function grossPaidTo(stoppage: StoppageState, payee: 'POLICYHOLDER' | 'EMPLOYER', employerId?: string): Money {
  const orders = (stoppage.paymentOrders ?? []).filter((order) => order.payee === payee && (payee === 'POLICYHOLDER' || order.employerId === employerId));
  return sum(orders.map((order) => Money.fromCents(order.grossCents)));
}
