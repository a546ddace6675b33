import { inPostgresTransaction } from './in-transaction';
import { Pool, type PoolClient } from 'pg';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent, Subscription } from '../event-store.port';
import { checkAppendShape, duplicateAppend, planAppend, type AppendPlan, type StoredEventLocation, type StreamHead } from '../append-plan';
import { outcomeOf, PostgresAppendBatcher, type AppendEventsOutcome, type AppendEventsRow, type PlannedAppend } from './postgres-append-batch';
import { WrongExpectedRevision } from '../errors';
import { AppendSignal, catchUpSubscription, OpenSubscriptions } from '../catch-up-subscription';
import { migratePostgresSchema } from './postgres-schema';
import { quotedSchema } from './quoted-schema';

export interface PostgresEventStoreOptions {
  /** A pg Pool (shared with read models, left open on close) or a connection string (pool owned by the store). */
  connection: Pool | string;
  schema: string;
  pollIntervalMs?: number;
}

type EventRow = { position: string; stream_id: string; revision: number; id: string; type: string; data: string; metadata: string };

/**
 * Positions that catch-up readers can trust. A sequence alone is not enough: transaction A takes
 * position 10, transaction B takes 11 and commits first; a reader that sees 11 and moves its
 * checkpoint past 10 never sees A's event. We serialise appends with a transaction-scoped advisory
 * lock taken before positions are drawn: B cannot draw a position until A has committed (or rolled
 * back), so positions become visible in increasing order and "everything up to the last position I
 * saw" is final. PostgreSQL makes a commit visible before it releases the transaction's locks, so the
 * next appender starts after the previous one is visible.
 * Cost: transactions that append are serialised per schema. So that this is not one commit per append,
 * concurrent appends of a process are group-committed (postgres-append-batch.ts): the appends that arrive
 * while a batch is written form the next batch, written by one append_batch call (postgres-schema.ts) that
 * takes the lock, checks and inserts every append of it and commits once. The lock is held for the
 * server-side work and the commit, not across client round trips. Between processes the lock orders the
 * batches as before, so positions become visible in increasing order whatever the number of processes.
 * Chosen over xid8/pg_snapshot_xmin filtering, which allows parallel writers but makes every reader hold
 * back behind the oldest open transaction and is easy to get subtly wrong.
 */
