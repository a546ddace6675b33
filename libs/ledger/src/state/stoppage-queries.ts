import { chainRootIdsOf, UnknownStoppage, type MonthlySalary } from '@ij/rules';
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
 * chain is the rules engine's to say (a prolongation starting more than 2 days later starts its own),
 * so the ledger asks for the certificate and the parameter row the engine will use.
 */
export function chainRoot(state: PolicyholderState, stoppage: StoppageState): StoppageState {
  const rootId = chainRootIds(state).get(stoppage.stoppageId);
  if (rootId === undefined) throw new UnknownStoppage(stoppage.stoppageId);
  return state.stoppages.get(rootId) ?? stoppage;
}

/**
 * The chain root of every stoppage, resolved once per state. A state is never changed in place: evolve
 * builds a new stoppages Map for every change, so the Map identifies the facts the roots were resolved from.
 */
const rootIdsByStoppages = new WeakMap<ReadonlyMap<string, StoppageState>, ReadonlyMap<string, string>>();

function chainRootIds(state: PolicyholderState): ReadonlyMap<string, string> {
  let rootIds = rootIdsByStoppages.get(state.stoppages);
  if (!rootIds) {
    // Only the dates and the links decide the chains: no need to copy certificates for that.
    const stoppages = [...state.stoppages.values()].map(({ stoppageId, kind, startDate, endDate, lastDay, prolongationOf }) => ({ stoppageId, kind, startDate, endDate, lastDay, prolongationOf }));
    const roots = chainRootIdsOf({ stoppages });
    rootIds = new Map(stoppages.map((stoppage, index) => [stoppage.stoppageId, roots[index]]));
    rootIdsByStoppages.set(state.stoppages, rootIds);
  }
  return rootIds;
}

export function chainStartDate(state: PolicyholderState, stoppage: StoppageState): string {
  return chainRoot(state, stoppage).startDate;
}

/** The salaries that compute this stoppage: its own certificate, else its chain root's. */
export function referenceSalaries(state: PolicyholderState, stoppage: StoppageState): readonly MonthlySalary[] | undefined {
  return stoppage.salaries ?? chainRoot(state, stoppage).salaries;
}
