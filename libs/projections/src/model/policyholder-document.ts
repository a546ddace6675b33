import type { BankAccount, BankAccountHold, PolicyholderState, StoppageState, TransferRecord } from '@ij/ledger';

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
  /** Why the account may not be credited now (unconfirmed change, returned transfer). */
  bankAccountHold?: BankAccountHold;
  /** The transfers and their status (absent in documents written before #17 and when there are none). */
  transfers?: TransferRecord[];
  unusableEmployerAccounts?: Record<string, string>;
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
    ...(document.bankAccountHold ? { bankAccountHold: document.bankAccountHold } : {}),
    ...(document.transfers ? { transfers: document.transfers } : {}),
    ...(document.unusableEmployerAccounts ? { unusableEmployerAccounts: document.unusableEmployerAccounts } : {}),
  };
}

/** The parts of a document the domain state gives: its stoppages, and its bank account once there is one. */
export function stateFields(state: PolicyholderState): Pick<PolicyholderDocument, 'stoppages' | 'bankAccount' | 'bankAccountHold' | 'transfers' | 'unusableEmployerAccounts'> {
  // Every field is given, undefined when the state has none, so that spreading it over a document clears a lifted hold.
  return {
    stoppages: [...state.stoppages.values()],
    bankAccount: state.bankAccount,
    bankAccountHold: state.bankAccountHold,
    transfers: state.transfers && state.transfers.length > 0 ? [...state.transfers] : undefined,
    unusableEmployerAccounts: state.unusableEmployerAccounts && Object.keys(state.unusableEmployerAccounts).length > 0 ? { ...state.unusableEmployerAccounts } : undefined,
  };
}

/** The document's fields that are optional in storage: written only when present, so older rows stay byte-equal. */
const OPTIONAL_FIELDS = ['bankAccount', 'bankAccountHold', 'transfers', 'unusableEmployerAccounts'] as const;

/** What is stored in `state_json`: the position is a column of its own. */
export function serializeDocument(document: PolicyholderDocument): string {
  // Built field by field (no entries arrays): written for every document of a rebuild. Same keys, same order.
  const stored: Record<string, unknown> = { stoppages: document.stoppages, advancesRegularized: document.advancesRegularized };
  for (const field of OPTIONAL_FIELDS) if (document[field] !== undefined) stored[field] = document[field];
  return JSON.stringify(stored);
}

export function deserializeDocument(policyholderId: string, stateJson: string, lastPosition: bigint): PolicyholderDocument {
  const stored = JSON.parse(stateJson) as Omit<PolicyholderDocument, 'policyholderId' | 'lastPosition'>;
  const optional = Object.fromEntries(OPTIONAL_FIELDS.filter((field) => stored[field] !== undefined).map((field) => [field, stored[field]]));
  return { policyholderId, stoppages: stored.stoppages, advancesRegularized: stored.advancesRegularized, ...optional, lastPosition };
}
