import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'ij-event-store-'));

eventStoreContract(
  'sqlite',
  () => SqliteEventStore.open({ connection: join(directory, 'events.db') }),
  async () => rmSync(directory, { recursive: true, force: true }),
);
