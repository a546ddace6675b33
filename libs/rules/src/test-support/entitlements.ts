import type { ComputedEntitlement, DayLine, DayReason, StoppageEntitlement } from '../rules.types';

export function expectComputed(entitlement: StoppageEntitlement | undefined): ComputedEntitlement {
  if (entitlement?.status !== 'COMPUTED') throw new Error(`expected COMPUTED, got ${JSON.stringify(entitlement)}`);
  return entitlement;
}

/** Days grouped by reason: { PAID: ['2025-06-13', …], CARENCE: […] }. */
export function datesByReason(days: readonly DayLine[]): Partial<Record<DayReason, string[]>> {
  const grouped: Partial<Record<DayReason, string[]>> = {};
  for (const day of days) (grouped[day.reason] ??= []).push(day.date);
  return grouped;
}

export function countReason(days: readonly DayLine[], reason: DayReason): number {
  return days.filter((day) => day.reason === reason).length;
}
