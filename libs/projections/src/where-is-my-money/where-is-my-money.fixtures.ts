import { foldEvents, type PolicyholderEvent } from '@ij/ledger';
import type { ReadModelStore } from '../read-model-store.port';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { stateFields } from '../model/policyholder-document';

/** A read-model document folded from events, as the projector would store it. */
export function documentOf(policyholderId: string, history: PolicyholderEvent[], extra: Partial<PolicyholderDocument> = {}): PolicyholderDocument {
  return { policyholderId, advancesRegularized: {}, lastPosition: 0n, ...stateFields(foldEvents(history)), ...extra };
}

/** Read models holding these documents, for the reports that page through policyholders. */
export function modelsOf(documents: PolicyholderDocument[]): ReadModelStore {
  const sorted = [...documents].sort((a, b) => (a.policyholderId < b.policyholderId ? -1 : 1));
  const policyholders = async (afterId: string | null, limit: number) => sorted.filter((document) => afterId === null || document.policyholderId > afterId).slice(0, limit);
  return { policyholders } as unknown as ReadModelStore;
}
