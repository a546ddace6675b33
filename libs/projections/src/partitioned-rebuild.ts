import { setTimeout as sleep } from 'node:timers/promises';
import type { PoolClient } from 'pg';
import type { RebuildResult } from './read-model-store.port';

/** The `kind` of a rebuild job in work_jobs (replays are 'replay'). */
export const REBUILD_JOB_KIND = 'rebuild';

/** What a rebuild job records in work_jobs.request_json: the log position every partition folds up to. */
export interface RebuildJobRequest {
  head: string;
}

export interface ClaimedRebuildPartition {
  jobId: string;
  partition: number;
  partitionCount: number;
  attempt: number;
}

/**
 * The rows processes coordinate through: PostgresWorkPartitions (libs/replay, which depends on this
 * library, not the reverse) is one. `completeWith` runs the partition's writes and its done mark in one
 * transaction; `mergeWhenDone` runs the last step under the job row's lock, once.
 */
export interface RebuildCoordinator {
  claim(jobId: string, owner: string, staleAfterSeconds: number): Promise<ClaimedRebuildPartition | undefined>;
  heartbeat(claimed: ClaimedRebuildPartition, owner: string): Promise<boolean>;
  completeWith(claimed: ClaimedRebuildPartition, owner: string, work: (client: PoolClient) => Promise<unknown>): Promise<boolean>;
  mergeWhenDone(jobId: string, merge: (results: unknown[], client: PoolClient) => Promise<unknown>): Promise<'merged' | 'already-merged' | 'not-ready'>;
}

export interface PartitionFold {
  partition: number;
  partitions: number;
  /** Fold the log up to this position (the job's). */
  head: bigint;
  pageSize?: number;
  /** Aborted when another process took the partition over: stop (the transaction rolls back). */
  signal?: AbortSignal;
}

export interface PartitionFoldResult {
  eventsFolded: number;
  policyholders: number;
  stoppages: number;
}

/** One job's shadow read models (PostgresRebuildTables). */
export interface RebuildTables {
  prepare(): Promise<void>;
  foldPartition(client: PoolClient, job: PartitionFold): Promise<PartitionFoldResult>;
  swapIn(client: PoolClient, head: bigint): Promise<void>;
  dropLeftovers(): Promise<void>;
}

export interface PartitionedRebuildEvent {
  type: 'claimed' | 'done' | 'taken-over' | 'merged' | 'waiting';
  partition?: number;
  attempt?: number;
}

export interface PartitionedRebuildOptions {
  coordinator: RebuildCoordinator;
  tables: RebuildTables;
  /** The job's head (its request's), not the log's current one. */
  head: bigint;
  /** This process, as recorded in `owner` (host:pid). */
  owner: string;
  /** A running partition whose heartbeat is older than this is taken over (its owner died). */
  staleAfterSeconds: number;
  heartbeatMs?: number;
  /** How long a process with nothing to claim waits before looking again. */
  idlePollMs?: number;
  /** Events read per page. */
  pageSize?: number;
  onEvent?(event: PartitionedRebuildEvent): void;
}

/**
 * One process's share of a rebuild partitioned by policyholder hash (the job and its partition rows
 * exist already). Claims partitions until none is left; for each, folds the log up to the job's head for
 * that partition's policyholders only, writing their documents into the job's shadow tables in the same
 * transaction that marks the partition done: a process that dies mid-partition leaves nothing of it, and
 * whoever takes the partition over (after `staleAfterSeconds` without a heartbeat) redoes it whole. When
 * every partition is done, the first process to lock the job row swaps the shadow tables in and sets the
 * checkpoint to the head, in one transaction. Returns when the job is merged, by this process or another,
 * with the merged figures when this process merged.
 */
export async function runPartitionedRebuild(
  jobId: string,
  options: PartitionedRebuildOptions,
): Promise<{ outcome: 'merged' | 'already-merged'; result?: RebuildResult }> {
  await options.tables.prepare();
  for (;;) {
    const claimed = await options.coordinator.claim(jobId, options.owner, options.staleAfterSeconds);
    if (claimed) {
      options.onEvent?.({ type: 'claimed', partition: claimed.partition, attempt: claimed.attempt });
      const done = await foldClaimed(claimed, options);
      options.onEvent?.({ type: done ? 'done' : 'taken-over', partition: claimed.partition });
      continue;
    }
    let result: RebuildResult | undefined;
    const outcome = await options.coordinator.mergeWhenDone(jobId, async (results, client) => {
      await options.tables.swapIn(client, options.head);
      const folded = results as PartitionFoldResult[];
      const sum = (pick: (partition: PartitionFoldResult) => number) => folded.reduce((total, partition) => total + pick(partition), 0);
      result = { checkpoint: options.head, eventsFolded: sum((p) => p.eventsFolded), policyholders: sum((p) => p.policyholders), stoppages: sum((p) => p.stoppages) };
      return { ...result, checkpoint: String(options.head) };
    });
    if (outcome === 'merged') {
      options.onEvent?.({ type: 'merged' });
      return { outcome, result };
    }
    if (outcome === 'already-merged') {
      // This process may have prepared the shadow tables again after the swap: they are not used any more.
      await options.tables.dropLeftovers();
      return { outcome };
    }
    options.onEvent?.({ type: 'waiting' });
    await sleep(options.idlePollMs ?? 500);
  }
}

/** Folds the partition and commits it with its done mark while beating; false when another process took it over. */
async function foldClaimed(claimed: ClaimedRebuildPartition, options: PartitionedRebuildOptions): Promise<boolean> {
  const lost = new AbortController();
  const timer = setInterval(() => {
    options.coordinator.heartbeat(claimed, options.owner).then(
      (owned) => owned || lost.abort(),
      () => undefined, // a missed beat is not a lost partition; the next one may pass
    );
  }, options.heartbeatMs ?? 1_000);
  try {
    return await options.coordinator.completeWith(claimed, options.owner, (client) =>
      options.tables.foldPartition(client, {
        partition: claimed.partition,
        partitions: claimed.partitionCount,
        head: options.head,
        pageSize: options.pageSize,
        signal: lost.signal,
      }),
    );
  } catch (error) {
    if (lost.signal.aborted) return false;
    throw error;
  } finally {
    clearInterval(timer);
  }
}
