import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent, Subscription } from '@ij/event-store';
import type { LedgerMetrics } from './ledger-metrics';

/** The event store with its appends timed into ledger_event_store_append_duration_seconds; everything else passes through. */
export class TimedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: LedgerMetrics,
  ) {}

  append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return this.metrics.timeAppend(() => this.inner.append(streamId, events, options));
  }

  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: { fromPosition?: bigint; limit?: number }): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  subscribe(fromPosition: bigint, handler: (event: RecordedEvent) => Promise<void> | void): Subscription {
    return this.inner.subscribe(fromPosition, handler);
  }

  get changeToken(): (() => string) | undefined {
    return this.inner.changeToken?.bind(this.inner);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
