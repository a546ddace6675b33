import type { LedgerEvent } from './ledger-event';

/** Which rules version is active is one global fact, kept on its own stream. */
export const RULES_STREAM = 'rules';

export type RulesVersionActivated = LedgerEvent<'RulesVersionActivated', 1, {
  version: string;
  previousVersion: string | null;
  activatedOn: string;
}>;
