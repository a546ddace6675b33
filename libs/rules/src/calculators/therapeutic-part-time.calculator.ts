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
  const sickness = computeSicknessTariff(input);
  const loss = input.dailyLossOfEarningsCents;
  if (loss === undefined) {
    if (!input.explain) return sickness;
    const noCap = step('No daily loss of earnings declared: the sickness daily IJ is not capped', 'not capped', 'ij-rules §3 (therapeutic part-time); decision of rules 2026');
    return { ...sickness, steps: [...sickness.steps, noCap] };
  }
  const lossAmount = Money.fromCents(loss);
  const phases = sickness.phases.map((phase) => ({
    ...phase,
    dailyAllowanceCents: min(Money.fromCents(phase.dailyAllowanceCents), lossAmount).toCents(),
  }));
  if (!input.explain) return { ...sickness, phases };
  const steps = [
    ...sickness.steps,
    step('Declared daily loss of earnings (cap of the therapeutic part-time IJ)', euros(loss), 'ij-rules §3 (therapeutic part-time)'),
    step('Daily IJ retained = min(sickness daily IJ, daily loss of earnings)', euros(phases[0]?.dailyAllowanceCents ?? 0), 'ij-rules §3 (therapeutic part-time)'),
  ];
  return { ...sickness, phases, steps };
}
