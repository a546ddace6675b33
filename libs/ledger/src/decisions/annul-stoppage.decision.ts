import type { AnnulStoppage } from '../commands/commands';
import { StoppageContinued } from '../errors/late-fact-errors';
import type { StoppageAnnulled } from '../events/late-fact-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';

/**
 * A stoppage entered in error (ij-rules §4, late facts): from now on nothing is due for it, and what was
 * paid for it becomes an overpayment at its next regularization. Refused while another stoppage prolongs it.
 */
export function annulStoppage(command: AnnulStoppage, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): StoppageAnnulled[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  const continuation = [...state.stoppages.values()].find((other) => other.prolongationOf === stoppage.stoppageId && !other.annulled);
  if (continuation) throw new StoppageContinued(stoppage.stoppageId, continuation.stoppageId);
  return [{ type: 'StoppageAnnulled', schemaVersion: 1, data: { stoppageId: stoppage.stoppageId, reason: command.reason, annulledOn: context.today } }];
}
