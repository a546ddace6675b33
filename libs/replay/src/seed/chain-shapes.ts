import type { StoppageKind } from '@ij/rules';
import { addDays, daysBetween, earlierOf } from './calendar';
import type { ChainSpec, StoppageSpec } from './plan.types';
import { CAP_CHANGE_DATE, NEXT_SICKNESS_MAXIMUM_CHANGE } from './scenario';
import type { SeededRandom } from './seeded-random';

/** What a chain may use of the calendar and of the policyholder's 360-day sickness allowance (R323-1). */
export interface ChainBounds {
  startDate: string;
  /** No day of the chain after this one. */
  latestEndDate: string;
  /** Sickness and therapeutic part-time days left before the 360-day window could bind (kept well below it). */
  sicknessDaysLeft: number;
  /** Room left after the chain for an overpayment to be assessed and recovered. */
  recoveriesFitBy: string;
}

export type GeneralKind = StoppageKind | 'ALD_SICKNESS';

const SICKNESS_LIKE: readonly StoppageKind[] = ['SICKNESS', 'THERAPEUTIC_PART_TIME'];

export function isSicknessLike(kind: StoppageKind): boolean {
  return SICKNESS_LIKE.includes(kind);
}

/** A chain of the general population: realistic durations, sometimes extended, prolonged or ended early. */
export function generalChain(random: SeededRandom, kind: GeneralKind, bounds: ChainBounds, aldAffectionId: string): ChainSpec | undefined {
  const stoppageKind: StoppageKind = kind === 'ALD_SICKNESS' ? 'SICKNESS' : kind;
  const latestEndDate = sicknessLatestEnd(stoppageKind, bounds);
  const duration = durationOf(random, kind);
  let end = addDays(bounds.startDate, duration - 1);
  if (end > latestEndDate) return undefined;
  const budget = isSicknessLike(stoppageKind) ? bounds.sicknessDaysLeft : Number.POSITIVE_INFINITY;
  if (duration > budget) return undefined;
  let usedDays = duration;
  const extensible = kind !== 'PATERNITY' && (kind !== 'MATERNITY' || random.chance(50));
  const root: StoppageSpec = { startDate: bounds.startDate, endDate: end, extendedTo: [] };
  const stoppages = [root];
  if (extensible && random.chance(kind === 'MATERNITY' ? 10 : 22)) {
    const extension = kind === 'MATERNITY' ? 14 : random.integer(7, 30);
    const newEnd = addDays(end, extension);
    if (newEnd <= latestEndDate && usedDays + extension <= budget) {
      root.extendedTo.push(newEnd);
      end = newEnd;
      usedDays += extension;
    }
  }
  if (extensible && kind !== 'MATERNITY' && random.chance(15)) {
    const startDate = addDays(end, random.integer(1, 2));
    const length = random.integer(7, 30);
    const endDate = addDays(startDate, length - 1);
    if (endDate <= latestEndDate && usedDays + length <= budget) {
      stoppages.push({ startDate, endDate, extendedTo: [] });
      end = endDate;
    }
  }
  return {
    kind: stoppageKind,
    stoppages,
    aldAffectionId: kind === 'ALD_SICKNESS' ? aldAffectionId : undefined,
    ...occupationalFacts(random, stoppageKind, bounds.startDate),
    dailyLossOfEarningsCents: stoppageKind === 'THERAPEUTIC_PART_TIME' ? random.integer(1_500, 6_000) : undefined,
    earlyEnd: earlyEndOf(random, stoppages, bounds),
    certificate: random.chance(40) ? 'late' : 'prompt',
    monthlyPayments: random.chance(50),
    pendingAdvance: false,
  };
}

/**
 * A sickness or therapeutic part-time chain started in March 2025 and running into April or May: the
 * 1.8 × SMIC cap of its start applies to every day (Décret 2025-160), which rules 2026.1 got wrong.
 * Reached by the first prescription, by an extension, or by a prolongation starting in April.
 */
export function straddlingChain(random: SeededRandom, kind: StoppageKind, dailyLossOfEarningsCents?: number): ChainSpec {
  const startDate = addDays('2025-03-03', random.integer(0, 21));
  const shape = kind === 'MATERNITY' ? 'maternity' : random.weighted({ single: 4, extended: 3, prolonged: isSicknessLike(kind) ? 3 : 0 });
  const lateMarch = addDays('2025-03-25', random.integer(0, 6));
  const stoppages: StoppageSpec[] =
    shape === 'maternity'
      ? [{ startDate, endDate: addDays(startDate, 111), extendedTo: [] }]
      : shape === 'single'
      ? [{ startDate, endDate: addDays('2025-04-05', random.integer(0, 45)), extendedTo: [] }]
      : shape === 'extended'
        ? [{ startDate, endDate: lateMarch, extendedTo: [addDays('2025-04-10', random.integer(0, 40))] }]
        : [
            { startDate, endDate: lateMarch, extendedTo: [] },
            { startDate: addDays(lateMarch, random.integer(1, 2)), endDate: addDays('2025-04-15', random.integer(0, 40)), extendedTo: [] },
          ];
  return {
    kind,
    stoppages,
    ...occupationalFacts(random, kind, startDate),
    dailyLossOfEarningsCents,
    certificate: random.chance(50) ? 'late' : 'prompt',
    monthlyPayments: random.chance(60),
    pendingAdvance: false,
  };
}

