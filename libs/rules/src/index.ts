export * from './rules.types';
export { RULES_VERSIONS, CURRENT_RULES_VERSION, getRulesVersion } from './versions/registry';
export { RULES_2026_1 } from './versions/v2026-1';
export { RULES_2026_2 } from './versions/v2026-2';
export type { ReleasedRulesVersion } from './versions/release-rules-version';
export type { RulesBehaviour } from './versions/rules-behaviour';
export { chainRootOf, chainRootIdsOf, UnknownStoppage } from './chain-root';
export { PARAMETERS_2026, type RulesParameters, type Parameter, type ParameterValue, type ParameterName } from './parameters';
export { toEntitlementCents } from './compute-entitlements';
