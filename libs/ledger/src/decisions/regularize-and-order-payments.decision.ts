import type { Regularize } from '../commands/commands';
import type { PolicyholderEvent } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import type { DecisionContext } from './decision-context';
import { orderPayments } from './order-payments';
import { regularize } from './regularize.decision';
import { paymentTransfer } from '../payees/transfers';

/**
 * Regularize settles the stoppage (StoppageRegularized, whose meaning is unchanged), then orders the
 * payment to its payees and deducts outstanding overpayments (PaymentOrdered, OverpaymentOffset), and
 * orders the transfer of each payment that moves money (TransferOrdered), all in one append.
 * The payments are decided on the state before the regularization; the regularization itself already
 * cancelled this stoppage's own outstanding overpayment, so only the other stoppages' are deducted.
 */
export function regularizeAndOrderPayments(command: Regularize, state: PolicyholderState, context: DecisionContext): PolicyholderEvent[] {
  const [regularized] = regularize(command, state, context);
  const orders = orderPayments(regularized, state, context.rules);
  const transfers = orders.flatMap((event) => (event.type === 'PaymentOrdered' ? [paymentTransfer(event)].filter((transfer) => transfer !== undefined) : []));
  return [regularized, ...orders, ...transfers];
}
