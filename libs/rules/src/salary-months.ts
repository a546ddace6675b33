import { monthsBefore } from './dates';
import type { RulesParameters } from './parameters';
import type { MonthlySalary, StoppageKind } from './rules.types';

const monthsCache = new Map<string, string[]>();

/** The calendar months a kind's reference salaries cover, before the chain's start (R323-4, R331-5, R433-4). */
export function requiredSalaryMonths(parameters: RulesParameters, kind: StoppageKind, chainStartDate: string): string[] {
  return [...sharedRequiredSalaryMonths(parameters, kind, chainStartDate)];
}

/** The same, shared and read-only: for the engine's hot path. */
export function sharedRequiredSalaryMonths(parameters: RulesParameters, kind: StoppageKind, chainStartDate: string): readonly string[] {
  const count = parameters.referenceMonths[kind];
  const key = `${count}|${chainStartDate}`;
  let months = monthsCache.get(key);
  if (!months) {
    months = monthsBefore(chainStartDate, count);
    monthsCache.set(key, months);
  }
  return months;
}

/** Gross by month; a month certified twice keeps its last value (the latest line of the certificate). */
export function salaryByMonth(salaries: readonly MonthlySalary[] | undefined): Map<string, number> {
  const byMonth = new Map<string, number>();
  for (const salary of salaries ?? []) byMonth.set(salary.month, salary.grossCents);
  return byMonth;
}
