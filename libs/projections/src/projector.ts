import type { EventStore } from '@ij/event-store';
import type { ReadModelStore } from './read-model-store.port';

export interface ProjectorOptions {
  /** Events read and committed per transaction. */
  batchSize?: number;
  /** How often the log is polled for events appended by other processes. */
  pollIntervalMs?: number;
  /** Called with a failure of a background catch-up (the next poll tries again). */
  onError?: (error: unknown) => void;
}

/**
 * The checkpointed catch-up: reads the global log after the models' checkpoint, page by page, and lets the
 * store fold each page and move the checkpoint in one transaction. `waitFor` is the read-your-writes hook
 * of the command runner: it catches up at once instead of waiting for the next poll.
 */
export class Projector {
  private position = 0n;
  private running: Promise<void> | undefined;
  private runAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly events: EventStore,
    private readonly models: ReadModelStore,
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** The position the models are known to include. */
  get checkpoint(): bigint {
    return this.position;
  }

  /** Catches up, then keeps polling in the background until `stop`. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.catchUp();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Resolves once the models include the event at `position` (rejects if projecting fails). */
  async waitFor(position: bigint): Promise<void> {
    while (this.position < position) {
      const before = this.position;
      await this.catchUp();
      if (this.position === before && this.position < position) {
        throw new Error(`The log has no event at position ${position} after the projector's checkpoint ${this.position}`);
      }
    }
  }

  /**
   * Projects everything committed before the call. Concurrent callers share one run; a call made during a
   * run makes it read the log once more, so an append committed just before the call is never missed.
   */
  catchUp(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return this.running;
    }
    const run = (async () => {
      try {
        do {
          this.runAgain = false;
          await this.drain();
        } while (this.runAgain);
      } finally {
        this.running = undefined;
      }
    })();
    this.running = run;
    return run;
  }

  private async drain(): Promise<void> {
    this.position = await this.models.checkpoint();
    for (;;) {
      const readFrom = this.position;
      const page = await this.events.readAll({ fromPosition: readFrom, limit: this.batchSize });
      if (page.length === 0) return;
      this.position = await this.models.applyBatch(readFrom, page);
      if (page.length < this.batchSize && this.position >= page[page.length - 1].position) return;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.catchUp()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedule());
    }, this.pollIntervalMs);
    this.timer.unref();
  }
}
