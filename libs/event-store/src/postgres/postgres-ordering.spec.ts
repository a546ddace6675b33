import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { aTestSchemaName, databaseUrl, dropSchema } from '../../test-support/postgres-test-schema';
import { aStreamId, eventsOfACommand } from '../../test-support/event-builders';

const schema = aTestSchemaName('ordering');

// Proves the late-commit problem is solved: readers polling the log while many writers commit on
// separate connections end up with exactly the whole log, so no position became visible before a smaller one.
describe('postgres global positions under concurrent writers', () => {
  let writers: PostgresEventStore;
  let readers: PostgresEventStore;

  beforeAll(async () => {
    writers = await PostgresEventStore.open({ connection: databaseUrl, schema });
    readers = await PostgresEventStore.open({ connection: databaseUrl, schema, pollIntervalMs: 1 });
  });

  afterAll(async () => {
    await writers?.close();
    await readers?.close();
    await dropSchema(schema);
  });

  it('never lets a catch-up reader skip an event that committed late', async () => {
    let writing = true;
    const polled: RecordedEvent[] = [];
    const poller = (async () => {
      let position = 0n;
      while (writing || (await readers.headPosition()) > position) {
        for (const event of await readers.readAll({ fromPosition: position, limit: 50 })) {
          polled.push(event);
          position = event.position;
        }
      }
    })();
    const subscribed: RecordedEvent[] = [];
    const subscription = readers.subscribe(0n, (event) => {
      subscribed.push(event);
    });

    let appended = 0;
    await Promise.all(
      Array.from({ length: 12 }, async (_, writer) => {
        for (let append = 0; append < 25; append++) {
          const events = eventsOfACommand(1 + (append % 3));
          await writers.append(aStreamId(`writer-${writer}`), events, { expectedRevision: 'any' });
          appended += events.length;
        }
      }),
    );
    writing = false;
    await poller;
    const log = await readers.readAll();
    while (subscribed.length < log.length) await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.stop();

    expect(log).toHaveLength(appended);
    expect(polled.map((event) => event.id)).toEqual(log.map((event) => event.id));
    expect(subscribed.map((event) => event.id)).toEqual(log.map((event) => event.id));
  });
});
