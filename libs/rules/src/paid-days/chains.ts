import { valueOn, type RulesParameters } from '../parameters';
import type { StoppageKind } from '../rules.types';
import type { RulesBehaviour } from '../versions/rules-behaviour';
import type { PreparedStoppage } from './prepared-stoppage';

export interface ChainLink {
  /** Input index of the chain's first stoppage (itself when it starts a chain). */
  rootIndex: number;
  /** Input index of the stoppage it continues, when it is a continuation. */
  previousIndex?: number;
}

/**
 * A stoppage continues the one it names in `prolongationOf` when it starts at most N calendar days
 * (PAID_DAYS_LIMITS.prolongationMaximumStartAfterEndDays: 2 in 2026.1 / 2026.2, 3 in 2026.3) after that
 * one's effective end (its `lastDay` after an early end), not before that one's start, and when the kinds
 * may chain (same kind; a therapeutic part-time after a full-time stoppage, behaviour
 * prolongationAcrossKinds). Otherwise it starts its own chain: its own carence, start date and salaries
 * (ij-rules §4). A link to an unknown stoppage, or a cycle, also starts a new chain.
 */
export function resolveChains(stoppages: readonly PreparedStoppage[], parameters: RulesParameters, behaviour: RulesBehaviour): ChainLink[] {
  const indexById = new Map<string, number>();
  stoppages.forEach((stoppage) => {
    if (!indexById.has(stoppage.facts.stoppageId)) indexById.set(stoppage.facts.stoppageId, stoppage.index);
  });
  const links: (ChainLink | undefined)[] = new Array(stoppages.length);
  const resolving = new Set<number>();

  const resolve = (index: number): ChainLink => {
    const known = links[index];
    if (known) return known;
    resolving.add(index);
    const previousIndex = continuedStoppage(stoppages, index, indexById, parameters, behaviour);
    const link: ChainLink =
      previousIndex === undefined || resolving.has(previousIndex)
        ? { rootIndex: index }
        : { rootIndex: resolve(previousIndex).rootIndex, previousIndex };
    resolving.delete(index);
    links[index] = link;
    return link;
  };
  return stoppages.map((stoppage) => resolve(stoppage.index));
}

function continuedStoppage(
  stoppages: readonly PreparedStoppage[],
  index: number,
  indexById: ReadonlyMap<string, number>,
  parameters: RulesParameters,
  behaviour: RulesBehaviour,
): number | undefined {
  const stoppage = stoppages[index];
  const previousId = stoppage.facts.prolongationOf;
  if (previousId === undefined) return undefined;
  const previousIndex = indexById.get(previousId);
  if (previousIndex === undefined || previousIndex === index) return undefined;
  const previous = stoppages[previousIndex];
  if (!kindsChain(previous.facts.kind, stoppage.facts.kind, behaviour)) return undefined;
  const limits = valueOn(parameters.paidDaysLimits, stoppage.startEpochDay);
  if (!limits) return undefined;
  const startsAfterEndDays = stoppage.startEpochDay - previous.effectiveEndEpochDay;
  const continues = previous.startEpochDay <= stoppage.startEpochDay && startsAfterEndDays <= limits.value.prolongationMaximumStartAfterEndDays;
  return continues ? previousIndex : undefined;
}

const FULL_TIME_BEFORE_PART_TIME: ReadonlySet<StoppageKind> = new Set(['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE']);

/**
 * Same kind always chains. A therapeutic part-time prolonging a sickness or occupational stoppage joins its
 * chain from 2026.3 (ij-rules §3); before, the ledger refused that link, so older versions give such a
 * stoppage a chain of its own, as they computed the part-time opened on its own (decision, issue 15).
 */
function kindsChain(previous: StoppageKind, next: StoppageKind, behaviour: RulesBehaviour): boolean {
  if (previous === next) return true;
  return behaviour.prolongationAcrossKinds === 'THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME' && next === 'THERAPEUTIC_PART_TIME' && FULL_TIME_BEFORE_PART_TIME.has(previous);
}

/**
 * The kind whose calculator, reference months and limits compute a stoppage: its own, except a therapeutic
 * part-time continuing a full-time chain, computed as that chain's kind then capped at the daily loss.
 */
export function calculationKindOf(kind: StoppageKind, rootKind: StoppageKind): StoppageKind {
  return kind === 'THERAPEUTIC_PART_TIME' && FULL_TIME_BEFORE_PART_TIME.has(rootKind) ? rootKind : kind;
}
