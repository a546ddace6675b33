import type { DailyAllowancePhase, ExplanationStep, StoppageKind } from '../rules.types';
import type { RulesParameters } from '../parameters';
import type { RulesBehaviour } from '../versions/rules-behaviour';

/** What a calculator needs: the chain's identity (its root's start date) and the certificate's months. */
export interface CalculationInput {
  kind: StoppageKind;
  parameters: RulesParameters;
  behaviour: RulesBehaviour;
  chainStartDate: string;
  chainStartEpochDay: number;
  /** First and last prescribed day of the stoppage being computed (a chain link may start later than its root). */
  stoppageStartEpochDay: number;
  stoppageEndEpochDay: number;
  /** Gross salary by month; covers every required month (checked before calling a calculator). */
  salaryByMonth: ReadonlyMap<string, number>;
  requiredMonths: readonly string[];
  dailyLossOfEarningsCents?: number;
  /** False on the cents-only path: no explanation steps are built (the amounts are the same). */
  explain: boolean;
}

/** A phase as the engine uses it: by indemnified day number and, for date-selected rows, by date. */
export interface TariffPhase extends DailyAllowancePhase {
  fromEpochDay?: number;
}

/** The daily amounts of one stoppage, with the explanation of how they were obtained. */
export interface Tariff {
  dailyBaseCents: number;
  phases: TariffPhase[];
  steps: ExplanationStep[];
}

export type Calculator = (input: CalculationInput) => Tariff;
