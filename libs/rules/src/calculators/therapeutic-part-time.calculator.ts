import { Money, min } from '@ij/money';
import { euros, step } from '../explanation';
import type { CalculationInput, Tariff } from './calculation.types';
import { computeSicknessTariff } from './sickness.calculator';

/**
 * Therapeutic part-time (ij-rules §3): computed like sickness, then capped at the declared daily loss of
 * earnings. Decision: without a declared loss the sickness IJ is kept uncapped and a step says so, so the
 * ledger can see the figure is provisional rather than get no figure at all.
 */
export function computeTherapeuticPartTimeTariff(input: CalculationInput): Tariff {
  return capAtDailyLossOfEarnings(computeSicknessTariff(input), input.dailyLossOfEarningsCents, input.explain);
}

/**
 * Caps every phase of a tariff at the declared daily loss of earnings: the part-time's own sickness tariff,
 * or (2026.3) the tariff of the full-time chain it continues, occupational phases included.
 */
export function capAtDailyLossOfEarnings(full: Tariff, loss: number | undefined, explain: boolean): Tariff {
  if (loss === undefined) {
    if (!explain) return full;
    const noCap = step('No daily loss of earnings declared: the sickness daily IJ is not capped', 'not capped', 'ij-rules §3 (therapeutic part-time); decision of rules 2026');
    return { ...full, steps: [...full.steps, noCap] };
  }
  const lossAmount = Money.fromCents(loss);
  const phases = full.phases.map((phase) => ({
    ...phase,
    dailyAllowanceCents: min(Money.fromCents(phase.dailyAllowanceCents), lossAmount).toCents(),
  }));
  if (!explain) return { ...full, phases };
  const steps = [
    ...full.steps,
    step('Declared daily loss of earnings (cap of the therapeutic part-time IJ)', euros(loss), 'ij-rules §3 (therapeutic part-time)'),
    ...phases.map((phase, index) =>
      step(
        phases.length > 1 ? `Daily IJ retained, indemnified day ${phase.fromDay}+ = min(daily IJ, daily loss of earnings)` : 'Daily IJ retained = min(sickness daily IJ, daily loss of earnings)',
        euros(phase.dailyAllowanceCents),
        index === 0 ? 'ij-rules §3 (therapeutic part-time)' : 'ij-rules §3 (therapeutic part-time continuing an occupational chain)',
      ),
    ),
  ];
  return { ...full, phases, steps };
}
