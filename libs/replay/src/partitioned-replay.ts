import { setTimeout as sleep } from 'node:timers/promises';
import type { PolicyholderSource } from './policyholder-source';
import type { ClaimedPartition, PostgresWorkPartitions } from './postgres/work-partitions';
import { replayPartition, type PartitionResult } from './replay-partition';
import { resolveVersions } from './resolve-versions';
import { mergePartitions, type ReplayRequest, type ReplayResult } from './run-replay';

export const REPLAY_JOB_KIND = 'replay';

export interface PartitionedReplayEvent {
  type: 'claimed' | 'done' | 'taken-over' | 'merged' | 'waiting';
  partition?: number;
  attempt?: number;
}

export interface PartitionedReplayOptions {
  work: PostgresWorkPartitions;
  source: PolicyholderSource;
  /** This process, as recorded in `owner` (host:pid). */
  owner: string;
  /** A running partition whose heartbeat is older than this is taken over (its owner died). */
  staleAfterSeconds: number;
  heartbeatMs?: number;
  /** How long a process with nothing to claim waits before looking again. */
  idlePollMs?: number;
  pageSize?: number;
  /** The coordinator's last step, run once by the process that merges: store the merged result. */
  finish(result: ReplayResult): Promise<void>;
  onEvent?(event: PartitionedReplayEvent): void;
}

/**
 * One process's share of a partitioned replay (the job and its partition rows exist already): claims
 * partitions until none is left, replaying the policyholders whose hash falls in each, then — when every
 * partition is done — the first process to lock the job row merges the results. A process that crashes
 * leaves its partition `running` with an old heartbeat: another one claims it after `staleAfterSeconds`
 * and replays it from the start (a partition's result is stored whole, so nothing is counted twice).
 * Returns when the job is merged, by this process or another.
 */
export async function runPartitionedReplay(jobId: string, request: ReplayRequest, options: PartitionedReplayOptions): Promise<'merged' | 'already-merged'> {
  const versions = resolveVersions(request.currentVersion, request.replayedVersion);
  for (;;) {
    const claimed = await options.work.claim(jobId, options.owner, options.staleAfterSeconds);
    if (claimed) {
      options.onEvent?.({ type: 'claimed', partition: claimed.partition, attempt: claimed.attempt });
      const result = await replayClaimed(claimed, options, (job) => replayPartition(options.source, { ...job, versions, through: request.through }));
      if (result && (await options.work.complete(claimed, options.owner, result))) options.onEvent?.({ type: 'done', partition: claimed.partition });
      else options.onEvent?.({ type: 'taken-over', partition: claimed.partition });
      continue;
    }
    const outcome = await options.work.mergeWhenDone(jobId, async (results) => {
      const merged = mergePartitions(results as PartitionResult[], await options.source.count(), results.length);
      await options.finish(merged);
      const { rows, ...summary } = merged;
      return { ...summary, rows: rows.length };
    });
    if (outcome !== 'not-ready') {
      if (outcome === 'merged') options.onEvent?.({ type: 'merged' });
      return outcome;
    }
    options.onEvent?.({ type: 'waiting' });
    await sleep(options.idlePollMs ?? 500);
  }
}

/** Runs the partition while beating; undefined when another process took it over meanwhile. */
async function replayClaimed(
  claimed: ClaimedPartition,
  options: PartitionedReplayOptions,
  replay: (job: { partition: number; partitions: number; pageSize?: number; signal: AbortSignal }) => Promise<PartitionResult>,
): Promise<PartitionResult | undefined> {
  const lost = new AbortController();
  const timer = setInterval(() => {
    options.work.heartbeat(claimed, options.owner).then(
      (owned) => owned || lost.abort(),
      () => undefined, // a missed beat is not a lost partition; the next one may pass
    );
  }, options.heartbeatMs ?? 1_000);
  try {
    return await replay({ partition: claimed.partition, partitions: claimed.partitionCount, pageSize: options.pageSize, signal: lost.signal });
  } catch (error) {
    if (lost.signal.aborted) return undefined;
    throw error;
  } finally {
    clearInterval(timer);
  }
}
