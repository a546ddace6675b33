import type { PolicyholderFacts } from '@ij/rules';
import type { PolicyholderState } from '../state/policyholder-state';
import { chainRoot } from '../state/stoppage-queries';
import { ownStoppageFacts } from './stoppage-facts';

/**
 * What the rules engine needs, in opening order. Money movements are not facts for the calculation.
 * A continuation without its own certificate is given its chain root's salaries: the rules engine
 * reuses them anyway (ij-rules §4), so passing them is harmless and keeps each stoppage self-describing.
 */
export function toPolicyholderFacts(state: PolicyholderState): PolicyholderFacts {
  return {
    // An annulled stoppage was entered in error: it is no fact (see state-entitlements).
    stoppages: [...state.stoppages.values()].filter((stoppage) => !stoppage.annulled).map((stoppage) => {
      const facts = ownStoppageFacts(stoppage);
      // Its own certificate is already copied by ownStoppageFacts; the chain root's is copied here.
      if (stoppage.salaries !== undefined) return facts;
      const salaries = chainRoot(state, stoppage).salaries;
      return salaries === undefined ? facts : { ...facts, salaries: salaries.map((salary) => ({ ...salary })) };
    }),
  };
}
