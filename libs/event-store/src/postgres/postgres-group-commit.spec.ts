import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { PostgresAppendBatcher, type AppendEventsOutcome, type PlannedAppend } from './postgres-append-batch';
import { PostgresEventStore } from './postgres-event-store';
import { aTestSchemaName, databaseUrl, dropSchema } from '../../test-support/postgres-test-schema';
import { aStreamId, eventsOfACommand } from '../../test-support/event-builders';

const planned = (streamId: string, ...ids: string[]): PlannedAppend => ({
  streamId,
  head: undefined,
  rows: ids.map((id, revision) => ({ id, revision, type: 'T', data: '{}', metadata: '{}', hash: GENESIS_HASH })),
  lastHash: GENESIS_HASH,
});
const written = (nextRevision: number): AppendEventsOutcome => ({ kind: 'written', nextRevision, position: BigInt(nextRevision + 1) });

describe('the PostgreSQL group commit queue', () => {
  it('writes the appends submitted together as one batch, and answers each its own outcome', async () => {
    const batches: string[][] = [];
    const batcher = new PostgresAppendBatcher(
      async (appends) => {
        batches.push(appends.map((append) => append.streamId));
        return appends.map((_append, index) => written(index));
      },
      async () => {
        throw new Error('not expected');
      },
    );
    const outcomes = await Promise.all(['a', 'b', 'c'].map((streamId) => batcher.submit(planned(streamId, `${streamId}-1`))));

    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(outcomes).toEqual([written(0), written(1), written(2)]);
  });

  it('puts a stream, or an event id, in one append of a batch at most: the second waits for the next batch', async () => {
    const batches: string[][] = [];
    const batcher = new PostgresAppendBatcher(
      async (appends) => {
        batches.push(appends.map((append) => append.rows[0].id));
        return appends.map(() => written(0));
      },
      async (append) => {
        batches.push([append.rows[0].id]);
        return written(0);
      },
    );
    await Promise.all([
      batcher.submit(planned('a', 'a-1')),
      batcher.submit(planned('a', 'a-2')),
      batcher.submit(planned('b', 'b-1')),
      batcher.submit(planned('c', 'b-1')),
      batcher.submit(planned('d', 'd-1')),
    ]);

    expect(batches).toEqual([['a-1', 'b-1', 'd-1'], ['a-2', 'b-1']]);
  });

  it('writes each append of a batch alone when the batch fails as a whole, so one bad append fails only itself', async () => {
    const batcher = new PostgresAppendBatcher(
      async () => {
        throw new Error('the batch transaction failed');
      },
      async (append) => {
        if (append.streamId === 'bad') throw new Error('bad append');
        return written(0);
      },
    );
    const outcomes = await Promise.allSettled(['good-1', 'bad', 'good-2'].map((streamId) => batcher.submit(planned(streamId, `${streamId}-1`))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('bad append'));
  });
});

const schema = aTestSchemaName('group_commit');

// Two stores on separate pools stand for two API processes: each group-commits its own appends, and the
// append lock orders their batches, so a reader still sees every event, in position order, none skipped.
describe('postgres group commit across processes', () => {
  let first: PostgresEventStore;
  let second: PostgresEventStore;
  let reader: PostgresEventStore;

  beforeAll(async () => {
    first = await PostgresEventStore.open({ connection: databaseUrl, schema });
    second = await PostgresEventStore.open({ connection: databaseUrl, schema });
    reader = await PostgresEventStore.open({ connection: databaseUrl, schema, pollIntervalMs: 1 });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await reader?.close();
    await dropSchema(schema);
  });

  it('never lets a reader skip an event while two processes append concurrently, and keeps each stream whole', async () => {
    let writing = true;
    const polled: RecordedEvent[] = [];
    const poller = (async () => {
      let position = 0n;
      while (writing || (await reader.headPosition()) > position) {
        for (const event of await reader.readAll({ fromPosition: position, limit: 37 })) {
          polled.push(event);
          position = event.position;
        }
      }
    })();

    let appended = 0;
    await Promise.all(
      [first, second].flatMap((store, process) =>
        Array.from({ length: 16 }, async (_, writer) => {
          // Every writer appends to its own stream and, every other time, to a stream all writers share.
          let revision: number | 'no_stream' = 'no_stream';
          for (let append = 0; append < 20; append++) {
            const events = eventsOfACommand(1 + (append % 2));
            revision = (await store.append(aStreamId(`own-${process}-${writer}`), events, { expectedRevision: revision })).nextRevision;
            appended += events.length;
            if (append % 2 === 0) {
              await store.append(aStreamId('shared'), eventsOfACommand(1), { expectedRevision: 'any' });
              appended += 1;
            }
          }
        }),
      ),
    );
    writing = false;
    await poller;
    const log = await reader.readAll();

    expect(log).toHaveLength(appended);
    expect(polled.map((event) => event.id)).toEqual(log.map((event) => event.id));
    const shared = await reader.readStream(aStreamId('shared'));
    expect(shared.map((event) => event.revision)).toEqual(shared.map((_event, index) => index));
  });
});
