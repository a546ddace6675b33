import type { BankAccount, PolicyholderState, StoppageState } from '@ij/ledger';

/**
 * One policyholder as the read models keep it: the folded domain state in a JSON-safe form, plus what the
 * projection remembers about the order of facts that the domain state does not keep.
 */
export interface PolicyholderDocument {
  policyholderId: string;
  /** In opening order, as the domain state's Map. */
  stoppages: StoppageState[];
  /**
   * How many advances each stoppage had when it was last regularized: the advances after that count are
   * not regularized yet (backlog reason ADVANCE_NOT_REGULARIZED). Dates cannot tell: an advance and a
   * regularization recorded the same day would be ambiguous.
   */
  advancesRegularized: Record<string, number>;
  /** The policyholder's bank account (absent until one is recorded). */
  bankAccount?: BankAccount;
  /** Global position of the last event folded into this document. */
  lastPosition: bigint;
}

export function emptyDocument(policyholderId: string): PolicyholderDocument {
  return { policyholderId, stoppages: [], advancesRegularized: {}, lastPosition: 0n };
}

/** The domain's state, for libs/ledger's accounts. */
export function toPolicyholderState(document: PolicyholderDocument): PolicyholderState {
  return {
    policyholderId: document.stoppages.length > 0 ? document.policyholderId : null,
    stoppages: new Map(document.stoppages.map((stoppage) => [stoppage.stoppageId, stoppage])),
    ...(document.bankAccount ? { bankAccount: document.bankAccount } : {}),
  };
}

/** The parts of a document the domain state gives: its stoppages, and its bank account once there is one. */
export function stateFields(state: PolicyholderState): Pick<PolicyholderDocument, 'stoppages' | 'bankAccount'> {
  return { stoppages: [...state.stoppages.values()], ...(state.bankAccount ? { bankAccount: state.bankAccount } : {}) };
}

/** What is stored in `state_json`: the position is a column of its own. */
export function serializeDocument(document: PolicyholderDocument): string {
  const { stoppages, advancesRegularized, bankAccount } = document;
  return JSON.stringify(bankAccount ? { stoppages, advancesRegularized, bankAccount } : { stoppages, advancesRegularized });
}

export function deserializeDocument(policyholderId: string, stateJson: string, lastPosition: bigint): PolicyholderDocument {
  const stored = JSON.parse(stateJson) as Pick<PolicyholderDocument, 'stoppages' | 'advancesRegularized' | 'bankAccount'>;
  return { policyholderId, stoppages: stored.stoppages, advancesRegularized: stored.advancesRegularized, ...(stored.bankAccount ? { bankAccount: stored.bankAccount } : {}), lastPosition };
}
