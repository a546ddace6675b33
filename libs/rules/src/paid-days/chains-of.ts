import type { RulesVersionDefinition } from '../rules-version-definition';
import type { ChainMembership, PolicyholderFacts } from '../rules.types';
import { certificateHolderOf } from '../certificate-of';
import { sharedRequiredSalaryMonths } from '../salary-months';
import { calculationKindOf, resolveChains } from './chains';
import { prepareStoppages } from './prepared-stoppage';

/** The chain of every stoppage under a version's chain rule (gap, kinds), in input order. */
export function chainsOf(definition: RulesVersionDefinition, facts: PolicyholderFacts): ChainMembership[] {
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, definition.parameters, definition.behaviour);
  return links.map((link, index) => {
    const root = stoppages[link.rootIndex];
    const calculationKind = calculationKindOf(facts.stoppages[index].kind, root.facts.kind);
    const requiredMonths = sharedRequiredSalaryMonths(definition.parameters, calculationKind, root.facts.startDate);
    const holder = certificateHolderOf(definition.behaviour, stoppages[index], root, requiredMonths);
    return { rootId: root.facts.stoppageId, calculationKind, certificateOf: holder.facts.stoppageId };
  });
}

