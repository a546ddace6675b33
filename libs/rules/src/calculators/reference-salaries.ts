import { Money } from '@ij/money';

export interface ReferenceSalaries {
  /** Sum of the months, each capped. */
  totalCents: number;
  /** True when every month reached the cap: the daily IJ is then the published maximum (ij-rules §3). */
  capBindsOnEveryMonth: boolean;
}

/** Sums the required months, each capped at `capCents` (R323-4 for sickness, R331-5 for maternity). */
export function cappedReferenceSalaries(
  salaryByMonth: ReadonlyMap<string, number>,
  months: readonly string[],
  capCents: number,
): ReferenceSalaries {
  const cap = Money.fromCents(capCents);
  let total = Money.zero();
  let capBindsOnEveryMonth = months.length > 0;
  for (const month of months) {
    const gross = Money.fromCents(salaryByMonth.get(month) ?? 0);
    // "Binds" includes a salary exactly at the cap: the capped product is then the published maximum.
    if (gross.compare(cap) < 0) {
      capBindsOnEveryMonth = false;
      total = total.plus(gross);
    } else {
      total = total.plus(cap);
    }
  }
  return { totalCents: total.toCents(), capBindsOnEveryMonth };
}
