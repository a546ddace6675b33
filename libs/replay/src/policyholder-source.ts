import type { PolicyholderState } from '@ij/ledger';

export interface PolicyholderRecord {
  policyholderId: string;
  state: PolicyholderState;
}

export interface PolicyholderPage {
  /** Policyholders kept by `keep`, in id order. */
  records: PolicyholderRecord[];
  /** The last id of the page, kept or not (null when the page is empty: the end). */
  lastId: string | null;
}

/**
 * Every policyholder's folded state, paged in id order. A replay worker passes `keep` (its share) so that
 * the states of the other shares are never parsed. Adapters read the read models (rm_policyholders).
 */
export interface PolicyholderSource {
  count(): Promise<number>;
  /** The read models' checkpoint: the log position the states include. */
  checkpoint(): Promise<bigint>;
  page(afterId: string | null, limit: number, keep: (policyholderId: string) => boolean): Promise<PolicyholderPage>;
  close(): Promise<void>;
}

/** A source over states held in memory (tests, tools). */
export function inMemoryPolicyholderSource(states: Iterable<PolicyholderRecord>, checkpoint = 0n): PolicyholderSource {
  const sorted = [...states].sort((left, right) => (left.policyholderId < right.policyholderId ? -1 : left.policyholderId > right.policyholderId ? 1 : 0));
  return {
    count: async () => sorted.length,
    checkpoint: async () => checkpoint,
    page: async (afterId, limit, keep) => {
      const page = sorted.filter((record) => afterId === null || record.policyholderId > afterId).slice(0, limit);
      return { records: page.filter((record) => keep(record.policyholderId)), lastId: page.at(-1)?.policyholderId ?? null };
    },
    close: async () => undefined,
  };
}
