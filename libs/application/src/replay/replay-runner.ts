import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { requireRulesVersion } from '@ij/ledger';
import { runReplay, type ReplayProgress } from '@ij/replay';
import { ReplayAlreadyRunning } from '../infrastructure/application-errors';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import type { HeldLease } from '../infrastructure/work-leases';
import { failAbandonedReplays, takeReplayLease } from './replay-lease';
import { REPLAY_STORAGE, REPLAY_WORKERS } from '../infrastructure/tokens';
import type { ReplayStorage } from './replay-storage';

/** How often a running replay writes its progress (processed/total) for GET /v1/replays/{id}. */
const PROGRESS_INTERVAL_MS = 250;

export interface StartReplay {
  replayId: string;
  rulesVersion: string;
  through: string;
  requestedBy: string;
}

/**
 * Runs replays in the background of the API process and keeps their status and rows in the read models'
 * database, so GET answers after a restart and from any process. A replay writes nothing to the ledger.
 * One replay runs at a time per store: its runner holds the store's replay lease (replay-lease.ts) while it
 * runs, so a process that dies leaves a lease that lapses, and its replay is then marked `failed`.
 */
@Injectable()
export class ReplayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Replay');
  private readonly running = new Map<string, { stop: AbortController; done: Promise<void>; progress: ReplayProgress }>();
  /** The next look for abandoned replays, while another process holds the lease at start-up. */
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(REPLAY_STORAGE) private readonly storage: ReplayStorage,
    @Inject(REPLAY_WORKERS) private readonly workers: number | undefined,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly ledger: PolicyholderLedger,
  ) {}

  /** The replay this process runs or is starting, reserved before any await so that two starts cannot both pass. */
  private reserved: string | undefined;

  /**
   * Records the replay as running and returns at once; the replay goes on in the background. One replay at a
   * time per store (issue 21: 20 parallel replays took 51 threads and 3.1 GB), whichever process runs it:
   * another one is refused with 429 `replay-already-running` (not kept as the key's answer: the same request
   * may be sent again once it ends). The same replay running in another process is not started twice.
   */
  async start(request: StartReplay): Promise<void> {
    requireRulesVersion(request.rulesVersion);
    if (this.running.has(request.replayId) || this.reserved === request.replayId) return;
    if (this.reserved !== undefined || this.running.size > 0) {
      const runningReplayId = this.reserved ?? [...this.running.keys()][0];
      throw new ReplayAlreadyRunning(runningReplayId);
    }
    this.reserved = request.replayId;
    try {
      const taken = await takeReplayLease(this.storage, request.replayId, () => this.clock.now(), { onLost: () => this.running.get(request.replayId)?.stop.abort() });
      if (!taken.held) {
        if (taken.runningReplayId === request.replayId) return;
        throw new ReplayAlreadyRunning(taken.runningReplayId);
      }
      try {
        await this.begin(request, taken.held);
      } catch (error) {
        await taken.held.release();
        throw error;
      }
    } finally {
      this.reserved = undefined;
    }
  }

  /** On start-up, marks `failed` the replays a process that died left `running` (now, or once its lease lapsed). */
  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandoned();
  }

  private async failAbandoned(): Promise<void> {
    this.sweepTimer = undefined;
    if (this.stopped) return;
    try {
      const held = await failAbandonedReplays(this.storage, this.clock.now());
      // Held elsewhere: by a live process (which did this when it started) or by one that died; look again once it lapsed.
      if (held) this.sweepTimer = setTimeout(() => void this.failAbandoned(), Math.max(0, held.heldUntil - Date.now()) + 50).unref();
    } catch (error) {
      this.logger.error(`Could not mark abandoned replays failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async begin(request: StartReplay, lease: HeldLease): Promise<void> {
    const currentVersion = await this.ledger.activeRulesVersion();
    const checkpoint = await this.storage.source.checkpoint();
    await this.storage.store.start({
      replayId: request.replayId,
      rulesVersion: request.rulesVersion,
      currentRulesVersion: currentVersion,
      through: request.through,
      checkpoint: checkpoint.toString(),
      requestedBy: request.requestedBy,
      requestedAt: this.clock.now(),
    });
    const stop = new AbortController();
    const progress: ReplayProgress = { processed: 0, total: 0 };
    // The lease is let go before the replay leaves `running`: a next start in this process (same owner) cannot
    // take it and then lose it to this release.
    const done = this.run(request, currentVersion, stop.signal, progress)
      .finally(() => lease.release().catch((error: unknown) => this.logger.error(error)))
      .finally(() => this.running.delete(request.replayId));
    this.running.set(request.replayId, { stop, done, progress });
  }

  /** The replays running in this process and how far each has gone (metrics). */
  activeReplays(): Array<{ replayId: string } & ReplayProgress> {
    return [...this.running].map(([replayId, { progress }]) => ({ replayId, processed: progress.processed, total: progress.total }));
  }

  /** Stops running replays (they end `failed`) before the storage closes. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    for (const { stop } of this.running.values()) stop.abort();
    await Promise.all([...this.running.values()].map(({ done }) => done));
  }

  private async run(request: StartReplay, currentVersion: string, signal: AbortSignal, progress: ReplayProgress): Promise<void> {
    const { store } = this.storage;
    let lastWrite = 0;
    let progressWrite = Promise.resolve();
    const onProgress = ({ processed, total }: ReplayProgress) => {
      Object.assign(progress, { processed, total });
      const now = performance.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      progressWrite = progressWrite.then(() => store.progress(request.replayId, processed, total)).catch(() => undefined);
    };
    try {
      await new Promise((resolve) => setImmediate(resolve));
      const result = await runReplay(
        { currentVersion, replayedVersion: request.rulesVersion, through: request.through },
        { source: this.storage.source, workerSource: this.storage.workerSource, workers: this.workers, onProgress, signal },
      );
      await progressWrite;
      await store.finish(request.replayId, { ...result, finishedAt: this.clock.now() }, result.rows);
      this.logger.log(`Replay ${request.replayId} of ${request.rulesVersion} through ${request.through}: ${result.processed} policyholders, ${result.affected} affected`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Replay ${request.replayId} failed: ${reason}`);
      await progressWrite;
      await store.fail(request.replayId, reason, this.clock.now()).catch((failure: unknown) => this.logger.error(failure));
    }
  }
}
