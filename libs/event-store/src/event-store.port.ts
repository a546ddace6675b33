/**
 * The event store port: the only way the rest of the ledger touches the event log.
 * It stores envelopes (type, data, metadata) and knows nothing of the domain.
 */

/** Metadata carried by every event. `hash` is computed by the store on append. */
export interface EventMetadata {
  actor: string;
  correlationId: string;
  causationId: string;
  /** ISO-8601 instant, supplied by the caller (the domain has no clock). */
  recordedAt: string;
  schemaVersion: number;
  /** The rules version that produced an amount recorded in `data`, when there is one. */
  rulesVersion?: string;
  /** sha256 (hex) over the previous event's hash in the stream and this event's canonical JSON. */
  hash?: string;
  [extra: string]: unknown;
}

export interface EventToAppend {
  /** A UUID. Deterministic (UUID v5 of actor + idempotency key + index) for command events. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** 0-based position of the event inside its stream. */
  revision: number;
  /** Position in the global log: strictly increasing in commit order, as catch-up readers see it. */
  position: bigint;
  type: string;
  data: unknown;
  metadata: EventMetadata & { hash: string };
  /**
   * Where the event stands in the append that wrote it, set by a store that gives every event of one append
   * the same position (EventStoreDB: the commit position). A reader that checkpoints by position must not
   * stop between them. Stores with one position per event leave it out.
   */
  append?: { index: number; size: number };
}

/** A number (the revision of the stream's last event), 'no_stream' or 'any'. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface AppendResult {
  /** The revision of the last event now in the stream (after this append). */
  nextRevision: number;
  /** The global position of the last event of this append. */
  position: bigint;
  /**
   * True when every event id of the append was already stored in this stream: nothing was added and
   * the result is the one of the original append (a retried command never pays twice).
   */
  duplicate: boolean;
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]>;
  /** Events with position strictly greater than `fromPosition` (default: from the start), in global order. */
  readAll(options?: { fromPosition?: bigint; limit?: number }): Promise<RecordedEvent[]>;
  /** Position of the last committed event (0n when the log is empty). */
  headPosition(): Promise<bigint>;
  /**
   * A catch-up subscription: delivers every event after `fromPosition`, then live ones, in global order,
   * never skipping one and never delivering one twice. `handler` is awaited before the next delivery.
   */
  subscribe(fromPosition: bigint, handler: (event: RecordedEvent) => Promise<void> | void): Subscription;
  /**
   * A value that stays the same while nothing in the store's database changes (its events, and whatever
   * shares the database, such as SQLite's read models): two equal tokens mean no commit happened in between,
   * from this process or any other. A store that cannot tell cheaply leaves it out, and nothing is reused.
   */
  changeToken?(): string;
  close(): Promise<void>;
}

export interface Subscription {
  /** Resolves when the subscription has stopped; rejects when the handler or the store failed. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}
