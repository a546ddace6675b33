import { eventStoreContract } from '../event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

// Runs only against a real EventStoreDB; without one the suite is reported as skipped, never faked.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('esdb', () => EsdbEventStore.open({ connection: connectionString }), undefined, { reportsWhichTwinWrote: false });
} else {
  describe.skip('esdb event store (set EVENTSTORE_CONNECTION_STRING to run it)', () => {
    it('runs the event store contract', () => undefined);
  });
}
