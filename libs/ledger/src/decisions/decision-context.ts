import type { RulesVersion } from '@ij/rules';

/** What a decision may not find for itself: the active rules version and the date (no clock in the domain). */
export interface DecisionContext {
  rules: RulesVersion;
  /** 'YYYY-MM-DD', the business date of the command. */
  today: string;
}
