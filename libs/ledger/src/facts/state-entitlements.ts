import type { RulesVersion, StoppageEntitlement, StoppageEntitlementCents } from '@ij/rules';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { toPolicyholderFacts } from './to-policyholder-facts';

/**
 * The rules engine's answers for every stoppage of the state, in opening order. An annulled stoppage
 * (entered in error) is not a fact for the rules engine, so it counts for no carence or limit of the
 * others, and nothing is due for it: its entitlement is computed as 0 with no payable day.
 */
export function stateEntitlementCents(rules: RulesVersion, state: PolicyholderState, through: string): StoppageEntitlementCents[] {
  return withAnnulled(state, rules.computeEntitlementCents(toPolicyholderFacts(state), through), (stoppage) => annulledCents(stoppage, rules, through));
}

export function stateEntitlements(rules: RulesVersion, state: PolicyholderState, through: string): StoppageEntitlement[] {
  return withAnnulled(state, rules.computeEntitlements(toPolicyholderFacts(state), through), (stoppage) => annulledEntitlement(stoppage, rules, through));
}

/** Puts the annulled stoppages back, in their opening place, among the answers for the others. */
export function withAnnulled<T>(state: PolicyholderState, live: readonly T[], annulled: (stoppage: StoppageState) => T): T[] {
  const answers: T[] = [];
  let next = 0;
  for (const stoppage of state.stoppages.values()) answers.push(stoppage.annulled ? annulled(stoppage) : live[next++]);
  return answers;
}

export function annulledCents(stoppage: StoppageState, rules: RulesVersion, through: string): StoppageEntitlementCents {
  return { status: 'COMPUTED', stoppageId: stoppage.stoppageId, kind: stoppage.kind, rulesVersion: rules.version, through, dailyBaseCents: 0, payableDays: 0, entitlementCents: 0, netEntitlementCents: 0 };
}

export function annulledEntitlement(stoppage: StoppageState, rules: RulesVersion, through: string): StoppageEntitlement {
  return {
    ...annulledCents(stoppage, rules, through),
    status: 'COMPUTED',
    phases: [],
    days: [],
    steps: [{ label: `Annulled on ${stoppage.annulled?.annulledOn}: entered in error, nothing is due`, value: '0.00', legalRef: 'ij-rules §4 (late facts)' }],
  } as StoppageEntitlement;
}
