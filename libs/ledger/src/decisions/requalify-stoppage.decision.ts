import type { StoppageKind } from '@ij/rules';
import type { RequalifyStoppage } from '../commands/commands';
import { RequalificationNotApplicable } from '../errors/late-fact-errors';
import { definedOnly } from '../events/ledger-event';
import type { StoppageRequalified } from '../events/late-fact-events';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';

const REQUALIFIABLE: readonly StoppageKind[] = ['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE'];

/**
 * A sickness stoppage recognised as occupational, or the reverse (ij-rules §4, late facts). Accepted on a
 * settled stoppage: the next regularization settles the difference. Every stoppage linked to it by
 * prolongation that has its kind follows, so that the chain is recomputed from its start under the new kind.
 */
export function requalifyStoppage(command: RequalifyStoppage, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): StoppageRequalified[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  if (!REQUALIFIABLE.includes(stoppage.kind) || !REQUALIFIABLE.includes(command.kind) || stoppage.kind === command.kind) {
    throw new RequalificationNotApplicable(stoppage.stoppageId, stoppage.kind, command.kind);
  }
  if (command.accidentDate !== undefined && command.kind !== 'OCCUPATIONAL_ACCIDENT') {
    // The API refuses it with a 400; reaching the domain is a bug.
    throw new RangeError(`accidentDate is for an occupational accident only, not ${command.kind}`);
  }
  return [
    {
      type: 'StoppageRequalified',
      schemaVersion: 1,
      data: definedOnly({
        stoppageId: stoppage.stoppageId,
        stoppageIds: linkedOfKind(state, stoppage),
        previousKind: stoppage.kind,
        kind: command.kind,
        accidentDate: command.accidentDate,
        previousAccidentDate: stoppage.accidentDate,
        recognizedOn: command.recognizedOn,
        recordedOn: context.today,
      }),
    },
  ];
}

/** The stoppage and those linked to it by `prolongationOf`, either way and transitively, of its kind; in opening order. */
function linkedOfKind(state: PolicyholderState, stoppage: StoppageState): string[] {
  const linked = new Set([stoppage.stoppageId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of state.stoppages.values()) {
      if (linked.has(other.stoppageId) || other.kind !== stoppage.kind || other.annulled) continue;
      const prolongsLinked = other.prolongationOf !== undefined && linked.has(other.prolongationOf);
      const prolongedByLinked = [...linked].some((id) => state.stoppages.get(id)?.prolongationOf === other.stoppageId);
      if (prolongsLinked || prolongedByLinked) {
        linked.add(other.stoppageId);
        grew = true;
      }
    }
  }
  return [...state.stoppages.keys()].filter((id) => linked.has(id));
}
