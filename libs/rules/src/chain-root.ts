import type { PolicyholderFacts, RulesVersion, StoppageFacts } from './rules.types';
import { CURRENT_RULES_VERSION, getRulesVersion } from './versions/registry';

export class UnknownStoppage extends Error {
  readonly code = 'unknown-stoppage';
  constructor(readonly stoppageId: string) {
    super(`No stoppage ${stoppageId} in the policyholder's facts`);
  }
}

function rulesOrDefault(rules: RulesVersion | undefined): RulesVersion {
  const version = rules ?? getRulesVersion(CURRENT_RULES_VERSION);
  if (!version) throw new Error(`Rules version ${CURRENT_RULES_VERSION} is not released`);
  return version;
}

/**
 * The first stoppage of the chain `stoppageId` belongs to: its start date and salary certificate apply
 * to the whole chain. Follows `prolongationOf` only while the link is a real continuation under the
 * version's rule (the same rule as its computeEntitlements; the default version when none is given),
 * so the ledger asks for the certificate the engine uses.
 */
export function chainRootOf(facts: PolicyholderFacts, stoppageId: string, rules?: RulesVersion): StoppageFacts {
  const index = facts.stoppages.findIndex((stoppage) => stoppage.stoppageId === stoppageId);
  if (index < 0) throw new UnknownStoppage(stoppageId);
  const rootId = rulesOrDefault(rules).chainsOf(facts)[index].rootId;
  return facts.stoppages.find((stoppage) => stoppage.stoppageId === rootId) ?? facts.stoppages[index];
}

/**
 * The chain root of every stoppage at once, in input order (the root's stoppageId): one pass of the same
 * rule as chainRootOf, for a caller that needs the roots of several stoppages of the same facts.
 */
export function chainRootIdsOf(facts: PolicyholderFacts, rules?: RulesVersion): string[] {
  return rulesOrDefault(rules).chainsOf(facts).map((chain) => chain.rootId);
}
