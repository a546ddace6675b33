/** The outcome of one request inside a batch: a failing request does not fail its neighbours. */
export type BatchOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/** What an observer learns of each batch written: how many appends it held and how long its transaction took. */
export interface GroupCommitBatch {
  size: number;
  durationMs: number;
}

/** Told of every batch after its transaction ended (metrics); must not throw and must not block. */
export type GroupCommitObserver = (batch: GroupCommitBatch) => void;

interface Pending<Request, Result> {
  request: Request;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive while a batch is being written wait for the next batch, and a
 * whole batch is written by one call (one transaction, so one fsync). Durability then costs one fsync
 * per batch instead of one per command. Promises settle only after `writeBatch` returned, i.e. after COMMIT.
 */
export class GroupCommitQueue<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private drainScheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly writeBatch: (requests: Request[]) => BatchOutcome<Result>[],
    private readonly observer?: GroupCommitObserver,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.drainScheduled) {
        this.drainScheduled = true;
        // setImmediate, not a microtask: callers woken by the previous batch enqueue first, so they share this one.
        setImmediate(() => this.drain());
      }
    });
  }

  /** Resolves once every request submitted so far has settled. */
  whenIdle(): Promise<void> {
    if (!this.drainScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private drain(): void {
    const batch = this.queue;
    this.queue = [];
    this.drainScheduled = false;
    let outcomes: BatchOutcome<Result>[];
    const startedAt = this.observer ? performance.now() : 0;
    try {
      outcomes = this.writeBatch(batch.map((pending) => pending.request));
    } catch (error) {
      // The transaction itself failed (disk, lock): nothing of the batch was committed.
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    try {
      this.observer?.({ size: batch.length, durationMs: performance.now() - startedAt });
    } catch {
      // an observer's failure must not leave the batch's callers waiting: they are settled below all the same
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    if (!this.drainScheduled) {
      const idle = this.idle;
      this.idle = [];
      for (const resolve of idle) resolve();
    }
  }
}