/** A chain of the last weeks of the scenario whose advance is still waiting for its regularization. */
export function pendingChain(random: SeededRandom, kind: StoppageKind, startDate: string, latestEndDate: string, dailyLossOfEarningsCents?: number): ChainSpec {
  const length = kind === 'PATERNITY' ? 25 : random.integer(10, 45);
  const endDate = earlierOf(addDays(startDate, length - 1), latestEndDate);
  return {
    kind,
    stoppages: [{ startDate, endDate, extendedTo: [] }],
    ...occupationalFacts(random, kind, startDate),
    dailyLossOfEarningsCents,
    certificate: random.chance(50) ? 'late' : 'prompt',
    monthlyPayments: true,
    pendingAdvance: true,
  };
}

/** The chain's first and last days. */
export function chainPeriod(chain: ChainSpec): { startDate: string; endDate: string } {
  const last = chain.stoppages[chain.stoppages.length - 1];
  return { startDate: chain.stoppages[0].startDate, endDate: chain.earlyEnd?.lastDay ?? last.extendedTo.at(-1) ?? last.endDate };
}

/** The last prescribed day, early end ignored: a later chain starts after it (the return to work may be reported late). */
export function prescribedEndOf(chain: ChainSpec): string {
  const last = chain.stoppages[chain.stoppages.length - 1];
  return last.extendedTo.at(-1) ?? last.endDate;
}

export function straddlesCapChange(chain: ChainSpec): boolean {
  const { startDate, endDate } = chainPeriod(chain);
  return startDate < CAP_CHANGE_DATE && endDate >= CAP_CHANGE_DATE;
}

export function sicknessDaysOf(chain: ChainSpec): number {
  if (!isSicknessLike(chain.kind) || chain.aldAffectionId !== undefined) return 0;
  const { startDate, endDate } = chainPeriod(chain);
  return daysBetween(startDate, endDate) + 1;
}

/** A sickness chain started before 2026-02-01 ends before it (see NEXT_SICKNESS_MAXIMUM_CHANGE). */
function sicknessLatestEnd(kind: StoppageKind, bounds: ChainBounds): string {
  if (isSicknessLike(kind) && bounds.startDate < NEXT_SICKNESS_MAXIMUM_CHANGE) return earlierOf(bounds.latestEndDate, addDays(NEXT_SICKNESS_MAXIMUM_CHANGE, -1));
  return bounds.latestEndDate;
}

function durationOf(random: SeededRandom, kind: GeneralKind): number {
  switch (kind) {
    case 'SICKNESS': {
      const length = random.weighted({ short: 50, medium: 38, long: 12 });
      return length === 'short' ? random.integer(4, 14) : length === 'medium' ? random.integer(15, 45) : random.integer(46, 90);
    }
    case 'ALD_SICKNESS':
      return random.integer(20, 120);
    case 'OCCUPATIONAL_ACCIDENT':
      return random.integer(7, 60);
    case 'OCCUPATIONAL_DISEASE':
      return random.integer(20, 120);
    case 'THERAPEUTIC_PART_TIME':
      return random.integer(30, 90);
    case 'MATERNITY':
      // 16 weeks; 26 from the third child (L331-3).
      return random.chance(80) ? 112 : 182;
    case 'PATERNITY':
      return random.chance(70) ? 25 : random.integer(4, 24);
  }
}

/** An occupational accident happened on the first day (paid by the employer) or a few days before. */
function occupationalFacts(random: SeededRandom, kind: StoppageKind, startDate: string): { accidentDate?: string } {
  if (kind !== 'OCCUPATIONAL_ACCIDENT') return {};
  return { accidentDate: random.chance(60) ? startDate : addDays(startDate, -random.integer(1, 3)) };
}

/**
 * A return to work on the chain's last stoppage, never one that was extended (an extension after the return
 * would be refused). Reported late only when there is time left to assess and recover the overpayment.
 */
function earlyEndOf(random: SeededRandom, stoppages: StoppageSpec[], bounds: ChainBounds): ChainSpec['earlyEnd'] {
  const last = stoppages[stoppages.length - 1];
  const length = daysBetween(last.startDate, last.endDate) + 1;
  if (last.extendedTo.length > 0 || length < 12 || !random.chance(10)) return undefined;
  const lastDay = addDays(last.startDate, random.integer(4, length - 8));
  const reportedLate = last.endDate <= bounds.recoveriesFitBy && random.chance(40);
  return { lastDay, reportedLate };
}
