import { Money, min } from '@ij/money';
import { lastDayOfPreviousMonth, toIsoDate } from '../dates';
import { euros, percent, step } from '../explanation';
import { changeDates } from '../parameters';
import type { ExplanationStep } from '../rules.types';
import type { CalculationInput, Tariff, TariffPhase } from './calculation.types';
import { parameterOn } from './missing-parameter';
import { cappedReferenceSalaries } from './reference-salaries';
import { decimal } from '../decimal';
import { salaryCapCents } from './salary-cap';

interface SicknessRow {
  dailyBaseCents: number;
  dailyAllowanceCents: number;
  rate: string;
  steps: ExplanationStep[];
}

/**
 * Sickness (R323-4): SJB = the 3 months before the chain's start, each capped at k × SMIC, ÷ 91.25
 * half-up; IJ = 50 % × SJB truncated, never above the published maximum, and equal to it when the cap
 * binds on every month. The SMIC is the one in force on the last day of the month before the start.
 */
export function computeSicknessTariff(input: CalculationInput): Tariff {
  const rowDates = sicknessRowDates(input);
  const rows = rowDates.map((rowEpochDay) => sicknessRow(input, rowEpochDay));
  const phases: TariffPhase[] = [];
  const steps: ExplanationStep[] = input.explain ? [...rows[0].steps] : [];
  rows.forEach((row, index) => {
    const nextFrom = rowDates[index + 1] ?? Number.POSITIVE_INFINITY;
    const from = rowDates[index];
    // Keep only the rows that cover at least one day of this stoppage.
    if (nextFrom <= input.stoppageStartEpochDay || from > input.stoppageEndEpochDay) return;
    const phase: TariffPhase = { fromDay: 1, toDay: null, dailyAllowanceCents: row.dailyAllowanceCents, rate: row.rate };
    if (index > 0) {
      phase.fromEpochDay = from;
      phase.fromDate = toIsoDate(from);
      if (input.explain) steps.push(...row.steps.map((rowStep) => ({ ...rowStep, label: `From ${phase.fromDate} (cap chosen by the paid day's date): ${rowStep.label}` })));
    }
    phases.push(phase);
  });
  return { dailyBaseCents: rows[0].dailyBaseCents, phases, steps };
}

/** The dates whose salary-cap and maximum rows apply: the chain start, plus (defect of 2026.1) each later change of row. */
function sicknessRowDates(input: CalculationInput): number[] {
  const start = input.chainStartEpochDay;
  if (input.behaviour.sicknessCapSelectedBy === 'CHAIN_START_DATE') return [start];
  const { sicknessSalaryCapSmicMultiple, sicknessMaximumDailyAllowance } = input.parameters;
  const changes = [...changeDates(sicknessSalaryCapSmicMultiple), ...changeDates(sicknessMaximumDailyAllowance)]
    .filter((date) => date > start && date <= input.stoppageEndEpochDay)
    .sort((a, b) => a - b);
  return [start, ...changes.filter((date, index) => changes.indexOf(date) === index)];
}

function sicknessRow(input: CalculationInput, rowEpochDay: number): SicknessRow {
  const { parameters } = input;
  const smicDay = lastDayOfPreviousMonth(input.chainStartEpochDay);
  const smic = parameterOn(parameters.smicMonthly, smicDay);
  const multiple = parameterOn(parameters.sicknessSalaryCapSmicMultiple, rowEpochDay);
  const maximum = parameterOn(parameters.sicknessMaximumDailyAllowance, rowEpochDay);
  const rates = parameterOn(parameters.sicknessRates, input.chainStartEpochDay);
  const capCents = salaryCapCents(smic.value, multiple.value, parameters.rounding.salaryCap);
  const reference = cappedReferenceSalaries(input.salaryByMonth, input.requiredMonths, capCents);
  const dailyBase = Money.fromCents(reference.totalCents).dividedBy(decimal(rates.value.divisor), parameters.rounding.dailyBase);
  const maximumAmount = Money.fromCents(maximum.value);
  const computed = dailyBase.times(decimal(rates.value.rate), parameters.rounding.dailyAllowance);
  const dailyAllowance = reference.capBindsOnEveryMonth ? maximumAmount : min(computed, maximumAmount);
  if (!input.explain) return { dailyBaseCents: dailyBase.toCents(), dailyAllowanceCents: dailyAllowance.toCents(), rate: rates.value.rate, steps: [] };
  const steps = [
    step(`SMIC in force on ${toIsoDate(smicDay)} (last day of the month before the start ${input.chainStartDate})`, euros(smic.value), `CSS R323-4; ${smic.source}`),
    step(`Monthly salary cap = ${multiple.value} × SMIC`, euros(capCents), multiple.source),
    step(
      `Reference salaries (${input.requiredMonths.join(', ')}: the 3 months before ${input.chainStartDate}, each capped at ${multiple.value} × SMIC = ${euros(capCents)})`,
      euros(reference.totalCents),
      'CSS R323-4',
    ),
    step(`Daily base SJB = reference salaries ÷ ${rates.value.divisor}, rounded half-up to the cent`, euros(dailyBase.toCents()), `CSS R323-4; ${rates.source}`),
    step(`Daily IJ = ${percent(rates.value.rate)} × SJB, truncated to the cent`, euros(computed.toCents()), 'CSS R323-4; ij-rules §3 rounding decision'),
    step('Published maximum daily IJ', euros(maximum.value), maximum.source),
  ];
  if (reference.capBindsOnEveryMonth) {
    steps.push(step('The cap binds on every reference month: the daily IJ is the published maximum', euros(maximum.value), 'ij-rules §3 decision'));
  }
  steps.push(step('Daily IJ retained', euros(dailyAllowance.toCents()), 'CSS R323-4'));
  return { dailyBaseCents: dailyBase.toCents(), dailyAllowanceCents: dailyAllowance.toCents(), rate: rates.value.rate, steps };
}
