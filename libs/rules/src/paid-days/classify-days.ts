import { minusYears, plusYears } from '../dates';
import { valueOn, type PaidDaysLimits, type RulesParameters } from '../parameters';
import type { DayReason, StoppageKind } from '../rules.types';
import type { RulesBehaviour } from '../versions/rules-behaviour';
import { calculationKindOf, type ChainLink } from './chains';
import type { PreparedStoppage } from './prepared-stoppage';

/** Every day of one stoppage, classified without regard to `through` (NOT_YET_DUE is applied later). */
export interface ClassifiedDays {
  status: 'CLASSIFIED';
  /** One reason per calendar day from startDate to endDate. */
  reasons: DayReason[];
  /** Indemnified day number across the chain (0 for days not numbered: accident day, after early end). */
  dayNumbers: number[];
}

export interface UnclassifiedDays {
  status: 'NO_PARAMETERS';
  parameter: string;
  date: string;
}

interface ChainState {
  carenceRemaining: number;
  dayNumber: number;
}

/** Paid-days bookkeeping across all the policyholder's stoppages, in chronological order. */
interface PolicyholderCounters {
  chains: Map<number, ChainState>;
  /** Paid days of non-long-term sickness (and therapeutic part-time), ascending: the 360-day window. */
  nonAldPaidDays: number[];
  aldPaidDays: Map<string, number>;
  /** aldLimit PERIOD_DATE_TO_DATE: the current 3-year period of each affection, first and last day. */
  aldPeriods: Map<string, { firstDay: number; lastDay: number }>;
  /** The last day of the affection's stoppages classified so far: a long enough gap opens a new period. */
  aldLastStoppageDay: Map<string, number>;
  /** Start days of the chains on which a long-term-illness carence was served, per affection. */
  aldCarenceServedOn: Map<string, number[]>;
}

const OCCUPATIONAL: ReadonlySet<StoppageKind> = new Set(['OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE']);
/** Decision: therapeutic part-time days count with sickness toward the 360-day and long-term-illness limits. */
const LIMITED: ReadonlySet<StoppageKind> = new Set(['SICKNESS', 'THERAPEUTIC_PART_TIME']);

/**
 * Classifies every day of every stoppage (ij-rules §4), processing stoppages by start date so that the
 * limits count earlier days first. Precedence for a day: after the early end → accident day → carence →
 * limit → paid. Classification ignores `through`: a day's fate only depends on earlier days, so masking
 * later days as NOT_YET_DUE afterwards gives the same result as classifying through that date.
 */
export function classifyDays(
  stoppages: readonly PreparedStoppage[],
  links: readonly ChainLink[],
  parameters: RulesParameters,
  behaviour: RulesBehaviour,
): (ClassifiedDays | UnclassifiedDays)[] {
  const counters: PolicyholderCounters = {
    chains: new Map(),
    nonAldPaidDays: [],
    aldPaidDays: new Map(),
    aldPeriods: new Map(),
    aldLastStoppageDay: new Map(),
    aldCarenceServedOn: new Map(),
  };
  const order = stoppages.map((stoppage) => stoppage.index).sort((a, b) => stoppages[a].startEpochDay - stoppages[b].startEpochDay || a - b);
  const results: (ClassifiedDays | UnclassifiedDays)[] = new Array(stoppages.length);
  for (const index of order) {
    const root = stoppages[links[index].rootIndex];
    const limits = valueOn(parameters.paidDaysLimits, root.startEpochDay);
    results[index] = limits && hasAldLimit(limits.value, behaviour)
      ? classifyStoppage(stoppages[index], root, links[index], limits.value, behaviour, counters)
      : { status: 'NO_PARAMETERS', parameter: parameters.paidDaysLimits.name, date: root.facts.startDate };
  }
  return results;
}

function classifyStoppage(
  stoppage: PreparedStoppage,
  root: PreparedStoppage,
  link: ChainLink,
  limits: PaidDaysLimits,
  behaviour: RulesBehaviour,
  counters: PolicyholderCounters,
): ClassifiedDays {
  let chain = counters.chains.get(link.rootIndex);
  if (!chain) {
    chain = { carenceRemaining: carenceDaysOfChain(root, limits, counters), dayNumber: 0 };
    counters.chains.set(link.rootIndex, chain);
  }
  const { kind, aldAffectionId, accidentDate, startDate } = stoppage.facts;
  // The day of the accident is paid by the employer: indemnified day 1 is the next one (R433-1).
  const accidentDay = link.previousIndex === undefined && OCCUPATIONAL.has(kind) && accidentDate === startDate ? stoppage.startEpochDay : undefined;
  // A therapeutic part-time continuing an occupational chain is limited as that chain (not with sickness).
  const limited = LIMITED.has(calculationKindOf(kind, root.facts.kind));
  const affection = limited ? aldAffectionId : undefined;
  if (affection !== undefined && behaviour.aldLimit === 'PERIOD_DATE_TO_DATE') openNewAldPeriodAfterGap(stoppage, affection, limits, counters);
  const length = Math.max(0, stoppage.endEpochDay - stoppage.startEpochDay + 1);
  const reasons: DayReason[] = new Array(length);
  const dayNumbers: number[] = new Array(length).fill(0);
  for (let offset = 0; offset < length; offset += 1) {
    const day = stoppage.startEpochDay + offset;
    if (day > stoppage.effectiveEndEpochDay) {
      reasons[offset] = 'AFTER_EARLY_END';
      continue;
    }
    if (day === accidentDay) {
      reasons[offset] = 'ACCIDENT_DAY';
      continue;
    }
    chain.dayNumber += 1;
    dayNumbers[offset] = chain.dayNumber;
    if (kind === 'SICKNESS' && chain.carenceRemaining > 0) {
      chain.carenceRemaining -= 1;
      reasons[offset] = 'CARENCE';
      continue;
    }
    reasons[offset] = limited ? limitedDayReason(day, affection, limits, behaviour, counters) : 'PAID';
  }
  if (affection !== undefined && stoppage.effectiveEndEpochDay >= stoppage.startEpochDay) {
    const last = counters.aldLastStoppageDay.get(affection);
    if (last === undefined || last < stoppage.effectiveEndEpochDay) counters.aldLastStoppageDay.set(affection, stoppage.effectiveEndEpochDay);
  }
  return { status: 'CLASSIFIED', reasons, dayNumbers };
}

