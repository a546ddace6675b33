import type { Database } from 'better-sqlite3';

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
 * The transactions of one database, shared by every group-commit queue writing to it (the event store's appends,
 * the idempotency records): each drain writes the batches of all of them in ONE transaction, each queue's inside
 * its own savepoint, so the requests of a command's successive steps that are pending together cost one fsync
 * (synchronous=FULL), not one per queue. Nothing is settled before that transaction's COMMIT. Every queue's
 * writeBatch must be a better-sqlite3 transaction: when a drain holds one queue's batch only, it runs alone.
 */
export class SharedCommit {
  private readonly queues = new Set<GroupCommitQueue<never, unknown>>();
  private drainScheduled = false;
  private readonly inTransaction: (write: () => void) => void;

  constructor(database: Database) {
    const outer = database.transaction((write: () => void) => write());
    // IMMEDIATE takes the write lock first; a queue's own transaction inside it is a savepoint.
    this.inTransaction = (write) => outer.immediate(write);
  }

  /** Called by a queue with requests to write: one drain, on setImmediate, for every queue of the database. */
  schedule(queue: GroupCommitQueue<never, unknown>): void {
    this.queues.add(queue);
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.drainScheduled = false;
    const passes = [...this.queues].map((queue) => queue.take());
    this.queues.clear();
    const startedAt = performance.now();
    let failure: { error: unknown } | undefined;
    try {
      // A queue alone (the usual case under load: the appends only) writes its batch as the transaction itself:
      // its writeBatch is a better-sqlite3 transaction, a savepoint only when nested. A savepoint copies each page
      // the batch changes to its sub-journal first (spilled to a temporary file past 64 KiB): for 32 appends,
      // some 70 random index leaves written twice. A pass catches its own failures, COMMIT's included.
      if (passes.length === 1) passes[0].write();
      else this.inTransaction(() => passes.forEach((pass) => pass.write()));
    } catch (error) {
      // BEGIN or COMMIT failed (disk, lock): nothing of any batch was committed.
      failure = { error };
    }
    const durationMs = performance.now() - startedAt;
    for (const pass of passes) pass.settle(durationMs, failure);
  }
}

const sharedCommits = new WeakMap<Database, SharedCommit>();

/** The one SharedCommit of a database connection. */
export function sharedCommitOf(database: Database): SharedCommit {
  let shared = sharedCommits.get(database);
  if (!shared) {
    shared = new SharedCommit(database);
    sharedCommits.set(database, shared);
  }
  return shared;
}

/** One drain's batch of a queue: written inside the transaction, settled after it. */
interface Pass {
  write(): void;
  settle(durationMs: number, failure?: { error: unknown }): void;
}

/**
 * Group commit: requests that arrive while a batch is being written wait for the next batch, and a
 * whole batch is written by one call (one transaction, so one fsync). Durability then costs one fsync
 * per batch instead of one per command. Promises settle only after `writeBatch` returned, i.e. after COMMIT.
 * With a SharedCommit, the batch is written inside the database's shared transaction and settled after its COMMIT.
 */
export class GroupCommitQueue<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private drainScheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly writeBatch: (requests: Request[]) => BatchOutcome<Result>[],
    private readonly observer?: GroupCommitObserver,
    private readonly shared?: SharedCommit,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.drainScheduled) {
        this.drainScheduled = true;
        // setImmediate, not a microtask: callers woken by the previous batch enqueue first, so they share this one.
        if (this.shared) this.shared.schedule(this as unknown as GroupCommitQueue<never, unknown>);
        else setImmediate(() => this.drain());
      }
    });
  }

  /** Resolves once every request submitted so far has settled. */
  whenIdle(): Promise<void> {
    if (!this.drainScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Takes the pending requests as one batch (the shared transaction writes it, then settles it). */
  take(): Pass {
    const batch = this.queue;
    this.queue = [];
    this.drainScheduled = false;
    let outcomes: BatchOutcome<Result>[] = [];
    return {
      write: () => {
        try {
          outcomes = this.writeBatch(batch.map((pending) => pending.request));
        } catch (error) {
          // This batch's transaction (or savepoint) failed: nothing of it was written.
          outcomes = batch.map(() => ({ ok: false, error }));
        }
      },
      settle: (durationMs, failure) => this.settle(batch, failure ? batch.map(() => ({ ok: false, error: failure.error })) : outcomes, durationMs),
    };
  }

  private drain(): void {
    const pass = this.take();
    const startedAt = this.observer ? performance.now() : 0;
    pass.write();
    pass.settle(this.observer ? performance.now() - startedAt : 0);
  }

  private settle(batch: Pending<Request, Result>[], outcomes: BatchOutcome<Result>[], durationMs: number): void {
    try {
      this.observer?.({ size: batch.length, durationMs });
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
