import type { StoredEventLocation, StreamHead, EventRow } from '../append-plan';

/** One append planned on a head, waiting for its batch. */
export interface PlannedAppend {
  streamId: string;
  head: StreamHead | undefined;
  rows: EventRow[];
  lastHash: string;
}

/** What the store found for one append under the lock (append_events / append_batch in postgres-schema.ts). */
export type AppendEventsOutcome =
  | { kind: 'written'; nextRevision: number; position: bigint }
  | { kind: 'head'; head: StreamHead | undefined }
  | { kind: 'stored'; stored: StoredEventLocation[] };

export type AppendEventsRow = {
  request?: number;
  kind: 'written' | 'head' | 'event';
  id: string | null;
  stream_id: string | null;
  revision: number | null;
  position: string | null;
  last_hash: string | null;
};

/** The outcome of one append from the rows append_events (or append_batch, for that append) returned. */
export function outcomeOf(rows: AppendEventsRow[]): AppendEventsOutcome {
  const first = rows[0];
  if (first.kind === 'written') return { kind: 'written', nextRevision: first.revision as number, position: BigInt(first.position as string) };
  if (first.kind === 'head') return { kind: 'head', head: first.revision === null ? undefined : { revision: first.revision, lastHash: first.last_hash as string } };
  return {
    kind: 'stored',
    stored: rows.map((row) => ({ id: row.id as string, streamId: row.stream_id as string, revision: row.revision as number, position: BigInt(row.position as string) })),
  };
}

interface Pending {
  append: PlannedAppend;
  resolve: (outcome: AppendEventsOutcome) => void;
  reject: (error: unknown) => void;
}

/** At most this many events in one batch (bind parameters stay small; a huge append goes alone). */
const MAX_BATCH_EVENTS = 5_000;

/**
 * Group commit for PostgreSQL: appends that arrive while a batch is being written wait for the next one,
 * and a batch is one append_batch call, one transaction: one lock hand-over and one commit (one WAL flush)
 * for the whole batch instead of one per append. One batch in flight per process; between processes the
 * append lock inside append_batch still orders batches, so positions stay in commit order (see
 * postgres-event-store.ts). A stream or an event id is in at most one append of a batch (a second one waits
 * for the next batch), which the set-based function relies on. Promises settle after the COMMIT.
 * `writeBatch` answers one outcome per append, or throws when the batch failed as a whole; then each append
 * of it is written alone by `writeOne`, so an append that cannot be written does not fail its neighbours.
 */
export class PostgresAppendBatcher {
  private queue: Pending[] = [];
  private writing = false;
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly writeBatch: (appends: PlannedAppend[]) => Promise<AppendEventsOutcome[]>,
    private readonly writeOne: (append: PlannedAppend) => Promise<AppendEventsOutcome>,
  ) {}

  submit(append: PlannedAppend): Promise<AppendEventsOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every append submitted so far has settled. */
  whenIdle(): Promise<void> {
    if (!this.writing && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: callers woken by the previous batch plan and submit first, so they share this one.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const streams = new Set<string>();
    const ids = new Set<string>();
    let events = 0;
    for (const pending of this.queue) {
      const { streamId, rows } = pending.append;
      const fits = batch.length === 0 || events + rows.length <= MAX_BATCH_EVENTS;
      if (!fits || streams.has(streamId) || rows.some((row) => ids.has(row.id))) {
        rest.push(pending);
        continue;
      }
      batch.push(pending);
      streams.add(streamId);
      for (const row of rows) ids.add(row.id);
      events += rows.length;
    }
    this.queue = rest;
    return batch;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    const batch = this.takeBatch();
    try {
      let outcomes: AppendEventsOutcome[] | undefined;
      try {
        outcomes = batch.length === 1 ? undefined : await this.writeBatch(batch.map((pending) => pending.append));
      } catch {
        // The batch's transaction failed whole (nothing of it committed): each append is tried alone below.
        outcomes = undefined;
      }
      if (outcomes) {
        batch.forEach((pending, index) => pending.resolve(outcomes[index]));
      } else {
        await Promise.all(
          batch.map(async (pending) => {
            try {
              pending.resolve(await this.writeOne(pending.append));
            } catch (error) {
              pending.reject(error);
            }
          }),
        );
      }
    } finally {
      this.writing = false;
      if (this.queue.length > 0) this.schedule();
      else {
        const idle = this.idle;
        this.idle = [];
        for (const resolve of idle) resolve();
      }
    }
  }
}
