import type { EventStore, RecordedEvent, Subscription } from '@ij/event-store';
import type { ReadModelStore } from './read-model-store.port';

export interface ProjectorOptions {
  /** Events read and committed per transaction. */
  batchSize?: number;
  /** How often the log is polled for events appended by other processes. */
  pollIntervalMs?: number;
  /** Called with a failure of a background catch-up (the next poll tries again). */
  onError?: (error: unknown) => void;
  /** Checked before each page: false stops applying at once (a projector that lost its lease). */
  shouldContinue?: () => boolean;
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
      if (this.options.shouldContinue?.() === false) return;
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

export interface SubscriptionProjectorOptions {
  /** Events committed per transaction at most. */
  batchSize?: number;
  /** A partial batch is committed after this long without a full one (live traffic). */
  flushIntervalMs?: number;
  /** How long to wait before subscribing again after the subscription failed. */
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
  /** Checked before each commit: false drops what is buffered and stops applying. */
  shouldContinue?: () => boolean;
}

/**
 * The projector on a catch-up subscription (EventStoreDB's $all, filtered of system events, or any store's
 * `subscribe`): events arrive one by one from the stored checkpoint and are committed in batches with the
 * checkpoint (one transaction each). When the stored checkpoint is not where this subscription stands — a
 * rebuild reset it, or another projector moved it — the subscription is dropped and opened again from the
 * stored checkpoint, so nothing is skipped and nothing applied twice.
 */
export class SubscriptionProjector {
  private subscription: Subscription | undefined;
  private buffer: RecordedEvent[] = [];
  /** The stored checkpoint this subscription continues from. */
  private committed = 0n;
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private resubscribing = false;
  private stopped = true;
  private readonly batchSize: number;

  constructor(
    private readonly events: EventStore,
    private readonly models: ReadModelStore,
    private readonly options: SubscriptionProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1_000;
  }

  get checkpoint(): bigint {
    return this.committed;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.subscribeFromStoredCheckpoint();
    this.timer = setInterval(() => {
      if (this.buffer.length > 0) void this.flush().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.flushIntervalMs ?? 50);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.flushing.catch(() => undefined);
    this.buffer = [];
  }

  private async subscribeFromStoredCheckpoint(): Promise<void> {
    this.buffer = [];
    this.committed = await this.models.checkpoint();
    const subscription = this.events.subscribe(this.committed, (event) => this.onEvent(event));
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.stopped || this.subscription !== subscription) return;
        this.options.onError?.(error);
        setTimeout(() => void this.resubscribe(), this.options.retryDelayMs ?? 1_000).unref();
      },
    );
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (this.stopped || this.resubscribing) return;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  /** Commits the buffer; batches are committed one after the other, in order. */
  private flush(): Promise<void> {
    const next = this.flushing.catch(() => undefined).then(() => this.commitBuffer());
    this.flushing = next;
    return next;
  }

  private async commitBuffer(): Promise<void> {
    if (this.buffer.length === 0 || this.stopped || this.resubscribing) return;
    if (this.options.shouldContinue?.() === false) {
      this.buffer = [];
      return;
    }
    const complete = completeAppends(this.buffer);
    if (complete === 0) return;
    const batch = this.buffer.slice(0, complete);
    this.buffer = this.buffer.slice(complete);
    const stored = await this.models.applyBatch(this.committed, batch);
    if (stored === batch[batch.length - 1].position) {
      this.committed = stored;
      return;
    }
    // Not where this subscription stands: start again from the stored checkpoint (outside the handler,
    // which the subscription awaits).
    this.resubscribing = true;
    setImmediate(() => void this.resubscribe());
  }

  private async resubscribe(): Promise<void> {
    if (this.stopped) return;
    const previous = this.subscription;
    this.subscription = undefined;
    await previous?.stop().catch(() => undefined);
    this.resubscribing = false;
    if (this.stopped) return;
    try {
      await this.subscribeFromStoredCheckpoint();
    } catch (error) {
      this.options.onError?.(error);
      setTimeout(() => void this.resubscribe(), this.options.retryDelayMs ?? 1_000).unref();
    }
  }
}

/**
 * How many events of `events` can be committed: all of them, unless the last ones are the beginning of an
 * append whose events share one position (EventStoreDB). Committing those alone would move the checkpoint
 * to that position, and the rest of the append, at the same position, would then be skipped as applied.
 */
export function completeAppends(events: readonly RecordedEvent[]): number {
  const last = events[events.length - 1];
  if (!last?.append || last.append.index === last.append.size - 1) return events.length;
  let end = events.length;
  while (end > 0 && events[end - 1].position === last.position) end--;
  return end;
}
