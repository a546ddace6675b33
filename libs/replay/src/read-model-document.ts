import type { PolicyholderState } from '@ij/ledger';
import { deserializeDocument, toPolicyholderState } from '@ij/projections/documents';

/**
 * The state of one rm_policyholders row. The replay reads the rows itself (a worker's read-only connection
 * cannot open a ReadModelStore, which migrates on open) and parses `state_json` only for its own share,
 * through libs/projections' own (de)serialiser.
 */
export function stateOfRow(policyholderId: string, stateJson: string): PolicyholderState {
  return toPolicyholderState(deserializeDocument(policyholderId, stateJson, 0n));
}
