import { valueOn, type RulesParameters } from '../parameters';
import type { PreparedStoppage } from './prepared-stoppage';

export interface ChainLink {
  /** Input index of the chain's first stoppage (itself when it starts a chain). */
  rootIndex: number;
  /** Input index of the stoppage it continues, when it is a continuation. */
  previousIndex?: number;
}

/**
 * A stoppage continues the one it names in `prolongationOf` when it starts at most N calendar days
 * (2, PAID_DAYS_LIMITS) after that one's effective end (its `lastDay` after an early end), and not
 * before that one's start. Otherwise it starts its own chain: its own carence, start date and salaries
 * (ij-rules §4). A link to an unknown stoppage, or a cycle, also starts a new chain.
 */
export function resolveChains(stoppages: readonly PreparedStoppage[], parameters: RulesParameters): ChainLink[] {
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
    const previousIndex = continuedStoppage(stoppages, index, indexById, parameters);
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
): number | undefined {
  const stoppage = stoppages[index];
  const previousId = stoppage.facts.prolongationOf;
  if (previousId === undefined) return undefined;
  const previousIndex = indexById.get(previousId);
  if (previousIndex === undefined || previousIndex === index) return undefined;
  const previous = stoppages[previousIndex];
  const limits = valueOn(parameters.paidDaysLimits, stoppage.startEpochDay);
  if (!limits) return undefined;
  const startsAfterEndDays = stoppage.startEpochDay - previous.effectiveEndEpochDay;
  const continues = previous.startEpochDay <= stoppage.startEpochDay && startsAfterEndDays <= limits.value.prolongationMaximumStartAfterEndDays;
  return continues ? previousIndex : undefined;
}
