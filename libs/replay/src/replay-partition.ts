import { partitionOf } from './partition';
import type { PolicyholderRange, PolicyholderSource } from './policyholder-source';
import { isNoteworthy, replayPolicyholder, type ReplayRow, type ReplayVersions } from './replay-row';

export const DEFAULT_PAGE_SIZE = 2_000;

export interface PartitionJob {
  versions: ReplayVersions;
  through: string;
  /** This share, 0 ≤ partition < partitions. */
  partition: number;
  partitions: number;
  /** When given, the share is this contiguous range of ids, not the ids whose hash falls in `partition`. */
  range?: PolicyholderRange;
  pageSize?: number;
  /** Called after each page with the policyholders of this share processed so far. */
  onProgress?: (processed: number) => void;
  /** Checked between pages: a stopped replay ends with an error. */
  signal?: AbortSignal;
}

export interface PartitionResult {
  /** Policyholders of this share replayed. */
  processed: number;
  /** The noteworthy rows (deltaCents ≠ 0 or settlementCents ≠ 0), in (policyholderId, stoppageId) order. */
  rows: ReplayRow[];
}

/**
 * Replays one share: pages in id order through its range (reading no other), or through every policyholder
 * replaying those whose hash falls in the share. The same function runs in a worker thread and in-process,
 * so the result cannot depend on where.
 */
export async function replayPartition(source: PolicyholderSource, job: PartitionJob): Promise<PartitionResult> {
  const throughId = job.range?.throughId ?? null;
  const keep = job.range
    ? (policyholderId: string) => throughId === null || policyholderId <= throughId
    : (policyholderId: string) => partitionOf(policyholderId, job.partitions) === job.partition;
  const rows: ReplayRow[] = [];
  let processed = 0;
  let afterId: string | null = job.range?.afterId ?? null;
  for (;;) {
    if (job.signal?.aborted) throw new Error('The replay was stopped');
    const page = await source.page(afterId, job.pageSize ?? DEFAULT_PAGE_SIZE, keep);
    if (page.lastId === null) break;
    for (const { policyholderId, state } of page.records) {
      for (const row of replayPolicyholder(policyholderId, state, job.versions, job.through)) {
        if (isNoteworthy(row)) rows.push(row);
      }
    }
    processed += page.records.length;
    afterId = page.lastId;
    job.onProgress?.(processed);
    if (throughId !== null && afterId >= throughId) break;
  }
  return { processed, rows };
}
