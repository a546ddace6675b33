import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent, Subscription } from '../event-store.port';
import { checkAppendShape, planAppend, type StoredEventLocation, type StreamHead } from '../append-plan';
import { AppendSignal, catchUpSubscription } from '../catch-up-subscription';
import { GroupCommitQueue, type BatchOutcome } from './group-commit';
import { configureDurableConnection, migrateEventStoreSchema } from './sqlite-schema';
import { EVENT_COLUMNS, toRecordedEvent, type EventRowValues } from './sqlite-event-rows';

interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
}

export interface SqliteEventStoreOptions {
  /** How often a subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
}

/**
 * The embedded event store: one better-sqlite3 connection per process, WAL, synchronous=FULL.
 * Appends go through a group commit queue; reads are synchronous SELECTs on the same connection.
 * `database` is exposed so read models can live in the same file and commit with their checkpoint.
 */
export class SqliteEventStore implements EventStore {
  readonly database: Database;
  private readonly ownsDatabase: boolean;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly appends: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writeBatch: (requests: AppendRequest[]) => BatchOutcome<AppendResult>[];
  private readonly appendOne: (request: AppendRequest) => AppendResult;
  private closed = false;

  /** `source`: a file path (opened and owned by the store) or an open connection (shared, left open on close). */
  constructor(source: string | Database, private readonly options: SqliteEventStoreOptions = {}) {
    this.ownsDatabase = typeof source === 'string';
    this.database = typeof source === 'string' ? new BetterSqlite3(source) : source;
    configureDurableConnection(this.database);
    migrateEventStoreSchema(this.database);
    this.statements = prepareStatements(this.database);
    // Nested inside the batch transaction, better-sqlite3 runs this as a SAVEPOINT: a refused append rolls back alone.
    this.appendOne = this.database.transaction((request: AppendRequest) => this.writeAppend(request));
    const batchTransaction = this.database.transaction((requests: AppendRequest[]) => requests.map((request) => this.tryAppend(request)));
    // IMMEDIATE takes the write lock first, so what the batch reads (heads, ids) cannot change before it writes.
    this.writeBatch = (requests) => batchTransaction.immediate(requests);
    this.appends = new GroupCommitQueue((requests) => {
      const outcomes = this.writeBatch(requests);
      if (outcomes.some((outcome) => outcome.ok)) this.signal.notify();
      return outcomes;
    });
  }

  static open(source: string | Database, options?: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(source, options);
  }

  append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStore is closed'));
    try {
      checkAppendShape(streamId, events);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.appends.submit({ streamId, events, expectedRevision: options.expectedRevision });
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    const rows = this.statements.readStream.all(streamId, options.fromRevision ?? 0) as EventRowValues[];
    return rows.map(toRecordedEvent);
  }

  async readAll(options: { fromPosition?: bigint; limit?: number } = {}): Promise<RecordedEvent[]> {
    const rows = this.statements.readAll.all(options.fromPosition ?? 0n, options.limit ?? -1) as EventRowValues[];
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint> {
    const row = this.statements.headPosition.get() as [number | null];
    return BigInt(row[0] ?? 0);
  }

  subscribe(fromPosition: bigint, handler: (event: RecordedEvent) => Promise<void> | void): Subscription {
    const subscription = catchUpSubscription(fromPosition, handler, {
      readAll: (options) => this.readAll(options),
      signal: this.signal,
      pollIntervalMs: this.options.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    subscription.done.then(
      () => this.subscriptions.delete(subscription),
      () => this.subscriptions.delete(subscription),
    );
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.appends.whenIdle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsDatabase) this.database.close();
  }

  private tryAppend(request: AppendRequest): BatchOutcome<AppendResult> {
    try {
      return { ok: true, value: this.appendOne(request) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private writeAppend({ streamId, events, expectedRevision }: AppendRequest): AppendResult {
    const stored = events.flatMap((event) => {
      const row = this.statements.findEvent.get(event.id) as [string, number, number] | undefined;
      return row ? [{ id: event.id, streamId: row[0], revision: row[1], position: BigInt(row[2]) } satisfies StoredEventLocation] : [];
    });
    const headRow = this.statements.streamHead.get(streamId) as [number, string] | undefined;
    const head: StreamHead | undefined = headRow && { revision: headRow[0], lastHash: headRow[1] };
    const plan = planAppend(streamId, events, expectedRevision, stored, head);
    if (plan.kind === 'duplicate') return plan.result;
    let position = 0;
    for (const row of plan.rows) {
      position = Number(this.statements.insertEvent.run(streamId, row.revision, row.id, row.type, row.data, row.metadata).lastInsertRowid);
    }
    const nextRevision = plan.rows[plan.rows.length - 1].revision;
    this.statements.saveStreamHead.run(streamId, nextRevision, plan.lastHash);
    return { nextRevision, position: BigInt(position), duplicate: false };
  }
}

function prepareStatements(database: Database) {
  const raw = (sql: string): Statement => database.prepare(sql).raw(true);
  return {
    findEvent: raw('SELECT stream_id, revision, position FROM events WHERE id = ?'),
    streamHead: raw('SELECT revision, last_hash FROM event_streams WHERE stream_id = ?'),
    insertEvent: database.prepare('INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
    saveStreamHead: database.prepare(
      `INSERT INTO event_streams (stream_id, revision, last_hash) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash`,
    ),
    readStream: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
    readAll: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    headPosition: raw('SELECT MAX(position) FROM events'),
  };
}
