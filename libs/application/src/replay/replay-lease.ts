import type { ReplayRecord } from '@ij/replay';
import type { HeldLease, TakeOptions } from '../infrastructure/work-leases';
import type { ReplayStorage } from './replay-storage';

/** The lease of the one replay a store runs at a time (API, CLI, `replay --partitions` alike); its item is the replay id. */
export const REPLAY_LEASE = 'replay';

/** Why a replay left `running` by a process that died is `failed`. */
export const ABANDONED_REPLAY_REASON = 'The process running this replay stopped before it ended (no live process holds its lease). Start it again.';

/** The item of the replay lease while a starting process marks abandoned replays failed (no replay runs then). */
export const REPLAY_SWEEP_ITEM = '(marking abandoned replays failed)';

export type TakenReplayLease = { held: HeldLease; runningReplayId?: undefined } | { held?: undefined; runningReplayId: string };

/**
 * Takes the store's replay lease for `replayId`, or answers the replay running elsewhere. Holding it, marks
 * `failed` every other replay still `running`: only the lease's holder runs a replay, so they were abandoned.
 */
export async function takeReplayLease(storage: ReplayStorage, replayId: string, finishedAt: () => string, options: TakeOptions = {}): Promise<TakenReplayLease> {
  for (let attempt = 0; ; attempt++) {
    const taken = await storage.leases.take(REPLAY_LEASE, replayId, options);
    if (taken.held) {
      try {
        await storage.store.failRunning(replayId, ABANDONED_REPLAY_REASON, finishedAt());
      } catch (error) {
        await taken.held.release();
        throw error;
      }
      return { held: taken.held };
    }
    // Another process is only marking abandoned replays failed: that takes a moment, then the lease is free.
    if (taken.heldBy.item !== REPLAY_SWEEP_ITEM || attempt >= 40) return { runningReplayId: taken.heldBy.item };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Marks abandoned replays failed if no process runs a replay now (on start-up). Answers when the lease held
 * by another process lapses, if it does: `undefined` when the sweep was done.
 */
export async function failAbandonedReplays(storage: ReplayStorage, finishedAt: string): Promise<{ heldUntil: number } | undefined> {
  const taken = await storage.leases.take(REPLAY_LEASE, REPLAY_SWEEP_ITEM);
  if (!taken.held) return { heldUntil: taken.heldBy.expiresAt };
  try {
    await storage.store.failRunning(undefined, ABANDONED_REPLAY_REASON, finishedAt);
  } finally {
    await taken.held.release();
  }
  return undefined;
}

/**
 * A replay as GET shows it: one stored `running` that no live lease holds was abandoned by its process, and
 * reads `failed` (it is marked so on the next start of a replay or of a process).
 */
export async function readReplay(storage: ReplayStorage, replayId: string): Promise<ReplayRecord | undefined> {
  const replay = await storage.store.get(replayId);
  if (replay?.status !== 'running') return replay;
  const holder = await storage.leases.holder(REPLAY_LEASE);
  if (holder?.item === replayId) return replay;
  // It may have ended between the two reads (it ends before its lease is let go): read it again.
  const again = await storage.store.get(replayId);
  if (again?.status !== 'running') return again;
  return { ...again, status: 'failed', reason: ABANDONED_REPLAY_REASON };
}
