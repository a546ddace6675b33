import type { ExtendStoppage } from '../commands/commands';
import { ProlongationOverlaps } from '../errors/prolongation-errors';
import { ExtensionNotLater, StoppageClosed, StoppageEndedEarlyError } from '../errors/stoppage-errors';
import { definedOnly } from '../events/ledger-event';
import type { StoppageExtended } from '../events/policyholder-events';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { chainStartDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';
import { requireNoOverlap, requireWithinLongestPeriod } from './guards';

export function extendStoppage(command: ExtendStoppage, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): StoppageExtended[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  if (stoppage.status === 'closed') throw new StoppageClosed(stoppage.stoppageId);
  // A return to work ended it; a new prescription after that is a new stoppage.
  if (stoppage.lastDay !== undefined) throw new StoppageEndedEarlyError(stoppage.stoppageId, stoppage.lastDay);
  if (command.newEndDate <= stoppage.endDate) {
    throw new ExtensionNotLater(stoppage.stoppageId, stoppage.endDate, command.newEndDate);
  }
  requireWithinLongestPeriod(stoppage.stoppageId, chainStartDate(state, stoppage), command.newEndDate);
  requireNoOverlapWithProlongation(state, stoppage, command.newEndDate);
  requireNoOverlap(state, stoppage.stoppageId, stoppage.startDate, command.newEndDate);
  return [
    {
      type: 'StoppageExtended',
      schemaVersion: 1,
      data: definedOnly({
        stoppageId: stoppage.stoppageId,
        previousEndDate: stoppage.endDate,
        newEndDate: command.newEndDate,
        prescribedOn: command.prescribedOn,
        extendedOn: context.today,
      }),
    },
  ];
}

/** Extending into a stoppage that already prolongs this one would prescribe the same days twice. */
function requireNoOverlapWithProlongation(state: PolicyholderState, stoppage: StoppageState, newEndDate: string): void {
  for (const other of state.stoppages.values()) {
    if (other.prolongationOf === stoppage.stoppageId && other.startDate <= newEndDate) {
      throw new ProlongationOverlaps(other.stoppageId, other.startDate, stoppage.stoppageId, newEndDate);
    }
  }
}
