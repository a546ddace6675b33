import { Pool } from 'pg';
import { idempotencyStoreContract } from '../idempotency-store.contract';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';
import { aTestSchemaName, databaseUrl, dropSchema } from '../../test-support/postgres-test-schema';

idempotencyStoreContract('postgres', async () => {
  const schema = aTestSchemaName('idempotency');
  const pool = new Pool({ connectionString: databaseUrl });
  return {
    store: await PostgresIdempotencyStore.open({ connection: pool, schema }),
    close: async () => {
      await pool.end();
      await dropSchema(schema);
    },
  };
});
