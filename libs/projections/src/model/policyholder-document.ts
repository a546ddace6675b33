import type { PolicyholderState, StoppageState } from '@ij/ledger';

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
  };
}

/** What is stored in `state_json`: the position is a column of its own. */
export function serializeDocument(document: PolicyholderDocument): string {
  return JSON.stringify({ stoppages: document.stoppages, advancesRegularized: document.advancesRegularized });
}

export function deserializeDocument(policyholderId: string, stateJson: string, lastPosition: bigint): PolicyholderDocument {
  const stored = JSON.parse(stateJson) as Pick<PolicyholderDocument, 'stoppages' | 'advancesRegularized'>;
  return { policyholderId, stoppages: stored.stoppages, advancesRegularized: stored.advancesRegularized, lastPosition };
}
