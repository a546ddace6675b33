import { v5 } from 'uuid';

/** Namespace of replay ids. Fixed forever: `--apply` derives its idempotency keys from the replay id. */
export const REPLAY_ID_NAMESPACE = '6b0f3c1e-2d4a-4e8b-9c57-1a3e5f7d9b20';

/**
 * The id of a replay started from the command line: the same for the same rules versions, date and read-model
 * checkpoint, so re-running `replay --apply` after a crash finds the same regularizations (same keys).
 */
export function replayIdOf(request: { currentVersion: string; replayedVersion: string; through: string }, checkpoint: bigint): string {
  return v5(JSON.stringify([request.currentVersion, request.replayedVersion, request.through, checkpoint.toString()]), REPLAY_ID_NAMESPACE);
}

/** The idempotency key of the Regularize `--apply` issues for one stoppage of a replay. */
export function regularizationKeyOf(replayId: string, stoppageId: string): string {
  return `replay:${replayId}:${stoppageId}`;
}

/**
 * The id of a replay partitioned across processes (`replay --partitions N`): the processes started with the
 * same options on the same log agree on it, and so share one job.
 */
export function partitionedReplayIdOf(request: { currentVersion: string; replayedVersion: string; through: string }, checkpoint: bigint, partitions: number): string {
  return v5(JSON.stringify([request.currentVersion, request.replayedVersion, request.through, checkpoint.toString(), `partitions:${partitions}`]), REPLAY_ID_NAMESPACE);
}
