import type { Pool, PoolClient } from 'pg';

/** Schema names are spliced into SQL, so only plain identifiers are accepted. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  return `"${schema}"`;
}

const migrations = (s: string): string[] => [
  `CREATE TABLE ${s}.events (
     position  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- taken under the append lock: see postgres-event-store.ts
     stream_id TEXT   NOT NULL,
     revision  INTEGER NOT NULL,
     id        UUID   NOT NULL UNIQUE,                             -- event ids are the idempotency guard
     type      TEXT   NOT NULL,
     data      TEXT   NOT NULL,                                    -- JSON text, not jsonb: round-trips byte for byte
     metadata  TEXT   NOT NULL,
     UNIQUE (stream_id, revision)
   );
   CREATE TABLE ${s}.event_streams (
     stream_id TEXT    PRIMARY KEY,
     revision  INTEGER NOT NULL,
     last_hash TEXT    NOT NULL
   );`,
  `CREATE TABLE ${s}.idempotency_records (
     scope        TEXT    NOT NULL,
     key          TEXT    NOT NULL,
     request_hash TEXT    NOT NULL,
     status_code  INTEGER NOT NULL,
     body         TEXT    NOT NULL,
     recorded_at  TEXT    NOT NULL,
     PRIMARY KEY (scope, key)
   );
   CREATE INDEX ON ${s}.idempotency_records (recorded_at);`,
];

/**
 * Creates the schema and applies missing steps. A session advisory lock keeps two processes that
 * start together from applying the same step twice.
 */
export async function migratePostgresSchema(pool: Pool, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  const client: PoolClient = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}.migrations`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.event_store_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query(`SELECT COALESCE(MAX(version), 0) AS version FROM ${s}.event_store_migrations`);
    const steps = migrations(s);
    for (let version = Number(rows[0].version) + 1; version <= steps.length; version++) {
      await client.query('BEGIN');
      await client.query(steps[version - 1]);
      await client.query(`INSERT INTO ${s}.event_store_migrations (version, applied_at) VALUES ($1, now())`, [version]);
      await client.query('COMMIT');
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.migrations`]).catch(() => undefined);
    client.release();
  }
}
