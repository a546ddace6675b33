import { Money, min } from '@ij/money';
import { euros, percent, step } from '../explanation';
import type { CalculationInput, Tariff, TariffPhase } from './calculation.types';
import { parameterOn } from './missing-parameter';
import { decimal } from '../decimal';
import { salaryCapCents } from './salary-cap';

/**
 * Occupational accident / disease (R433-1 … R433-4): SJR = last month's gross ÷ 30.42 half-up, capped at
 * 0.834 % × PASS (the PASS in force on the chain's start date: decision). IJ = 60 % × SJR for indemnified
 * days 1–28 and 80 % from day 29, truncated, never above the published maximum of the phase (equal to it
 * when the SJR cap binds), and never above the net daily earnings, uncapped SJR × 79 % truncated (R433-4).
 */
export function computeOccupationalTariff(input: CalculationInput): Tariff {
  const { parameters } = input;
  const start = input.chainStartEpochDay;
  const pass = parameterOn(parameters.pass, start);
  const capRate = parameterOn(parameters.occupationalDailyBaseCapPassRate, start);
  const rates = parameterOn(parameters.occupationalRates, start);
  const maxima = parameterOn(parameters.occupationalMaximumDailyAllowance, start);
  const month = input.requiredMonths[0];
  const grossCents = input.salaryByMonth.get(month) ?? 0;
  const uncapped = Money.fromCents(grossCents).dividedBy(decimal(rates.value.divisor), parameters.rounding.dailyBase);
  const cap = Money.fromCents(salaryCapCents(pass.value, capRate.value, parameters.rounding.dailyBaseCap));
  const capBinds = uncapped.compare(cap) >= 0;
  const dailyBase = capBinds ? cap : uncapped;
  const netEarnings = uncapped.times(decimal(rates.value.netEarningsRate), parameters.rounding.dailyAllowance);
  const phaseAllowance = (rate: string, maximumCents: number) => {
    const maximum = Money.fromCents(maximumCents);
    const byRate = capBinds ? maximum : min(dailyBase.times(decimal(rate), parameters.rounding.dailyAllowance), maximum);
    return min(byRate, netEarnings).toCents();
  };
  const lastLowerDay = rates.value.higherRateFromDay - 1;
  const phases: TariffPhase[] = [
    { fromDay: 1, toDay: lastLowerDay, rate: rates.value.upToDay28Rate, dailyAllowanceCents: phaseAllowance(rates.value.upToDay28Rate, maxima.value.upToDay28Cents) },
    { fromDay: rates.value.higherRateFromDay, toDay: null, rate: rates.value.fromDay29Rate, dailyAllowanceCents: phaseAllowance(rates.value.fromDay29Rate, maxima.value.fromDay29Cents) },
  ];
  if (!input.explain) return { dailyBaseCents: dailyBase.toCents(), phases, steps: [] };
  const steps = [
    step(`Reference salary (${month}: the last calendar month before ${input.chainStartDate})`, euros(grossCents), 'CSS R433-4'),
    step(`Daily base SJR = salary ÷ ${rates.value.divisor}, rounded half-up to the cent`, euros(uncapped.toCents()), `CSS R433-4; ${rates.source}`),
    step(`SJR cap = ${percent(capRate.value)} × PASS ${euros(pass.value)} (PASS in force on ${input.chainStartDate})`, euros(cap.toCents()), `CSS R433-2; ${pass.source}`),
    step(capBinds ? 'The SJR cap binds: each phase pays its published maximum' : 'SJR retained (below the cap)', euros(dailyBase.toCents()), 'CSS R433-2; ij-rules §3 decision'),
    step(`Net daily earnings ceiling = uncapped SJR × ${percent(rates.value.netEarningsRate)}, truncated`, euros(netEarnings.toCents()), 'CSS R433-4 (last paragraph)'),
    step(`Published maxima: days 1–${lastLowerDay} / day ${rates.value.higherRateFromDay}+`, `${euros(maxima.value.upToDay28Cents)} / ${euros(maxima.value.fromDay29Cents)}`, maxima.source),
    step(`Daily IJ, indemnified days 1–${lastLowerDay} (${percent(rates.value.upToDay28Rate)} × SJR, truncated)`, euros(phases[0].dailyAllowanceCents), 'CSS R433-1'),
    step(`Daily IJ, indemnified day ${rates.value.higherRateFromDay}+ (${percent(rates.value.fromDay29Rate)} × SJR, truncated), counted across the chain`, euros(phases[1].dailyAllowanceCents), 'CSS R433-1; ij-rules §4'),
  ];
  return { dailyBaseCents: dailyBase.toCents(), phases, steps };
}
