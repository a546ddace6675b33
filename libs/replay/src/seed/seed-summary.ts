import type { StoppageKind } from '@ij/rules';

export interface SeedSummary {
  scenario: string;
  seed: number;
  /** The rules version the scenario activated and decided everything with. */
  rulesVersion: string;
  policyholders: number;
  stoppages: number;
  /** Events appended by this run (the rules activation and stoppage-id reservations included). */
  events: number;
  byKind: Record<StoppageKind, number>;
  advances: number;
  regularizations: number;
  certificates: number;
  extensions: number;
  /** Stoppages opened with `prolongationOf`. */
  prolongations: number;
  earlyEnds: number;
  recoveries: number;
  /** Late facts (api.md "Late facts"): sickness stoppages recognised as occupational, and stoppages annulled. */
  requalifications: number;
  annulments: number;
  /** Chains that started before 2025-04-01 and ran past it (Décret 2025-160). */
  straddling: number;
  /** Stoppages left with an advance issued after their last regularization. */
  advancesNotRegularized: number;
  elapsedMs: number;
}

export interface SeedProgress {
  done: number;
  total: number;
}
