import type { OpenStoppage } from '../commands/commands';
import { ProlongationKindMismatch, ProlongationOfUnknownStoppage, ProlongationOverlaps } from '../errors/prolongation-errors';
import { StoppageAlreadyExists, StoppageEndsBeforeStart } from '../errors/stoppage-errors';
import { definedOnly } from '../events/ledger-event';
import type { StoppageOpened } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { evolve } from '../state/evolve';
import { chainStartDate, effectiveEndDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';
import { requireMaximumDailyAllowance, requireNoOverlap, requireWithinLongestPeriod } from './guards';

export function openStoppage(command: OpenStoppage, state: PolicyholderState, context: DecisionContext): StoppageOpened[] {
  if (state.stoppages.has(command.stoppageId)) throw new StoppageAlreadyExists(command.stoppageId);
  if (command.endDate < command.startDate) {
    throw new StoppageEndsBeforeStart(command.stoppageId, command.startDate, command.endDate);
  }
  if (command.prolongationOf !== undefined) requireProlongable(command, command.prolongationOf, state);
  requireNoOverlap(state, command.stoppageId, command.startDate, command.endDate);
  const { type: _command, ...facts } = command;
  const opened: StoppageOpened = { type: 'StoppageOpened', schemaVersion: 1, data: definedOnly({ ...facts, openedOn: context.today }) };
  const chainStart = chainStartDateOnceOpened(state, opened);
  requireWithinLongestPeriod(command.stoppageId, chainStart, command.endDate);
  requireMaximumDailyAllowance(context.rules, command.stoppageId, command.kind, chainStart);
  return [opened];
}

/** The chain start as the rules engine will see it once this stoppage is opened. */
function chainStartDateOnceOpened(state: PolicyholderState, opened: StoppageOpened): string {
  const stateOnceOpened = evolve(state, opened);
  return chainStartDate(stateOnceOpened, requireStoppage(stateOnceOpened, opened.data.stoppageId));
}

/** A prolongation continues a stoppage of the same kind, after it. */
function requireProlongable(command: OpenStoppage, prolongationOf: string, state: PolicyholderState): void {
  const previous = state.stoppages.get(prolongationOf);
  if (!previous) throw new ProlongationOfUnknownStoppage(command.stoppageId, prolongationOf);
  if (previous.kind !== command.kind) {
    throw new ProlongationKindMismatch(command.stoppageId, command.kind, previous.stoppageId, previous.kind);
  }
  if (command.startDate <= effectiveEndDate(previous)) {
    throw new ProlongationOverlaps(command.stoppageId, command.startDate, previous.stoppageId, effectiveEndDate(previous));
  }
}
