import type { PolicyholderFacts } from '@ij/rules';
import type { PolicyholderState } from '../state/policyholder-state';
import { referenceSalaries } from '../state/stoppage-queries';
import { ownStoppageFacts } from './stoppage-facts';

/**
 * What the rules engine needs, in opening order. Money movements are not facts for the calculation.
 * A continuation without its own certificate is given its chain root's salaries: the rules engine
 * reuses them anyway (ij-rules §4), so passing them is harmless and keeps each stoppage self-describing.
 */
export function toPolicyholderFacts(state: PolicyholderState): PolicyholderFacts {
  return {
    stoppages: [...state.stoppages.values()].map((stoppage) => {
      const facts = ownStoppageFacts(stoppage);
      const salaries = referenceSalaries(state, stoppage);
      return salaries === undefined ? facts : { ...facts, salaries: salaries.map((salary) => ({ ...salary })) };
    }),
  };
}
