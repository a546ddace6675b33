export { seedPopulation, DEFAULT_WINDOW_SIZE, type SeedOptions } from './seed-population';
export type { SeedSummary, SeedProgress } from './seed-summary';
export { ARPEGE, BASIC, SCENARIO_NAMES, scenarioNamed, CAP_CHANGE_DATE, type Scenario, type ScenarioName } from './scenario';
export { planPolicyholder, cohortOf, type PolicyholderPlan, type Cohort } from './policyholder-plan';
export { decidePolicyholderHistory, type PolicyholderHistory, type HistoryTally, type StreamAppend } from './policyholder-history';
export { chainPeriod, straddlesCapChange } from './chain-shapes';
export type { ChainSpec, StoppageSpec, PlannedAction } from './plan.types';
export { syntheticNir } from './synthetic-nir';
export { SeededRandom } from './seeded-random';
