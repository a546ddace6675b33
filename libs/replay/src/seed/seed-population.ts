import { performance } from 'node:perf_hooks';
import { SqliteEventStore, WrongExpectedRevision, type EventStore } from '@ij/event-store';
import { decideRules, foldRulesEvents, RULES_STREAM, upcast, type RulesVersionActivated } from '@ij/ledger';
import { getRulesVersion, RULES_VERSIONS, STOPPAGE_KINDS, type RulesVersion, type StoppageKind } from '@ij/rules';
import { activationRequest } from './api-requests';
import { straddlesCapChange } from './chain-shapes';
import { envelopes } from './envelopes';
import { decidePolicyholderHistory, emptyTally, type HistoryTally, type StreamAppend } from './policyholder-history';
import { planPolicyholder } from './policyholder-plan';
import { scenarioNamed, type Scenario, type ScenarioName } from './scenario';
import { SEED_ID_ROLES, seedId } from './seed-ids';
import type { SeedProgress, SeedSummary } from './seed-summary';

export interface SeedOptions {
  store: EventStore;
  /** The API's derivation (HMAC of the NIR), so that its NIR search finds the seeded people. */
  policyholderIds: { fromNir(nir: string): string };
  policyholders: number;
  seed: number;
  scenario: ScenarioName;
  onProgress?: (progress: SeedProgress) => void;
  /** Policyholders decided, then appended concurrently (one group commit), per round. */
  windowSize?: number;
}

/** Large enough for group commit to write a round in a few transactions, small enough to keep memory flat. */
export const DEFAULT_WINDOW_SIZE = 500;
const SUPERVISOR = 'arpege-supervisor';

/**
 * Seeds a deterministic synthetic population: the same (scenario, policyholders, seed) and the same
 * policyholder-id secret give the same events byte for byte. Every event comes from the domain's decide()
 * on the scenario's business date, under the rules version the scenario activates first.
 */
export async function seedPopulation(options: SeedOptions): Promise<SeedSummary> {
  const startedAt = performance.now();
  const scenario = scenarioNamed(options.scenario);
  const rules = requireRules(scenario.rulesVersion);
  const windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
  const totals = { ...emptyTally(), events: 0, prolongations: 0, straddling: 0 };
  totals.events += await activateScenarioRules(options.store, scenario, options.seed);

  for (let first = 0; first < options.policyholders; first += windowSize) {
    const last = Math.min(first + windowSize, options.policyholders);
    const appends: StreamAppend[] = [];
    for (let index = first; index < last; index++) {
      const plan = planPolicyholder(index, options.seed, scenario, rules);
      const history = decidePolicyholderHistory(plan, {
        policyholderId: options.policyholderIds.fromNir(plan.nir),
        rules,
        keyPrefix: `${scenario.name}-${options.seed}`,
        scenarioCode: scenario.code,
        seed: options.seed,
      });
      appends.push(...history.appends);
      addTally(totals, history.tally);
      totals.prolongations += plan.chains.reduce((sum, chain) => sum + chain.stoppages.length - 1, 0);
      totals.straddling += plan.chains.filter(straddlesCapChange).length;
    }
    totals.events += await appendAll(options.store, appends);
    options.onProgress?.({ done: last, total: options.policyholders });
  }

  return {
    scenario: scenario.name,
    seed: options.seed,
    rulesVersion: scenario.rulesVersion,
    policyholders: options.policyholders,
    stoppages: totals.stoppages,
    events: totals.events,
    byKind: Object.fromEntries(STOPPAGE_KINDS.map((kind) => [kind, totals.byKind[kind] ?? 0])) as Record<StoppageKind, number>,
    advances: totals.advances,
    regularizations: totals.regularizations,
    certificates: totals.certificates,
    extensions: totals.extensions,
    prolongations: totals.prolongations,
    earlyEnds: totals.earlyEnds,
    recoveries: totals.recoveries,
    requalifications: totals.requalifications,
    annulments: totals.annulments,
    straddling: totals.straddling,
    advancesNotRegularized: totals.advancesNotRegularized,
    elapsedMs: performance.now() - startedAt,
  };
}

/**
 * The pilot's historical state: its rules version was active from the first day. Appending to a store where
 * another version is active would decide the population under a version the store does not have active.
 */
async function activateScenarioRules(store: EventStore, scenario: Scenario, seed: number): Promise<number> {
  const history = await store.readStream(RULES_STREAM);
  const state = foldRulesEvents(history.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as RulesVersionActivated));
  if (state.active !== null && state.active !== scenario.rulesVersion) {
    throw new Error(`seed: rules version ${state.active} is active in this store; the ${scenario.name} scenario is decided under ${scenario.rulesVersion}`);
  }
  const command = { type: 'ActivateRulesVersion' as const, version: scenario.rulesVersion };
  const drafts = decideRules(command, state, RULES_VERSIONS.map((released) => released.version), scenario.activatedOn);
  if (drafts.length === 0) return 0;
  const idempotencyKey = `${scenario.name}-${seed}-rules`;
  const events = envelopes(RULES_STREAM, drafts, {
    actorId: SUPERVISOR,
    idempotencyKey,
    correlationId: seedId(SEED_ID_ROLES.rules, scenario.code, seed, 0),
    causationId: seedId(SEED_ID_ROLES.rules, scenario.code, seed, 1),
    recordedAt: `${scenario.activatedOn}T08:00:00.000Z`,
    request: activationRequest(scenario.rulesVersion),
  });
  const result = await store.append(RULES_STREAM, events, { expectedRevision: history.at(-1)?.revision ?? 'no_stream' });
  return result.duplicate ? 0 : events.length;
}

/**
 * Submitted all at once, in a fixed order, so that group commit writes them in few transactions and the
 * global order of the log is the same on every run. A seed repeated on the same store appends nothing.
 */
async function appendAll(store: EventStore, appends: StreamAppend[]): Promise<number> {
  // On SQLite, the window's new streams in one transaction: the rows append would write, without a queued
  // append, an id lookup and a head lookup per stream.
  const appended =
    store instanceof SqliteEventStore
      ? store.appendNewStreams(appends)
      : Promise.all(appends.map(({ streamId, events }) => store.append(streamId, events, { expectedRevision: 'no_stream' })));
  const results = await appended.catch((error: unknown) => {
    if (!(error instanceof WrongExpectedRevision)) throw error;
    throw new Error(`seed: ${error.streamId} already exists with other events: this store holds another population with the same people; seed it with another --seed`, { cause: error });
  });
  return results.reduce((sum, result, index) => sum + (result.duplicate ? 0 : appends[index].events.length), 0);
}

function addTally(totals: HistoryTally, tally: HistoryTally): void {
  totals.stoppages += tally.stoppages;
  totals.advances += tally.advances;
  totals.regularizations += tally.regularizations;
  totals.certificates += tally.certificates;
  totals.extensions += tally.extensions;
  totals.earlyEnds += tally.earlyEnds;
  totals.recoveries += tally.recoveries;
  totals.requalifications += tally.requalifications;
  totals.annulments += tally.annulments;
  totals.advancesNotRegularized += tally.advancesNotRegularized;
  for (const [kind, count] of Object.entries(tally.byKind) as [StoppageKind, number][]) totals.byKind[kind] = (totals.byKind[kind] ?? 0) + count;
}

function requireRules(version: string): RulesVersion {
  const rules = getRulesVersion(version);
  if (!rules) throw new Error(`seed: rules version ${version} is not released in this build`);
  return rules;
}

