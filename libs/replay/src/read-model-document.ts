import type { PolicyholderState } from '@ij/ledger';
import { toPolicyholderState, type PolicyholderDocument } from '@ij/projections';

/**
 * The state of one rm_policyholders row. The replay reads the rows itself (a worker's read-only connection
 * cannot open a ReadModelStore, which migrates on open) and parses `state_json` only for its own share.
 * The JSON shape is libs/projections' serializeDocument ({ stoppages, advancesRegularized }), not exported.
 */
export function stateOfRow(policyholderId: string, stateJson: string): PolicyholderState {
  const stored = JSON.parse(stateJson) as Pick<PolicyholderDocument, 'stoppages'>;
  return toPolicyholderState({ policyholderId, stoppages: stored.stoppages, advancesRegularized: {}, lastPosition: 0n });
}
