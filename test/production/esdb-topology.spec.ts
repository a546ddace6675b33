import { productionTopologySuite } from './topology-suite';

/**
 * The same production topology with the events in EventStoreDB (read models, checkpoints and idempotency
 * records in PostgreSQL). Runs when EVENTSTORE_CONNECTION_STRING names a server; skipped otherwise, never faked.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (connectionString) productionTopologySuite('esdb', connectionString);
else describe.skip('esdb: two API processes and two projector processes (EVENTSTORE_CONNECTION_STRING not set)', () => it('runs against EventStoreDB', () => undefined));
