import { eventStoreContract } from '../event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { aTestSchemaName, databaseUrl, dropSchema } from '../../test-support/postgres-test-schema';

const schema = aTestSchemaName('contract');

eventStoreContract(
  'postgres',
  () => PostgresEventStore.open({ connection: databaseUrl, schema }),
  () => dropSchema(schema),
);
