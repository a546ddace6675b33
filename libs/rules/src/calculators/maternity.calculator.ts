import { Money, max, min } from '@ij/money';
import { lastDayOfPreviousMonth, toIsoDate } from '../dates';
import { euros, percent, step } from '../explanation';
import type { CalculationInput, Tariff } from './calculation.types';
import { parameterOn } from './missing-parameter';
import { cappedReferenceSalaries } from './reference-salaries';
import { decimal } from '../decimal';

/**
 * Maternity / paternity (R331-5): SJB = the 3 months before, each capped at the PMSS in force on the last
 * day of the month before the start, ÷ 91.25 half-up; IJ = SJB × (1 − 21 %) truncated, bounded by the
 * published minimum and maximum, and equal to the maximum when the PMSS binds on every month.
 */
export function computeMaternityTariff(input: CalculationInput): Tariff {
  const { parameters } = input;
  const start = input.chainStartEpochDay;
  const pmssDay = lastDayOfPreviousMonth(start);
  const pmss = parameterOn(parameters.pmss, pmssDay);
  const rates = parameterOn(parameters.maternityRates, start);
  const maximum = parameterOn(parameters.maternityMaximumDailyAllowance, start);
  const minimum = parameterOn(parameters.maternityMinimumDailyAllowance, start);
  const reference = cappedReferenceSalaries(input.salaryByMonth, input.requiredMonths, pmss.value);
  const dailyBase = Money.fromCents(reference.totalCents).dividedBy(decimal(rates.value.divisor), parameters.rounding.dailyBase);
  const computed = dailyBase.times(decimal(rates.value.rate), parameters.rounding.dailyAllowance);
  const maximumAmount = Money.fromCents(maximum.value);
  const bounded = max(min(computed, maximumAmount), Money.fromCents(minimum.value));
  const dailyAllowance = reference.capBindsOnEveryMonth ? maximumAmount : bounded;
  const phases = [{ fromDay: 1, toDay: null, rate: rates.value.rate, dailyAllowanceCents: dailyAllowance.toCents() }];
  if (!input.explain) return { dailyBaseCents: dailyBase.toCents(), phases, steps: [] };
  const steps = [
    step(`PMSS in force on ${toIsoDate(pmssDay)} (last day of the month before the start ${input.chainStartDate})`, euros(pmss.value), `CSS R331-5; ${pmss.source}`),
    step(`Reference salaries (${input.requiredMonths.join(', ')}, each capped at the PMSS)`, euros(reference.totalCents), 'CSS R331-5'),
    step(`Daily base SJB = reference salaries ÷ ${rates.value.divisor}, rounded half-up to the cent`, euros(dailyBase.toCents()), `CSS R331-5; ${rates.source}`),
    step(`Daily IJ = SJB × ${percent(rates.value.rate)} (21 % flat deduction), truncated`, euros(computed.toCents()), 'CSS R331-5; ij-rules §3 rounding decision'),
    step('Published minimum / maximum daily IJ', `${euros(minimum.value)} / ${euros(maximum.value)}`, `${minimum.source}; ${maximum.source}`),
  ];
  if (reference.capBindsOnEveryMonth) {
    steps.push(step('The PMSS binds on every reference month: the daily IJ is the published maximum', euros(maximum.value), 'ij-rules §3 decision'));
  }
  steps.push(step('Daily IJ retained', euros(dailyAllowance.toCents()), 'CSS R331-5'));
  return {
    dailyBaseCents: dailyBase.toCents(),
    phases,
    steps,
  };
}
