import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyStoreContract } from '../idempotency-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

idempotencyStoreContract('sqlite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ij-idempotency-'));
  const events = await SqliteEventStore.open({ connection: join(directory, 'ledger.db') });
  return {
    store: await SqliteIdempotencyStore.open({ connection: events.database }),
    close: async () => {
      await events.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});
