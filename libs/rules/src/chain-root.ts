import { resolveChains } from './paid-days/chains';
import { prepareStoppages } from './paid-days/prepared-stoppage';
import { PARAMETERS_2026 } from './parameters';
import type { PolicyholderFacts, StoppageFacts } from './rules.types';

export class UnknownStoppage extends Error {
  readonly code = 'unknown-stoppage';
  constructor(readonly stoppageId: string) {
    super(`No stoppage ${stoppageId} in the policyholder's facts`);
  }
}

/**
 * The first stoppage of the chain `stoppageId` belongs to: its start date and salary certificate apply
 * to the whole chain. Follows `prolongationOf` only while the link is a real continuation (gap of at most
 * 2 days, the same rule as computeEntitlements), so the ledger asks for the certificate the engine uses.
 */
export function chainRootOf(facts: PolicyholderFacts, stoppageId: string): StoppageFacts {
  const index = facts.stoppages.findIndex((stoppage) => stoppage.stoppageId === stoppageId);
  if (index < 0) throw new UnknownStoppage(stoppageId);
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, PARAMETERS_2026);
  return facts.stoppages[links[index].rootIndex];
}

/**
 * The chain root of every stoppage at once, in input order (the root's stoppageId): one pass of the same
 * rule as chainRootOf, for a caller that needs the roots of several stoppages of the same facts.
 */
export function chainRootIdsOf(facts: PolicyholderFacts): string[] {
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, PARAMETERS_2026);
  return links.map((link) => facts.stoppages[link.rootIndex].stoppageId);
}
