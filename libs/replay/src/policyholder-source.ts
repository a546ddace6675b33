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
  /**
   * The id at each 0-based index of the id order (null past the last one): where the policyholders are cut
   * into contiguous shares (policyholderRanges).
   */
  idsAt(indexes: number[]): Promise<Array<string | null>>;
  close(): Promise<void>;
}

/** A contiguous share of the id order: the ids after `afterId` (null: from the first), through `throughId` (null: to the last). */
export interface PolicyholderRange {
  afterId: string | null;
  throughId: string | null;
}

/**
 * The id order cut into `parts` contiguous shares of (nearly) equal size, so that each worker reads only its
 * own part of the read models. '' ends an empty share: every id sorts after it.
 */
export async function policyholderRanges(source: PolicyholderSource, parts: number): Promise<PolicyholderRange[]> {
  const total = await source.count();
  // The last index of share k is floor(total × (k + 1) / parts) − 1; the last share runs to the end.
  const lastIndexes = Array.from({ length: parts - 1 }, (_, share) => Math.floor((total * (share + 1)) / parts) - 1);
  const ids = await source.idsAt(lastIndexes.filter((index) => index >= 0));
  const ends = lastIndexes.map((index) => (index >= 0 ? ids.shift() ?? '' : ''));
  return Array.from({ length: parts }, (_, share) => ({ afterId: share === 0 ? null : ends[share - 1], throughId: share === parts - 1 ? null : ends[share] }));
}

/** A source over states held in memory (tests, tools). */
export function inMemoryPolicyholderSource(states: Iterable<PolicyholderRecord>, checkpoint = 0n): PolicyholderSource {
  const sorted = [...states].sort((left, right) => (left.policyholderId < right.policyholderId ? -1 : left.policyholderId > right.policyholderId ? 1 : 0));
  return {
    count: async () => sorted.length,
    checkpoint: async () => checkpoint,
    idsAt: async (indexes) => indexes.map((index) => sorted[index]?.policyholderId ?? null),
    page: async (afterId, limit, keep) => {
      const page = sorted.filter((record) => afterId === null || record.policyholderId > afterId).slice(0, limit);
      return { records: page.filter((record) => keep(record.policyholderId)), lastId: page.at(-1)?.policyholderId ?? null };
    },
    close: async () => undefined,
  };
}
