import { join } from 'node:path';
import { Pool } from 'pg';
import {
  EsdbEventStore,
  PostgresEventStore,
  PostgresIdempotencyStore,
  SqliteEventStore,
  SqliteIdempotencyStore,
  type EventStore,
  type GroupCommitObserver,
  type IdempotencyStore,
} from '@ij/event-store';
import { PostgresReadModelStore, SqliteReadModelStore, type ReadModelStore } from '@ij/projections';
import type { LedgerConfig } from '../config/ledger-config';
import { ensurePrivateDirectory, ensurePrivateFile } from './private-files';

/** Where the ledger keeps its log and its records, as LEDGER_EVENT_STORE chose. */
export interface LedgerStorage {
  kind: LedgerConfig['eventStore'];
  events: EventStore;
  idempotency: IdempotencyStore;
  /** The read models, in the same database as the events (SQLite file, or PostgreSQL schema). */
  readModels: ReadModelStore;
  /** The embedded database (sqlite): read models share it to commit with their checkpoint. */
  sqlite?: SqliteEventStore['database'];
  /** PostgreSQL (postgres, esdb): read models, checkpoints and idempotency records. */
  pool?: Pool;
  schema?: string;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'ledger.sqlite';

export interface StorageOptions {
  /** Told of every group-commit batch of the embedded store (metrics). */
  onSqliteBatch?: GroupCommitObserver;
}

export async function openStorage(config: LedgerConfig, options: StorageOptions = {}): Promise<LedgerStorage> {
  if (config.eventStore === 'sqlite') {
    ensurePrivateDirectory(config.dataDirectory);
    const file = join(config.dataDirectory, SQLITE_FILE);
    ensurePrivateFile(file, [`${file}-wal`, `${file}-shm`]);
    const events = await SqliteEventStore.open({ connection: file, onBatch: options.onSqliteBatch });
    ensurePrivateFile(file, [`${file}-wal`, `${file}-shm`]);
    return {
      kind: 'sqlite',
      events,
      idempotency: await SqliteIdempotencyStore.open({ connection: events.database }),
      readModels: new SqliteReadModelStore(events.database),
      sqlite: events.database,
      close: () => events.close(),
    };
  }
  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  const schema = config.postgresSchema;
  const idempotency = await PostgresIdempotencyStore.open({ connection: pool, schema });
  const events: EventStore =
    config.eventStore === 'postgres'
      ? await PostgresEventStore.open({ connection: pool, schema })
      : await EsdbEventStore.open({ connection: config.eventStoreConnectionString! });
  // On EventStoreDB the events table does not exist: a rebuild reads the log through the port.
  const readModels = await PostgresReadModelStore.open(pool, schema, config.eventStore === 'esdb' ? { log: events } : {});
  return {
    kind: config.eventStore,
    events,
    idempotency,
    readModels,
    pool,
    schema,
    close: async () => {
      await events.close();
      await pool.end();
    },
  };
}
