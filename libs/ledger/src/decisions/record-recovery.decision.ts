import { Money } from '@ij/money';
import { paymentTotals } from '../accounts/payment-totals';
import type { RecordRecovery } from '../commands/commands';
import { RecoveryExceedsOverpayment } from '../errors/payment-errors';
import type { RecoveryRecorded } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';
import { assertPositiveCents } from './guards';

/** Only an assessed overpayment can be recovered, and only what is still outstanding. Allowed on a closed stoppage. */
export function recordRecovery(
  command: RecordRecovery,
  state: PolicyholderState,
  context: Pick<DecisionContext, 'today'>,
): RecoveryRecorded[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  assertPositiveCents(command.amountCents, 'amountCents');
  const outstanding = paymentTotals(stoppage).overpaymentOutstanding;
  if (Money.fromCents(command.amountCents).compare(outstanding) > 0) {
    throw new RecoveryExceedsOverpayment(stoppage.stoppageId, command.amountCents, outstanding.toCents());
  }
  return [
    {
      type: 'RecoveryRecorded',
      schemaVersion: 1,
      data: {
        stoppageId: stoppage.stoppageId,
        recoveryId: command.recoveryId,
        amountCents: command.amountCents,
        recordedOn: context.today,
      },
    },
  ];
}
