import { Money } from '@ij/money';
import { toIsoDate } from '../dates';
import type { TariffPhase } from '../calculators/calculation.types';
import type { DayLine } from '../rules.types';
import type { ClassifiedDays } from './classify-days';

export interface DayLines {
  lines: DayLine[];
  payableDays: number;
  /** Payable days per tariff phase (same indexes as the phases). */
  payableDaysByPhase: number[];
  /** Sum of the paid days' amounts (exact integer additions through @ij/money). */
  entitlement: Money;
}

/**
 * Turns classified days into day lines through `through`: a day after it is NOT_YET_DUE unless it is
 * already after the early end. Without phases (missing certificate) payable days are listed as paid
 * with amountCents 0: they are due, but their amount cannot be computed yet.
 */
export function buildDayLines(
  startEpochDay: number,
  days: ClassifiedDays,
  throughEpochDay: number,
  phases: readonly TariffPhase[] | undefined,
): DayLines {
  const { reasons, dayNumbers } = days;
  const lines: DayLine[] = new Array(reasons.length);
  const payableDaysByPhase: number[] = phases ? new Array(phases.length).fill(0) : [];
  let payableDays = 0;
  let entitlement = Money.zero();
  for (let offset = 0; offset < reasons.length; offset += 1) {
    const day = startEpochDay + offset;
    const date = toIsoDate(day);
    let reason = reasons[offset];
    if (day > throughEpochDay && reason !== 'AFTER_EARLY_END') reason = 'NOT_YET_DUE';
    if (reason !== 'PAID') {
      lines[offset] = { date, paid: false, amountCents: 0, reason };
      continue;
    }
    payableDays += 1;
    if (!phases) {
      lines[offset] = { date, paid: true, amountCents: 0, reason };
      continue;
    }
    const phaseIndex = phaseIndexFor(phases, dayNumbers[offset], day);
    payableDaysByPhase[phaseIndex] += 1;
    const amountCents = phases[phaseIndex].dailyAllowanceCents;
    entitlement = entitlement.plus(Money.fromCents(amountCents));
    lines[offset] = { date, paid: true, amountCents, reason };
  }
  return { lines, payableDays, payableDaysByPhase, entitlement };
}

/**
 * The same sums as buildDayLines (payable days, and the paid days' amounts when there are phases)
 * without building a day line: for the cents-only path. Integer additions, checked once at the end.
 */
export function sumPayableDays(
  startEpochDay: number,
  days: ClassifiedDays,
  throughEpochDay: number,
  phases: readonly TariffPhase[] | undefined,
): { payableDays: number; entitlementCents: number } {
  const { reasons, dayNumbers } = days;
  // Days after `through` are NOT_YET_DUE (or AFTER_EARLY_END): never paid.
  const last = Math.min(reasons.length, throughEpochDay - startEpochDay + 1);
  let payableDays = 0;
  let entitlementCents = 0;
  const single = phases !== undefined && phases.length === 1 ? phases[0].dailyAllowanceCents : undefined;
  for (let offset = 0; offset < last; offset += 1) {
    if (reasons[offset] !== 'PAID') continue;
    payableDays += 1;
    if (single !== undefined) entitlementCents += single;
    else if (phases) entitlementCents += phases[phaseIndexFor(phases, dayNumbers[offset], startEpochDay + offset)].dailyAllowanceCents;
  }
  return { payableDays, entitlementCents };
}

/** The last phase whose first day number (and first date, when it has one) the day has reached. */
function phaseIndexFor(phases: readonly TariffPhase[], dayNumber: number, epochDay: number): number {
  for (let index = phases.length - 1; index > 0; index -= 1) {
    const phase = phases[index];
    if (dayNumber >= phase.fromDay && (phase.fromEpochDay === undefined || epochDay >= phase.fromEpochDay)) return index;
  }
  return 0;
}
