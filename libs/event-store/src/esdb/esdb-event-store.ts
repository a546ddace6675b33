import {
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { AppendResult, EventMetadata, EventStore, EventToAppend, ExpectedRevision, RecordedEvent, Subscription } from '../event-store.port';
import { OpenSubscriptions } from '../catch-up-subscription';
import { checkAppendShape, duplicateAppend, planAppend, type StoredEventLocation, type StreamHead } from '../append-plan';
import { WrongExpectedRevision } from '../errors';

export interface EsdbEventStoreOptions {
  /** EventStoreDB connection string, e.g. `esdb://localhost:2113?tls=false`. */
  connection: string;
}

/**
 * EventStoreDB through @eventstore/db-client. The port's position is the event's commit position.
 *
 * Ids: EventStoreDB deduplicates an append whose ids it has seen only when the retry carries the
 * same expected revision as the original. A retried command carries the revision it read after its
 * first attempt, so we look for the ids in the stream first (policyholder streams hold tens of events),
 * and again after a WrongExpectedVersion, which a concurrent twin of the same command also causes.
 * The hash chain needs the previous event's hash: it comes from that same read, and the explicit
 * expected revision guarantees nobody appended in between.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new OpenSubscriptions();

  private constructor(readonly client: EventStoreDBClient) {}

  /** Every adapter opens this way, `static async open(options)`; `connection` is an esdb:// connection string. */
  static async open(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    return new EsdbEventStore(EventStoreDBClient.connectionString(options.connection));
  }

  async append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    checkAppendShape(streamId, events);
    const stream = await this.readStream(streamId);
    const plan = planAppend(streamId, events, options.expectedRevision, locate(stream, events), headOf(stream));
    if (plan.kind === 'duplicate') return plan.result;
    // With 'any' the chain is linked to the head we just read: pin the append to it so the chain stays whole.
    const pinned: AppendExpectedRevision = stream.length === 0 ? 'no_stream' : BigInt(stream[stream.length - 1].revision);
    const expectedRevision = options.expectedRevision === 'any' ? pinned : toEsdbRevision(options.expectedRevision);
    try {
      const result = await this.client.appendToStream(
        streamId,
        plan.rows.map((row, index) =>
          jsonEvent({
            id: row.id,
            type: row.type,
            data: JSON.parse(row.data),
            // The events of one append share a commit position: record where each stands (see RecordedEvent.append).
            metadata: { ...JSON.parse(row.metadata), [APPEND_KEY]: { index, size: plan.rows.length } },
          }),
        ),
        { expectedRevision },
      );
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position?.commit ?? 0n, duplicate: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return this.afterConflict(streamId, events, options.expectedRevision, error);
    }
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: BigInt(options.fromRevision ?? 0), direction: FORWARDS })) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: { fromPosition?: bigint; limit?: number } = {}): Promise<RecordedEvent[]> {
    const fromPosition = options.fromPosition ?? 0n;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    const from = fromPosition === 0n ? START : { commit: fromPosition, prepare: fromPosition };
    for await (const resolved of this.client.readAll({ fromPosition: from, direction: FORWARDS })) {
      const event = toRecordedEvent(resolved);
      if (!event || event.position <= fromPosition) continue;
      // The events of one append share their commit position: a page never ends inside an append, or a
      // reader resuming from the page's last position would skip the rest of it.
      if (events.length >= limit && event.position !== events[events.length - 1].position) break;
      events.push(event);
    }
    return events;
  }

  async headPosition(): Promise<bigint> {
    for await (const resolved of this.client.readAll({ fromPosition: 'end', direction: 'backwards', maxCount: 1000 })) {
      const event = toRecordedEvent(resolved);
      if (event) return event.position;
    }
    return 0n;
  }

  subscribe(fromPosition: bigint, handler: (event: RecordedEvent) => Promise<void> | void): Subscription {
    const from = fromPosition === 0n ? START : { commit: fromPosition, prepare: fromPosition };
    const subscription = this.client.subscribeToAll({ fromPosition: from, filter: excludeSystemEvents() });
    const done = (async () => {
      for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
        const event = toRecordedEvent(resolved);
        // The server starts at the position itself: strictly after is what the port promises.
        if (event && event.position > fromPosition) await handler(event);
      }
    })();
    const handle: Subscription = {
      done,
      async stop() {
        await subscription.unsubscribe();
        await done.catch(() => undefined);
      },
    };
    return this.subscriptions.track(handle);
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.dispose();
  }

  private async afterConflict(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
    error: WrongExpectedVersionError,
  ): Promise<AppendResult> {
    const stream = await this.readStream(streamId);
    const stored = locate(stream, events);
    if (stored.length > 0) return duplicateAppend(streamId, events, stored);
    const actual = error.actualVersion === 'no_stream' ? 'no_stream' : Number(error.actualVersion);
    throw new WrongExpectedRevision(streamId, expectedRevision, actual);
  }
}

function locate(stream: RecordedEvent[], events: EventToAppend[]): StoredEventLocation[] {
  const wanted = new Set(events.map((event) => event.id.toLowerCase()));
  return stream
    .filter((event) => wanted.has(event.id.toLowerCase()))
    .map((event) => ({ id: event.id, streamId: event.streamId, revision: event.revision, position: event.position }));
}

function headOf(stream: RecordedEvent[]): StreamHead | undefined {
  if (stream.length === 0) return undefined;
  const last = stream[stream.length - 1];
  return { revision: last.revision, lastHash: last.metadata.hash };
}

function toEsdbRevision(expected: number | 'no_stream'): AppendExpectedRevision {
  return expected === 'no_stream' ? 'no_stream' : BigInt(expected);
}

function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$') || !event.isJson) return undefined;
  const { [APPEND_KEY]: append, ...metadata } = event.metadata as EventMetadata & { hash: string; [APPEND_KEY]?: { index: number; size: number } };
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position?.commit ?? resolved.commitPosition ?? 0n,
    type: event.type,
    data: event.data,
    // The hash covers the metadata as the ledger gave it, without the append's bookkeeping.
    metadata: metadata as EventMetadata & { hash: string },
    ...(append ? { append } : {}),
  };
}

/** Metadata key under which the adapter records an event's place in its append. */
const APPEND_KEY = 'ledgerAppend';
