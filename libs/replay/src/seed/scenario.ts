/**
 * The scenarios' calendars. Arpège is the pilot region: the defective rules release 2026.1 was active for
 * the whole pilot, stoppages run from January 2025 to October 2026, and the scenario ends on its "today",
 * 2026-10-31 — the day before the lead's story starts (backlog, activate 2026.2, replay, apply, audit).
 */
export type ScenarioName = 'arpege' | 'basic';

export const SCENARIO_NAMES: readonly ScenarioName[] = ['arpege', 'basic'];

export interface Scenario {
  name: ScenarioName;
  /** Mixed into every id the scenario draws, so that two scenarios never share one. */
  code: number;
  /** Activated on the `rules` stream first, and used for every decision of the scenario. */
  rulesVersion: string;
  /** The business date of that activation: the first day of the pilot. */
  activatedOn: string;
  /** The scenario's "today" at the end: no business date and no stoppage day after it. */
  today: string;
  /** The earliest stoppage start. */
  firstStartDate: string;
  /** Out of every 20 policyholders, how many belong to each cohort (the rest are the general population). */
  cohortsPerTwenty: { affectedStraddlers: number; otherStraddlers: number; pendingAdvances: number; corrections: number };
}

export const ARPEGE: Scenario = {
  name: 'arpege',
  code: 1,
  rulesVersion: '2026.1',
  activatedOn: '2025-01-02',
  today: '2026-10-31',
  firstStartDate: '2025-01-06',
  // One in 20 lives a history the corrections of rules 2026.3 change (corrections-cohort.ts).
  cohortsPerTwenty: { affectedStraddlers: 2, otherStraddlers: 1, pendingAdvances: 3, corrections: 1 },
};

/** A plain population under the current rules: no planted defect, nothing left pending on purpose. */
export const BASIC: Scenario = {
  name: 'basic',
  code: 2,
  rulesVersion: '2026.2',
  activatedOn: '2025-01-02',
  today: '2026-10-31',
  firstStartDate: '2025-01-06',
  cohortsPerTwenty: { affectedStraddlers: 0, otherStraddlers: 0, pendingAdvances: 0, corrections: 0 },
};

export function scenarioNamed(name: ScenarioName): Scenario {
  return name === 'basic' ? BASIC : ARPEGE;
}

/** Décret 2025-160: the sickness salary cap drops from 1.8 to 1.4 × SMIC for stoppages starting from this day. */
export const CAP_CHANGE_DATE = '2025-04-01';

/**
 * The next change of the published sickness maximum (41.47 € → 41.95 €). Rules 2026.1 also applies it by paid
 * day, which would OVERpay a chain crossing it; the scenario keeps sickness chains off it so that the 2026.2
 * fix only ever finds underpayments (a later overpayment would stay in the backlog until recovered).
 */
export const NEXT_SICKNESS_MAXIMUM_CHANGE = '2026-02-01';
