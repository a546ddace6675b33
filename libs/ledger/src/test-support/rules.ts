import { CURRENT_RULES_VERSION, getRulesVersion, toEntitlementCents, type RulesVersion, type StoppageEntitlement } from '@ij/rules';
import type { DecisionContext } from '../decisions/decision-context';
import { TODAY } from './fixtures';

/** The real, current rules: the ledger's tests check amounts against the published figures. */
export function currentRules(): RulesVersion {
  const rules = getRulesVersion(CURRENT_RULES_VERSION);
  if (!rules) throw new Error(`Rules version ${CURRENT_RULES_VERSION} is not released`);
  return rules;
}

export function decisionContext(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { rules: currentRules(), today: TODAY, ...overrides };
}

type Calculations = Pick<RulesVersion, 'computeEntitlements' | 'computeEntitlementCents' | 'requiredSalaryMonths' | 'maximumDailyAllowanceCents'>;

/** The current rules with some calculations replaced: for what the real parameters cannot produce. */
export function rulesWith(overrides: Partial<Calculations>): RulesVersion {
  const rules = currentRules();
  const computeEntitlements = overrides.computeEntitlements ?? ((facts, through) => rules.computeEntitlements(facts, through));
  return {
    version: rules.version,
    releasedOn: rules.releasedOn,
    notes: rules.notes,
    computeEntitlements,
    // The fast path answers what the (possibly replaced) full path answers, as the released versions do.
    computeEntitlementCents: overrides.computeEntitlements
      ? (facts, through) => computeEntitlements(facts, through).map(toEntitlementCents)
      : (facts, through) => rules.computeEntitlementCents(facts, through),
    requiredSalaryMonths: (kind, chainStartDate) => rules.requiredSalaryMonths(kind, chainStartDate),
    maximumDailyAllowanceCents: (kind, chainStartDate) => rules.maximumDailyAllowanceCents(kind, chainStartDate),
    chainsOf: (facts) => rules.chainsOf(facts),
    socialContributionsOn: (paidOn) => rules.socialContributionsOn(paidOn),
    recoveryLimitationYearsOn: (date) => rules.recoveryLimitationYearsOn(date),
    ...overrides,
  };
}

/** The current rules, except that the rules engine answers `entitlement` for every stoppage. */
export function rulesAnswering(entitlement: (stoppageId: string) => StoppageEntitlement): RulesVersion {
  return rulesWith({ computeEntitlements: (facts) => facts.stoppages.map((stoppage) => entitlement(stoppage.stoppageId)) });
}

/** The current rules without any parameter row: every maximum is unknown. */
export function rulesWithoutParameters(): RulesVersion {
  return rulesWith({ maximumDailyAllowanceCents: () => undefined });
}

/** A computed entitlement carrying only the amount, for settling against figures the test chooses. */
export function computedEntitlement(stoppageId: string, entitlementCents: number): StoppageEntitlement {
  return {
    status: 'COMPUTED',
    stoppageId,
    kind: 'SICKNESS',
    rulesVersion: currentRules().version,
    through: '2025-06-30',
    dailyBaseCents: 0,
    phases: [],
    days: [],
    payableDays: 0,
    entitlementCents,
    netEntitlementCents: 0,
    steps: [],
  };
}
