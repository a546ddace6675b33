import { join } from 'node:path';
import {
  PostgresPolicyholderSource,
  PostgresReplayStore,
  PostgresWorkLeases,
  SqlitePolicyholderSource,
  SqliteReplayStore,
  SqliteWorkLeases,
  type PolicyholderSource,
  type ReplayStore,
  type SourceSpec,
} from '@ij/replay';
import type { LedgerConfig } from '../config/ledger-config';
import { SQLITE_FILE, type LedgerStorage } from '../infrastructure/storage';
import { WorkLeases } from '../infrastructure/work-leases';

/** Where replays read the policyholders and keep their results: the read models' database (api and CLI). */
export interface ReplayStorage {
  store: ReplayStore;
  /** This process's connection (counts; replays in-process when no worker thread can run). */
  source: PolicyholderSource;
  /** How a worker thread opens its own connection. */
  workerSource: SourceSpec;
  /** Leases on background work (one replay at a time per store, payment runs), with this storage's owner id. */
  leases: WorkLeases;
}

export async function openReplayStorage(storage: LedgerStorage, config: LedgerConfig): Promise<ReplayStorage> {
  if (storage.sqlite) {
    return {
      store: new SqliteReplayStore(storage.sqlite),
      source: new SqlitePolicyholderSource(storage.sqlite),
      workerSource: { kind: 'sqlite', file: join(config.dataDirectory, SQLITE_FILE) },
      leases: new WorkLeases(new SqliteWorkLeases(storage.sqlite), config.workLeaseMs),
    };
  }
  if (!storage.pool || !storage.schema || !config.databaseUrl) throw new Error('Replays need the read models database (SQLite file or PostgreSQL schema)');
  return {
    store: await PostgresReplayStore.open(storage.pool, storage.schema),
    source: new PostgresPolicyholderSource(storage.pool, storage.schema),
    workerSource: { kind: 'postgres', connectionString: config.databaseUrl, schema: storage.schema },
    leases: new WorkLeases(await PostgresWorkLeases.open(storage.pool, storage.schema), config.workLeaseMs),
  };
}

/** LEDGER_REPLAY_WORKERS: worker threads per replay (default min(2, cores); 0 replays in the API's thread). */
export function replayWorkersFrom(environment: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = environment.LEDGER_REPLAY_WORKERS;
  if (value === undefined || value === '') return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new Error(`LEDGER_REPLAY_WORKERS must be an integer from 0 to 64, not "${value}"`);
  return workers;
}