export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly s: string;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new OpenSubscriptions();
  private readonly heads = new Map<string, StreamHead>();
  private readonly batcher = new PostgresAppendBatcher(
    (appends) => this.callAppendBatch(appends),
    (append) => this.callAppendEvents(append),
  );
  private closed = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    this.ownsPool = typeof options.connection === 'string';
    this.pool = typeof options.connection === 'string' ? new Pool({ connectionString: options.connection }) : options.connection;
    this.s = quotedSchema(options.schema);
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await migratePostgresSchema(store.pool, options.schema);
    } catch (error) {
      if (store.ownsPool) await store.pool.end();
      throw error;
    }
    return store;
  }

  async append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    checkAppendShape(streamId, events);
    const { expectedRevision } = options;
    // The head the rows are planned on: none for 'no_stream', else the last one this process saw, else
    // the stored one. Only a head append_events reported (seen under the lock, after it found none of the
    // ids stored) may justify a refusal; a refusal on any other head is decided again under the lock.
    let head: StreamHead | undefined;
    let seenUnderLock = false;
    if (expectedRevision !== 'no_stream') head = this.heads.get(streamId) ?? (await this.readHead(streamId));
    for (let attempt = 0; attempt < MAX_OPTIMISTIC_ATTEMPTS; attempt++) {
      let plan: AppendPlan;
      try {
        plan = planAppend(streamId, events, expectedRevision, [], head);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || seenUnderLock) throw error;
        return this.appendUnderLock(streamId, events, expectedRevision);
      }
      if (plan.kind === 'duplicate') return plan.result;
      const found = await this.batcher.submit({ streamId, head, rows: plan.rows, lastHash: plan.lastHash });
      if (found.kind === 'written') {
        this.rememberHead(streamId, { revision: found.nextRevision, lastHash: plan.lastHash });
        this.signal.notify();
        return { nextRevision: found.nextRevision, position: found.position, duplicate: false };
      }
      // Ids first: stored ids make it a retry (or a conflict) whatever the head.
      if (found.kind === 'stored') return duplicateAppend(streamId, events, found.stored);
      // The head moved (or was guessed wrong): decide again on the one seen under the lock.
      head = found.head;
      seenUnderLock = true;
      if (head) this.rememberHead(streamId, head);
      else this.heads.delete(streamId);
    }
    // Still losing the race for 'any' after several tries: take the lock first, as a client-side transaction.
    return this.appendUnderLock(streamId, events, expectedRevision);
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT position, stream_id, revision, id, type, data, metadata FROM ${this.s}.events
       WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`,
      [streamId, options.fromRevision ?? 0],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: { fromPosition?: bigint; limit?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT position, stream_id, revision, id, type, data, metadata FROM ${this.s}.events
       WHERE position > $1 ORDER BY position LIMIT $2`,
      [String(options.fromPosition ?? 0n), options.limit ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query(`SELECT COALESCE(MAX(position), 0) AS position FROM ${this.s}.events`);
    return BigInt(rows[0].position);
  }

  subscribe(fromPosition: bigint, handler: (event: RecordedEvent) => Promise<void> | void): Subscription {
    return this.subscriptions.track(
      catchUpSubscription(fromPosition, handler, {
        readAll: (options) => this.readAll(options),
        signal: this.signal,
        pollIntervalMs: this.options.pollIntervalMs,
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.batcher.whenIdle();
    await this.subscriptions.stopAll();
    if (this.ownsPool) await this.pool.end();
  }

  /** The pessimistic path: BEGIN, lock, read ids and head, insert, COMMIT (four round trips under the lock). */
  private async appendUnderLock(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    // BEGIN and the append lock in one round trip, keyed by schema so separate schemas do not contend.
    const result = await inPostgresTransaction(
      this.pool,
      (client) => this.appendLocked(client, streamId, events, expectedRevision),
      `BEGIN; SELECT pg_advisory_xact_lock(hashtext('${this.options.schema}.append'))`,
    );
    if (!result.duplicate) this.signal.notify();
    return result;
  }

  private async readHead(streamId: string): Promise<StreamHead | undefined> {
    const { rows } = await this.pool.query(`SELECT revision, last_hash FROM ${this.s}.event_streams WHERE stream_id = $1`, [streamId]);
    return rows[0] && { revision: rows[0].revision, lastHash: rows[0].last_hash };
  }

  private rememberHead(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value as string);
  }

  /** One round trip: append_events (see postgres-schema.ts) locks, checks ids then head, and inserts or reports. */
  private async callAppendEvents({ streamId, head, rows, lastHash }: PlannedAppend): Promise<AppendEventsOutcome> {
    const result = await this.pool.query<AppendEventsRow>(`SELECT * FROM ${this.s}.append_events($1, $2, $3, $4, $5::uuid[], $6, $7, $8, $9)`, [
      `${this.options.schema}.append`,
      streamId,
      head ? head.revision : -1,
      head ? head.lastHash : null,
      rows.map((row) => row.id),
      rows.map((row) => row.type),
      rows.map((row) => row.data),
      rows.map((row) => row.metadata),
      lastHash,
    ]);
    return outcomeOf(result.rows);
  }

  /** One round trip and one transaction for a whole batch: append_batch (see postgres-schema.ts), one outcome per append. */
  private async callAppendBatch(appends: PlannedAppend[]): Promise<AppendEventsOutcome[]> {
    const requests: number[] = [];
    const ids: string[] = [];
    const revisions: number[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    appends.forEach((append, index) => {
      for (const row of append.rows) {
        requests.push(index + 1);
        ids.push(row.id);
        revisions.push(row.revision);
        types.push(row.type);
        data.push(row.data);
        metadata.push(row.metadata);
      }
    });
    const result = await this.pool.query<AppendEventsRow>(
      `SELECT * FROM ${this.s}.append_batch($1, $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::uuid[], $8::int[], $9::text[], $10::text[], $11::text[])`,
      [
        `${this.options.schema}.append`,
        appends.map((append) => append.streamId),
        appends.map((append) => (append.head ? append.head.revision : -1)),
        appends.map((append) => (append.head ? append.head.lastHash : null)),
        appends.map((append) => append.lastHash),
        requests,
        ids,
        revisions,
        types,
        data,
        metadata,
      ],
    );
    const byRequest: AppendEventsRow[][] = appends.map(() => []);
    for (const row of result.rows) byRequest[(row.request as number) - 1].push(row);
    return byRequest.map((rows, index) => {
      if (rows.length === 0) throw new Error(`append_batch reported nothing for append ${index + 1} of ${appends.length}`);
      return outcomeOf(rows);
    });
  }

  private async appendLocked(client: PoolClient, streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const { rows } = await client.query(
      `SELECT 'event' AS kind, id::text AS id, stream_id, revision, position::text AS position, NULL AS last_hash
         FROM ${this.s}.events WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT 'head', NULL, stream_id, revision, NULL, last_hash FROM ${this.s}.event_streams WHERE stream_id = $2`,
      [events.map((event) => event.id), streamId],
    );
    const stored: StoredEventLocation[] = rows
      .filter((row) => row.kind === 'event')
      .map((row) => ({ id: row.id, streamId: row.stream_id, revision: row.revision, position: BigInt(row.position) }));
    const headRow = rows.find((row) => row.kind === 'head');
    const head: StreamHead | undefined = headRow && { revision: headRow.revision, lastHash: headRow.last_hash };
    const plan = planAppend(streamId, events, expectedRevision, stored, head);
    if (plan.kind === 'duplicate') return plan.result;
    const { rows: inserted } = await client.query(
      `WITH inserted AS (
         INSERT INTO ${this.s}.events (stream_id, revision, id, type, data, metadata)
         SELECT $1, revision, id, type, data, metadata
           FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
                AS row(revision, id, type, data, metadata, ordinal)
          ORDER BY ordinal
         RETURNING position
       ), head AS (
         INSERT INTO ${this.s}.event_streams (stream_id, revision, last_hash) VALUES ($1, $7, $8)
         ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash
       )
       SELECT MAX(position)::text AS position FROM inserted`,
      [
        streamId,
        plan.rows.map((row) => row.revision),
        plan.rows.map((row) => row.id),
        plan.rows.map((row) => row.type),
        plan.rows.map((row) => row.data),
        plan.rows.map((row) => row.metadata),
        plan.rows[plan.rows.length - 1].revision,
        plan.lastHash,
      ],
    );
    return { nextRevision: plan.rows[plan.rows.length - 1].revision, position: BigInt(inserted[0].position), duplicate: false };
  }
}

/** Optimistic attempts of an append before it falls back to taking the lock first. */
const MAX_OPTIMISTIC_ATTEMPTS = 3;
/** Stream heads remembered per process (the guess an append is planned on); the oldest are forgotten. */
const HEAD_CACHE_SIZE = 10_000;

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}
