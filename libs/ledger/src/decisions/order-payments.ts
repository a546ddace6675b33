import { Money, max, min } from '@ij/money';
import type { RulesVersion } from '@ij/rules';
import { entitlementFor } from '../accounts/stoppage-account';
import type { BankAccount, OverpaymentOffset, PaymentOrdered } from '../events/payment-events';
import type { StoppageRegularized } from '../events/policyholder-events';
import { stateEntitlements } from '../facts/state-entitlements';
import { outstandingOverpayments } from '../payees/overpayments';
import { employerShares, type EmployerShare } from '../payees/payee-shares';
import { withholdingsOn } from '../payees/withholdings';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { requireStoppage } from '../state/stoppage-queries';
// A payment id fits a bank file's end-to-end id (Max35Text): the regularization id without dashes and a 1–3 character payee suffix.
import { compactId } from '../events/transfer-events';

/**
 * Who receives what a regularization pays. Subrogated employers first, up to the allowances of their
 * days not yet paid to them (R323-11, R433-12); the rest goes to the policyholder, less their
 * outstanding overpayments on other stoppages, oldest first (L133-4-1), except those whose overpaid amount was paid two years ago or more
 * (the time bar of the rules version), which are time-barred (L332-1) and never deducted.
 */
export function orderPayments(
  regularization: StoppageRegularized,
  state: PolicyholderState,
  rules: RulesVersion,
): Array<PaymentOrdered | OverpaymentOffset> {
  const { data } = regularization;
  const payment = Money.fromCents(data.paymentCents);
  if (!payment.isPositive()) return [];
  const stoppage = requireStoppage(state, data.stoppageId);
  const employerOrders: PaymentOrdered[] = [];
  let rest = payment;
  subrogatedShares(state, stoppage, rules, data.through).forEach((share, index) => {
    const due = max(Money.zero(), Money.fromCents(share.entitlementCents).minus(Money.fromCents(share.paidCents)));
    const gross = min(rest, due);
    if (!gross.isPositive()) return;
    rest = rest.minus(gross);
    employerOrders.push(paymentOrdered(data, `${compactId(data.regularizationId)}E${index + 1}`, 'EMPLOYER', gross, Money.zero(), rules, share.account, share.employerId));
  });
  if (!rest.isPositive()) return employerOrders;
  const paymentId = `${compactId(data.regularizationId)}H`;
  const offsets = offsetsFrom(state, data, paymentId, rest, rules);
  const offset = offsets.reduce((total, event) => total.plus(Money.fromCents(event.data.amountCents)), Money.zero());
  return [...employerOrders, paymentOrdered(data, paymentId, 'POLICYHOLDER', rest, offset, rules, state.bankAccount), ...offsets];
}

/** Employer shares need the day lines: computed only when the stoppage has a subrogation. */
function subrogatedShares(state: PolicyholderState, stoppage: StoppageState, rules: RulesVersion, through: string): EmployerShare[] {
  if ((stoppage.subrogations ?? []).length === 0) return [];
  const entitlement = entitlementFor(stateEntitlements(rules, state, through), stoppage.stoppageId);
  // Without parameters nothing was computed, and regularize refused before any payment was ordered.
  return employerShares(stoppage, entitlement.status === 'NO_PARAMETERS_FOR_DATE' ? [] : entitlement.days);
}

function offsetsFrom(state: PolicyholderState, data: StoppageRegularized['data'], paymentId: string, available: Money, rules: RulesVersion): OverpaymentOffset[] {
  const offsets: OverpaymentOffset[] = [];
  let rest = available;
  for (const overpayment of outstandingOverpayments(state, data.regularizedOn, rules, data.stoppageId).recoverable) {
    const amount = min(rest, Money.fromCents(overpayment.outstandingCents));
    if (!amount.isPositive()) break;
    rest = rest.minus(amount);
    offsets.push({
      type: 'OverpaymentOffset',
      schemaVersion: 1,
      data: {
        offsetId: `${paymentId}O${offsets.length + 1}`,
        overpaymentStoppageId: overpayment.stoppageId,
        overpaymentRegularizationId: overpayment.regularizationId,
        paymentId,
        paymentStoppageId: data.stoppageId,
        amountCents: amount.toCents(),
        offsetOn: data.regularizedOn,
      },
    });
  }
  return offsets;
}

function paymentOrdered(
  data: StoppageRegularized['data'],
  paymentId: string,
  payee: 'POLICYHOLDER' | 'EMPLOYER',
  gross: Money,
  offset: Money,
  rules: RulesVersion,
  account: BankAccount | undefined,
  employerId?: string,
): PaymentOrdered {
  const transferred = gross.minus(offset);
  return {
    type: 'PaymentOrdered',
    schemaVersion: 1,
    data: {
      paymentId,
      stoppageId: data.stoppageId,
      regularizationId: data.regularizationId,
      payee,
      ...(employerId === undefined ? {} : { employerId }),
      ...(account === undefined ? {} : { creditorAccount: account }),
      grossCents: gross.toCents(),
      offsetCents: offset.toCents(),
      transferredGrossCents: transferred.toCents(),
      ...withholdingsOn(transferred, data.regularizedOn, rules),
      orderedOn: data.regularizedOn,
    },
  };
}

