import { foldEvents, type PolicyholderEvent } from '@ij/ledger';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { stateFields } from '../model/policyholder-document';

/** A read-model document folded from events, as the projector would store it. */
export function documentOf(policyholderId: string, history: PolicyholderEvent[], extra: Partial<PolicyholderDocument> = {}): PolicyholderDocument {
  return { policyholderId, advancesRegularized: {}, lastPosition: 0n, ...stateFields(foldEvents(history)), ...extra };
}
