import BetterSqlite3, { type Database, type Statement, type Transaction } from 'better-sqlite3';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent, Subscription } from '../event-store.port';
import { checkAppendShape, planAppend, type EventRow, type StoredEventLocation, type StreamHead } from '../append-plan';
import { AppendSignal, catchUpSubscription, OpenSubscriptions } from '../catch-up-subscription';
import { GroupCommitQueue, sharedCommitOf, type BatchOutcome, type GroupCommitObserver } from './group-commit';
import { configureDurableConnection, migrateEventStoreSchema } from './sqlite-schema';
import { EVENT_COLUMNS, toRecordedEvent, type EventRowValues } from './sqlite-event-rows';

interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
}

/** One stream to create with its first events (appendNewStreams). */
export interface NewStreamAppend {
  streamId: string;
  events: EventToAppend[];
}

export interface SqliteEventStoreOptions {
  /** A file path (opened and owned by the store) or an open connection (shared, left open on close). */
  connection: string | Database;
  /** How often a subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /** Told of every group-commit batch (its size and transaction time), e.g. to export metrics. */
  onBatch?: GroupCommitObserver;
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
  private readonly subscriptions = new OpenSubscriptions();
  private readonly appends: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writeBatch: (requests: AppendRequest[]) => BatchOutcome<AppendResult>[];
  private readonly writeNewStreams: Transaction<(appends: NewStreamAppend[]) => AppendResult[]>;
  private closed = false;

  private constructor(private readonly options: SqliteEventStoreOptions) {
    const source = options.connection;
    this.ownsDatabase = typeof source === 'string';
    this.database = typeof source === 'string' ? new BetterSqlite3(source) : source;
    configureDurableConnection(this.database);
    migrateEventStoreSchema(this.database);
    this.statements = prepareStatements(this.database);
    // IMMEDIATE takes the write lock first, so what the batch reads (heads, ids) cannot change before it writes.
    // Fast path: every append is checked against the transaction's own state (earlier appends of the batch
    // included) before it writes anything, so a refused append has written nothing and needs no savepoint.
    const batchTransaction = this.database.transaction((requests: AppendRequest[]) => requests.map((request) => this.checkThenWrite(request)));
    // Slow path, only after the fast one failed while writing (disk full, a constraint the checks missed):
    // that transaction was rolled back whole, and the batch is replayed with one SAVEPOINT per append
    // (a transaction nested in better-sqlite3's one), so one failing append does not fail its neighbours.
    const appendOne = this.database.transaction((request: AppendRequest) => {
      const outcome = this.checkThenWrite(request);
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
    const isolatedTransaction = this.database.transaction((requests: AppendRequest[]) =>
      requests.map((request): BatchOutcome<AppendResult> => {
        try {
          return { ok: true, value: appendOne(request) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.writeBatch = (requests) => {
      try {
        return batchTransaction.immediate(requests);
      } catch {
        return isolatedTransaction.immediate(requests);
      }
    };
    this.writeNewStreams = this.database.transaction((appends: NewStreamAppend[]) => appends.map((append) => this.insertNewStream(append)));
    this.appends = new GroupCommitQueue((requests) => {
      const outcomes = this.writeBatch(requests);
      if (outcomes.some((outcome) => outcome.ok)) this.signal.notify();
      return outcomes;
      // The database's shared commit: the idempotency records pending at the same time share this transaction.
    }, options.onBatch, sharedCommitOf(this.database));
  }

  /** Opens (and migrates) the store: every adapter opens this way, `static async open(options)`. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
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

  /**
   * Creates many streams at once (a seeded population): each the rows, hash chain and result append(streamId,
   * events, { expectedRevision: 'no_stream' }) gives, all in one transaction (one fsync) without a queued
   * promise, an id lookup and a head lookup per stream. The unique indexes refuse an id or a stream already
   * stored; then nothing of the batch is written and it goes through append stream by stream, which reports
   * duplicates and WrongExpectedRevision as usual.
   */
  async appendNewStreams(appends: NewStreamAppend[]): Promise<AppendResult[]> {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    for (const { streamId, events } of appends) checkAppendShape(streamId, events);
    let results: AppendResult[];
    try {
      results = this.writeNewStreams.immediate(appends);
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
      return Promise.all(appends.map(({ streamId, events }) => this.append(streamId, events, { expectedRevision: 'no_stream' })));
    }
    if (results.length > 0) this.signal.notify();
    return results;
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

  /**
   * PRAGMA data_version changes when another connection (another process, or another connection of this one)
   * commits to the file; total_changes() counts the rows this connection wrote (appends, and the read models
   * and idempotency records that share it), rolled back or not; schema_version changes with any DDL (a
   * rebuild's table swap). Equal tokens: nothing in the file changed in between.
   */
  changeToken(): string {
    return (this.statements.changeToken.get() as [number, number, number]).join('.');
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
    await this.appends.whenIdle();
    await this.subscriptions.stopAll();
    if (this.ownsDatabase) this.database.close();
  }

  /**
   * Reads and decides first (ids, head, plan): a refusal is returned before any row is written. An error
   * thrown while writing is not caught here: it must abort the transaction, since the append may be half-written.
   */
  private checkThenWrite({ streamId, events, expectedRevision }: AppendRequest): BatchOutcome<AppendResult> {
    const { findEvent, streamHead } = this.statements;
    let plan;
    try {
      const stored: StoredEventLocation[] = [];
      for (const event of events) {
        const row = findEvent.get(event.id) as [string, number, number] | undefined;
        if (row) stored.push({ id: event.id, streamId: row[0], revision: row[1], position: BigInt(row[2]) });
      }
      const headRow = streamHead.get(streamId) as [number, string] | undefined;
      const head: StreamHead | undefined = headRow && { revision: headRow[0], lastHash: headRow[1] };
      plan = planAppend(streamId, events, expectedRevision, stored, head);
    } catch (error) {
      return { ok: false, error };
    }
    if (plan.kind === 'duplicate') return { ok: true, value: plan.result };
    return { ok: true, value: this.insertRows(streamId, plan.rows) };
  }

  /** Writes a stream's first events, trusting the unique indexes to refuse one already there (appendNewStreams). */
  private insertNewStream({ streamId, events }: NewStreamAppend): AppendResult {
    const plan = planAppend(streamId, events, 'no_stream', [], undefined);
    if (plan.kind === 'duplicate') return plan.result;
    return this.insertRows(streamId, plan.rows);
  }

  /** Writes a planned append's rows; its result names the last one. */
  private insertRows(streamId: string, rows: EventRow[]): AppendResult {
    let position: number | bigint = 0;
    for (const row of rows) position = this.statements.insertEvent.run(streamId, row.revision, row.id, row.type, row.data, row.metadata).lastInsertRowid;
    return { nextRevision: rows[rows.length - 1].revision, position: BigInt(position), duplicate: false };
  }
}

function isConstraintViolation(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_CONSTRAINT');
}

function prepareStatements(database: Database) {
  const raw = (sql: string): Statement => database.prepare(sql).raw(true);
  return {
    findEvent: raw('SELECT stream_id, revision, position FROM events WHERE id = ?'),
    // The stream's last row, by the (stream_id, revision) index; its hash is read out of the metadata JSON.
    streamHead: raw("SELECT revision, metadata ->> '$.hash' FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1"),
    insertEvent: database.prepare('INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
    readStream: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
    readAll: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    headPosition: raw('SELECT MAX(position) FROM events'),
    changeToken: raw('SELECT data_version, schema_version, total_changes() FROM pragma_data_version, pragma_schema_version'),
  };
}
