import { chainRootIdsOf, UnknownStoppage, type ChainMembership, type MonthlySalary, type RulesVersion, type StoppageKind } from '@ij/rules';
import { StoppageNotFound } from '../errors/stoppage-errors';
import type { PolicyholderState, StoppageState } from './policyholder-state';

export function requireStoppage(state: PolicyholderState, stoppageId: string): StoppageState {
  const stoppage = state.stoppages.get(stoppageId);
  if (!stoppage) throw new StoppageNotFound(stoppageId);
  return stoppage;
}

/** The last day that can be due: the early end if there was one, else the prescribed end. */
export function effectiveEndDate(stoppage: Pick<StoppageState, 'endDate' | 'lastDay'>): string {
  return stoppage.lastDay ?? stoppage.endDate;
}

/** The latest day a regularization of this stoppage settled through, if any was recorded. */
export function settledThrough(stoppage: Pick<StoppageState, 'regularizations'>): string | undefined {
  let latest: string | undefined;
  for (const regularization of stoppage.regularizations) if (latest === undefined || regularization.through > latest) latest = regularization.through;
  return latest;
}

/**
 * The settled day a regularization through `through` would move back, or undefined when it would not. Both
 * dates are read within the stoppage's current last day: settled through 06-15 then ended early on 06-10,
 * through 06-10 settles the same period (not backwards); through 06-09 would.
 */
export function settlementMovedBackBy(stoppage: Pick<StoppageState, 'regularizations' | 'endDate' | 'lastDay'>, through: string): string | undefined {
  const settled = settledThrough(stoppage);
  if (settled === undefined) return undefined;
  const lastDay = effectiveEndDate(stoppage);
  const within = (date: string) => (date < lastDay ? date : lastDay);
  return within(through) < within(settled) ? settled : undefined;
}

/**
 * The first stoppage of a prolongation chain. Its start date chooses the parameter row and its salaries
 * are reused (ij-rules §4, decision "extensions keep the first stoppage's identity"). Which links make a
 * chain is the rules version's to say (the prolongation gap, which kinds chain: 2026.3 differs from 2026.2),
 * so the ledger asks the active version, and uses the certificate and parameter row that version will use.
 * Without a version: the default one's rule (the facts handed to any version, see toPolicyholderFacts).
 */
export function chainRoot(state: PolicyholderState, stoppage: StoppageState, rules?: RulesVersion): StoppageState {
  return state.stoppages.get(chainOf(state, stoppage, rules).rootId) ?? stoppage;
}

/** A stoppage's chain under a version: its root, the kind that computes it, whose certificate it uses. */
export function chainOf(state: PolicyholderState, stoppage: StoppageState, rules?: RulesVersion): ChainMembership {
  const chain = chains(state, rules).get(stoppage.stoppageId);
  if (chain === undefined) throw new UnknownStoppage(stoppage.stoppageId);
  return chain;
}

/**
 * The chain of every stoppage, resolved once per state and version. A state is never changed in place:
 * evolve builds a new stoppages Map for every change, so the Map identifies the facts the chains were resolved from.
 */
const chainsByStoppages = new WeakMap<ReadonlyMap<string, StoppageState>, Map<RulesVersion | 'default', ReadonlyMap<string, ChainMembership>>>();

function chains(state: PolicyholderState, rules: RulesVersion | undefined): ReadonlyMap<string, ChainMembership> {
  let byVersion = chainsByStoppages.get(state.stoppages);
  if (!byVersion) {
    byVersion = new Map();
    chainsByStoppages.set(state.stoppages, byVersion);
  }
  const key = rules ?? 'default';
  let resolved = byVersion.get(key);
  if (!resolved) {
    // The dates, the links, the kinds and which certificates exist decide the chains: no need to copy the salaries.
    const stoppages = [...state.stoppages.values()].map(({ stoppageId, kind, startDate, endDate, lastDay, prolongationOf, salaries }) => ({ stoppageId, kind, startDate, endDate, lastDay, prolongationOf, salaries: salaries as MonthlySalary[] | undefined }));
    const facts = { stoppages };
    const memberships = rules ? rules.chainsOf(facts) : chainRootIdsOf(facts).map((rootId, index) => ({ rootId, calculationKind: stoppages[index].kind, certificateOf: '' }));
    resolved = new Map(stoppages.map((stoppage, index) => [stoppage.stoppageId, memberships[index]]));
    byVersion.set(key, resolved);
  }
  return resolved;
}

export function chainStartDate(state: PolicyholderState, stoppage: StoppageState, rules?: RulesVersion): string {
  return chainRoot(state, stoppage, rules).startDate;
}

/** The kind whose reference months and maximum apply: a therapeutic part-time continuing a full-time chain takes the chain's (2026.3). */
export function calculationKind(state: PolicyholderState, stoppage: StoppageState, rules: RulesVersion): StoppageKind {
  return chainOf(state, stoppage, rules).calculationKind;
}

/** The salaries that compute this stoppage under the version: its own certificate or its chain root's, as the version chooses. */
export function referenceSalaries(state: PolicyholderState, stoppage: StoppageState, rules: RulesVersion): readonly MonthlySalary[] | undefined {
  const holder = state.stoppages.get(chainOf(state, stoppage, rules).certificateOf);
  return (holder ?? stoppage).salaries;
}
