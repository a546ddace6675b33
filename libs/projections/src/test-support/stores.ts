import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, type EventStore, type RecordedEvent } from '@ij/event-store';
import { policyholderStream, type PolicyholderEvent } from '@ij/ledger';
import { PostgresReadModelStore } from '../postgres/postgres-read-model-store';
import type { ReadModelStore } from '../read-model-store.port';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';

/** The machine's PostgreSQL; a failure to reach it fails the tests, it never skips them. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StoreKind = 'sqlite' | 'postgres';

export interface TestStores {
  events: EventStore;
  models: ReadModelStore;
  close(): Promise<void>;
}

/** An event log and its read models in a temporary SQLite file or PostgreSQL schema, removed by `close`. */
export async function openTestStores(kind: StoreKind): Promise<TestStores> {
  if (kind === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'ij-projections-'));
    const events = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    return {
      events,
      models: new SqliteReadModelStore(events.database),
      close: async () => {
        await events.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const schema = `ij_projections_${process.pid}_${randomUUID().slice(0, 8)}`;
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
  const events = await PostgresEventStore.open({ connection: pool, schema });
  const models = await PostgresReadModelStore.open(pool, schema);
  return {
    events,
    models,
    close: async () => {
      await events.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/** Appends domain events to a policyholder's stream as the command runner would (envelopes, expected revision). */
export async function appendToPolicyholder(
  events: EventStore,
  policyholderId: string,
  domainEvents: PolicyholderEvent[],
  schemaVersion = 1,
): Promise<bigint> {
  const stream = policyholderStream(policyholderId);
  const history: RecordedEvent[] = await events.readStream(stream);
  const result = await events.append(
    stream,
    domainEvents.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        actor: 'clerk-1',
        correlationId: 'correlation-1',
        causationId: 'causation-1',
        recordedAt: '2025-12-01T12:00:00.000Z',
        schemaVersion,
        ...('rulesVersion' in event.data ? { rulesVersion: event.data.rulesVersion } : {}),
      },
    })),
    { expectedRevision: history.length > 0 ? history[history.length - 1].revision : 'no_stream' },
  );
  return result.position;
}
