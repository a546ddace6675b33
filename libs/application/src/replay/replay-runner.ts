import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { requireRulesVersion } from '@ij/ledger';
import { runReplay, type ReplayProgress } from '@ij/replay';
import { ReplayAlreadyRunning } from '../infrastructure/application-errors';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import type { ReplayStorage } from './replay-storage';
import { REPLAY_STORAGE, REPLAY_WORKERS } from '../infrastructure/tokens';


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
 */
@Injectable()
export class ReplayRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('Replay');
  private readonly running = new Map<string, { stop: AbortController; done: Promise<void>; progress: ReplayProgress }>();

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
   * time (issue 21: 20 parallel replays took 51 threads and 3.1 GB): another one is refused with 429
   * `replay-already-running` (not kept as the key's answer: the same request may be sent again once it ends).
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
      await this.begin(request);
    } finally {
      this.reserved = undefined;
    }
  }

  private async begin(request: StartReplay): Promise<void> {
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
    const done = this.run(request, currentVersion, stop.signal, progress).finally(() => this.running.delete(request.replayId));
    this.running.set(request.replayId, { stop, done, progress });
  }

  /** The replays running in this process and how far each has gone (metrics). */
  activeReplays(): Array<{ replayId: string } & ReplayProgress> {
    return [...this.running].map(([replayId, { progress }]) => ({ replayId, processed: progress.processed, total: progress.total }));
  }

  /** Stops running replays (they end `failed`) before the storage closes. */
  async onApplicationShutdown(): Promise<void> {
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
