import type { EndStoppageEarly } from '../commands/commands';
import { EarlyEndOutsideStoppage } from '../errors/stoppage-errors';
import type { StoppageEndedEarly } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { effectiveEndDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';

/**
 * What was paid for the days after the new last day becomes an overpayment at the next regularization
 * (ij-rules §4). Accepted after the stoppage was settled through its end: it reopens it for settlement.
 */
export function endStoppageEarly(
  command: EndStoppageEarly,
  state: PolicyholderState,
  context: Pick<DecisionContext, 'today'>,
): StoppageEndedEarly[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  const currentEndDate = effectiveEndDate(stoppage);
  if (command.lastDay < stoppage.startDate || command.lastDay >= currentEndDate) {
    throw new EarlyEndOutsideStoppage(stoppage.stoppageId, command.lastDay, stoppage.startDate, currentEndDate);
  }
  return [
    {
      type: 'StoppageEndedEarly',
      schemaVersion: 1,
      data: { stoppageId: stoppage.stoppageId, lastDay: command.lastDay, previousEndDate: currentEndDate, recordedOn: context.today },
    },
  ];
}
