import type { RulesVersionDefinition } from '../rules-version-definition';
import type { ChainMembership, PolicyholderFacts } from '../rules.types';
import { calculationKindOf, resolveChains } from './chains';
import { prepareStoppages } from './prepared-stoppage';

/** The chain of every stoppage under a version's chain rule (gap, kinds), in input order. */
export function chainsOf(definition: RulesVersionDefinition, facts: PolicyholderFacts): ChainMembership[] {
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, definition.parameters, definition.behaviour);
  return links.map((link, index) => {
    const root = facts.stoppages[link.rootIndex];
    return { rootId: root.stoppageId, calculationKind: calculationKindOf(facts.stoppages[index].kind, root.kind) };
  });
}

