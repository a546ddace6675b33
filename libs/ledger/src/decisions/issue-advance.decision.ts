import { Money } from '@ij/money';
import type { IssueAdvance } from '../commands/commands';
import { paymentTotals } from '../accounts/payment-totals';
import { daysInclusive, earlierOf } from '../dates';
import { AdvanceExceedsMaximum } from '../errors/payment-errors';
import { StoppageClosed } from '../errors/stoppage-errors';
import type { AdvanceIssued } from '../events/policyholder-events';
import type { TransferOrdered } from '../events/transfer-events';
import { advanceTransfer } from '../payees/transfers';
import type { PolicyholderState } from '../state/policyholder-state';
import { calculationKind, chainStartDate, effectiveEndDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';
import { assertPositiveCents, requireMaximumDailyAllowance } from './guards';

/**
 * Advances are allowed before the salary certificate: that is their purpose. They are bounded by what
 * could be due so far: the published maximum daily IJ for every prescribed day elapsed through the
 * command's date (up to an early end). Not through the end date: an end typed years ahead must not let
 * years of advances through (issue 21).
 */
export function issueAdvance(command: IssueAdvance, state: PolicyholderState, context: DecisionContext): Array<AdvanceIssued | TransferOrdered> {
  const stoppage = requireStoppage(state, command.stoppageId);
  if (stoppage.status === 'closed') throw new StoppageClosed(stoppage.stoppageId);
  assertPositiveCents(command.amountCents, 'amountCents');
  const maximumDaily = requireMaximumDailyAllowance(context.rules, stoppage.stoppageId, calculationKind(state, stoppage, context.rules), chainStartDate(state, stoppage, context.rules));
  const countedThrough = earlierOf(effectiveEndDate(stoppage), context.today);
  const prescribedDays = daysInclusive(stoppage.startDate, countedThrough);
  const maximum = maximumDaily.times(prescribedDays, 'truncate');
  const paid = paymentTotals(stoppage).paid;
  if (paid.plus(Money.fromCents(command.amountCents)).compare(maximum) > 0) {
    throw new AdvanceExceedsMaximum(
      stoppage.stoppageId,
      command.amountCents,
      paid.toCents(),
      maximum.toCents(),
      maximumDaily.toCents(),
      prescribedDays,
      countedThrough,
    );
  }
  const issued: AdvanceIssued = {
    type: 'AdvanceIssued',
    schemaVersion: 1,
    data: {
      stoppageId: stoppage.stoppageId,
      advanceId: command.advanceId,
      amountCents: command.amountCents,
      reason: command.reason,
      issuedOn: context.today,
    },
  };
  // The advance's amount is gross: its transfer is net of CSG and CRDS (ij-rules §5).
  return [issued, advanceTransfer(issued, context.rules)];
}
