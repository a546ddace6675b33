import { monthsBefore } from '../dates';
import type { MonthlySalary, PolicyholderFacts, StoppageFacts, StoppageKind } from '../rules.types';

/**
 * Fixture builders: fixed values, filled in where a test does not care. Salaries default to a
 * certificate covering exactly the months the kind needs before `startDate`, each at `grossCents`.
 */
type StoppageOverrides = Partial<StoppageFacts> & { grossCents?: number };

const REFERENCE_MONTHS: Record<StoppageKind, number> = {
  SICKNESS: 3,
  THERAPEUTIC_PART_TIME: 3,
  MATERNITY: 3,
  PATERNITY: 3,
  OCCUPATIONAL_ACCIDENT: 1,
  OCCUPATIONAL_DISEASE: 1,
};

export function salaries(months: readonly string[], grossCents: number): MonthlySalary[] {
  return months.map((month) => ({ month, grossCents }));
}

function stoppage(kind: StoppageKind, { grossCents = 200_000, ...overrides }: StoppageOverrides): StoppageFacts {
  const startDate = overrides.startDate ?? '2025-06-10';
  const built: StoppageFacts = {
    stoppageId: `${kind.toLowerCase()}-${startDate}`,
    kind,
    startDate,
    endDate: '2025-06-29',
    ...overrides,
  };
  if (!('salaries' in overrides) && overrides.prolongationOf === undefined) {
    built.salaries = salaries(monthsBefore(startDate, REFERENCE_MONTHS[kind]), grossCents);
  }
  return built;
}

export const facts = {
  sickness: (overrides: StoppageOverrides = {}) => stoppage('SICKNESS', overrides),
  therapeuticPartTime: (overrides: StoppageOverrides = {}) => stoppage('THERAPEUTIC_PART_TIME', overrides),
  occupationalAccident: (overrides: StoppageOverrides = {}) => stoppage('OCCUPATIONAL_ACCIDENT', overrides),
  occupationalDisease: (overrides: StoppageOverrides = {}) => stoppage('OCCUPATIONAL_DISEASE', overrides),
  maternity: (overrides: StoppageOverrides = {}) => stoppage('MATERNITY', overrides),
  paternity: (overrides: StoppageOverrides = {}) => stoppage('PATERNITY', overrides),
  policyholder: (...stoppages: StoppageFacts[]): PolicyholderFacts => ({ stoppages }),
};

/** A stoppage of any kind, for generators that draw the kind (`stoppageOfKind(kind, overrides)`). */
export function stoppageOfKind(kind: StoppageKind, overrides: StoppageOverrides = {}): StoppageFacts {
  return stoppage(kind, overrides);
}
