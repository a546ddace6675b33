import { definedOnly } from '../events/ledger-event';
import type { LateFactEvent } from '../events/late-fact-events';
import type { PolicyholderState, StoppageState } from './policyholder-state';

type Update = (state: PolicyholderState, stoppageId: string, change: (stoppage: StoppageState) => StoppageState) => PolicyholderState;

/** Requalification and annulment (ij-rules §4, late facts). */
export function evolveLateFact(state: PolicyholderState, event: LateFactEvent, update: Update): PolicyholderState {
  switch (event.type) {
    case 'StoppageRequalified': {
      const { stoppageIds, kind, accidentDate } = event.data;
      return stoppageIds.reduce(
        (current, stoppageId) =>
          update(current, stoppageId, (stoppage) => {
            const { accidentDate: _previous, ...rest } = stoppage;
            return {
              ...(definedOnly({ ...rest, accidentDate }) as StoppageState),
              kind,
              requalifications: [...(stoppage.requalifications ?? []), event.data],
            };
          }),
        state,
      );
    }
    case 'StoppageAnnulled':
      return update(state, event.data.stoppageId, (stoppage) => ({ ...stoppage, annulled: event.data }));
  }
}

/** Open for settlement again: a late fact changed what is due through its end. */
export function reopened(stoppage: StoppageState): StoppageState {
  if (stoppage.status === 'open') return stoppage;
  const { closedByRegularizationId: _closedBy, ...rest } = stoppage;
  return { ...rest, status: 'open' };
}
