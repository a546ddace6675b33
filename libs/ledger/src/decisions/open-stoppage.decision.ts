import type { StoppageKind } from '@ij/rules';
import type { OpenStoppage } from '../commands/commands';
import { ProlongationKindMismatch, ProlongationOfUnknownStoppage, ProlongationOverlaps } from '../errors/prolongation-errors';
import { StoppageAlreadyExists, StoppageEndsBeforeStart } from '../errors/stoppage-errors';
import { definedOnly } from '../events/ledger-event';
import type { StoppageOpened } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { evolve } from '../state/evolve';
import { calculationKind, chainStartDate, effectiveEndDate, requireStoppage } from '../state/stoppage-queries';
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
  const opened: StoppageOpened = { type: 'StoppageOpened', schemaVersion: 2, data: definedOnly({ ...facts, openedOn: context.today }) };
  const stateOnceOpened = evolve(state, opened);
  const stoppage = requireStoppage(stateOnceOpened, opened.data.stoppageId);
  // The chain start and kind as the active rules version will see them once this stoppage is opened.
  const chainStart = chainStartDate(stateOnceOpened, stoppage, context.rules);
  requireWithinLongestPeriod(command.stoppageId, chainStart, command.endDate);
  requireMaximumDailyAllowance(context.rules, command.stoppageId, calculationKind(stateOnceOpened, stoppage, context.rules), chainStart);
  return [opened];
}

const FULL_TIME_KINDS: ReadonlySet<StoppageKind> = new Set(['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE']);

/**
 * A prolongation continues a stoppage of the same kind, after it; or it is a therapeutic part-time after a
 * sickness or occupational stoppage (ij-rules §3: it continues that chain from rules 2026.3; older versions
 * compute it as a chain of its own, as they computed the part-time the ledger made them open on its own).
 */
function requireProlongable(command: OpenStoppage, prolongationOf: string, state: PolicyholderState): void {
  const previous = state.stoppages.get(prolongationOf);
  if (!previous) throw new ProlongationOfUnknownStoppage(command.stoppageId, prolongationOf);
  const partTimeAfterFullTime = command.kind === 'THERAPEUTIC_PART_TIME' && FULL_TIME_KINDS.has(previous.kind);
  if (previous.kind !== command.kind && !partTimeAfterFullTime) {
    throw new ProlongationKindMismatch(command.stoppageId, command.kind, previous.stoppageId, previous.kind);
  }
  if (command.startDate <= effectiveEndDate(previous)) {
    throw new ProlongationOverlaps(command.stoppageId, command.startDate, previous.stoppageId, effectiveEndDate(previous));
  }
}
