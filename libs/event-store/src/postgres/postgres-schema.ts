import type { Pool, PoolClient } from 'pg';

import { quotedSchema } from './quoted-schema';

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
  // The whole locked part of an append in one call, so one round trip, and the append lock is held
  // for the server-side work and the commit only, not across client round trips. The caller planned
  // the rows (hash chain included) on the head it expects (-1: no stream) with planAppend, which owns
  // every check (append-plan.ts). Under the lock the function only verifies that nothing moved: none of
  // the ids stored, the head still the planned one; then it inserts. On a mismatch it writes nothing,
  // decides nothing, and returns what it found (the stored ids, or the head); the caller plans again. Statements of a VOLATILE function each take a
  // fresh snapshot, so everything committed before the lock was granted is seen.
  `CREATE OR REPLACE FUNCTION ${s}.append_events(
     p_lock_key TEXT, p_stream_id TEXT, p_base_revision INTEGER, p_base_hash TEXT,
     p_ids UUID[], p_types TEXT[], p_data TEXT[], p_metadata TEXT[], p_last_hash TEXT)
   RETURNS TABLE (kind TEXT, id TEXT, stream_id TEXT, revision INTEGER, "position" TEXT, last_hash TEXT)
   LANGUAGE plpgsql VOLATILE AS $$
   #variable_conflict use_column
   DECLARE
     head_revision INTEGER;
     head_hash TEXT;
     last_revision INTEGER := p_base_revision + cardinality(p_ids);
   BEGIN
     PERFORM pg_advisory_xact_lock(hashtext(p_lock_key));
     RETURN QUERY SELECT 'event', e.id::text, e.stream_id, e.revision, e.position::text, NULL::text
       FROM ${s}.events e WHERE e.id = ANY(p_ids);
     IF FOUND THEN RETURN; END IF;
     SELECT h.revision, h.last_hash INTO head_revision, head_hash FROM ${s}.event_streams h WHERE h.stream_id = p_stream_id;
     IF head_revision IS DISTINCT FROM (CASE WHEN p_base_revision < 0 THEN NULL ELSE p_base_revision END)
        OR head_hash IS DISTINCT FROM p_base_hash THEN
       RETURN QUERY SELECT 'head', NULL::text, p_stream_id, head_revision, NULL::text, head_hash;
       RETURN;
     END IF;
     RETURN QUERY WITH inserted AS (
       INSERT INTO ${s}.events (stream_id, revision, id, type, data, metadata)
       SELECT p_stream_id, p_base_revision + r.ordinal::int, r.id, r.type, r.data, r.metadata
         FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS r(id, type, data, metadata, ordinal)
        ORDER BY r.ordinal
       RETURNING events.position
     )
     SELECT 'written', NULL::text, p_stream_id, last_revision, MAX(inserted.position)::text, p_last_hash FROM inserted;
     INSERT INTO ${s}.event_streams AS h (stream_id, revision, last_hash) VALUES (p_stream_id, last_revision, p_last_hash)
       ON CONFLICT ON CONSTRAINT event_streams_pkey DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash;
   END $$;`,
];

/**
 * Creates the schema and applies missing steps. A session advisory lock keeps two processes that
 * start together from applying the same step twice.
 */
export async function migratePostgresSchema(pool: Pool, schema: string): Promise<void> {
  const s = quotedSchema(schema);
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