/**
 * Carence is decided once per chain, by its first stoppage (R323-1): 3 days for sickness, none for other
 * kinds. A long-term illness serves none when a carence for the same affection was served on a chain
 * that started within the 3 calendar years before (decision: js-joda minusYears, bound included).
 */
function carenceDaysOfChain(root: PreparedStoppage, limits: PaidDaysLimits, counters: PolicyholderCounters): number {
  if (root.facts.kind !== 'SICKNESS') return 0;
  const affection = root.facts.aldAffectionId;
  if (affection === undefined) return limits.carenceDays;
  const served = counters.aldCarenceServedOn.get(affection) ?? [];
  const windowStart = minusYears(root.startEpochDay, limits.aldCarenceWaiverYears);
  if (served.some((day) => day >= windowStart && day <= root.startEpochDay)) return 0;
  counters.aldCarenceServedOn.set(affection, [...served, root.startEpochDay]);
  return limits.carenceDays;
}

/** The long-term-illness fields the version's aldLimit needs are in the row (else NO_PARAMETERS, never a guess). */
function hasAldLimit(limits: PaidDaysLimits, behaviour: RulesBehaviour): boolean {
  return behaviour.aldLimit === 'PAID_DAYS_PER_AFFECTION'
    ? limits.aldMaximumPaidDaysPerAffection !== undefined
    : limits.aldPeriodYears !== undefined && limits.aldNewPeriodAfterUncoveredDays !== undefined;
}

/**
 * R323-1 3° (ij-rules §4, 2026.3): after at least one year of resumed work — 365 or more calendar days
 * uncovered between the affection's last stoppage and this one — the next paid day opens a new period.
 */
function openNewAldPeriodAfterGap(stoppage: PreparedStoppage, affection: string, limits: PaidDaysLimits, counters: PolicyholderCounters): void {
  const last = counters.aldLastStoppageDay.get(affection);
  if (last === undefined) return;
  const uncoveredDays = stoppage.startEpochDay - last - 1;
  if (uncoveredDays >= (limits.aldNewPeriodAfterUncoveredDays ?? Number.POSITIVE_INFINITY)) counters.aldPeriods.delete(affection);
}

function limitedDayReason(day: number, affection: string | undefined, limits: PaidDaysLimits, behaviour: RulesBehaviour, counters: PolicyholderCounters): DayReason {
  if (affection !== undefined && behaviour.aldLimit === 'PERIOD_DATE_TO_DATE') {
    // L323-1 1°, R323-1 2°: 3 years counted date to date from the first paid day of the period (decision:
    // js-joda plusYears, the day before the same date 3 years later is the last one; 29 February → 28 February).
    let period = counters.aldPeriods.get(affection);
    if (!period) {
      period = { firstDay: day, lastDay: plusYears(day, limits.aldPeriodYears ?? 0) - 1 };
      counters.aldPeriods.set(affection, period);
    }
    return day > period.lastDay ? 'ALD_LIMIT_REACHED' : 'PAID';
  }
  if (affection !== undefined) {
    const paid = counters.aldPaidDays.get(affection) ?? 0;
    if (paid >= (limits.aldMaximumPaidDaysPerAffection ?? 0)) return 'ALD_LIMIT_REACHED';
    counters.aldPaidDays.set(affection, paid + 1);
    return 'PAID';
  }
  const paidDays = counters.nonAldPaidDays;
  // Fast path: fewer paid days in total than the limit cannot reach it in any window.
  if (paidDays.length >= limits.nonAldMaximumPaidDays) {
    const windowStart = minusYears(day, limits.nonAldWindowYears);
    const paidInWindow = firstIndexAfter(paidDays, day - 1) - firstIndexAfter(paidDays, windowStart);
    if (paidInWindow >= limits.nonAldMaximumPaidDays) return 'LIMIT_360_REACHED';
  }
  // Stoppages are classified by start date, so days arrive in order; overlapping stoppages may not.
  if (paidDays.length === 0 || paidDays[paidDays.length - 1] <= day) paidDays.push(day);
  else paidDays.splice(firstIndexAfter(paidDays, day), 0, day);
  return 'PAID';
}

/** Index of the first element strictly greater than `value` in an ascending array. */
function firstIndexAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
