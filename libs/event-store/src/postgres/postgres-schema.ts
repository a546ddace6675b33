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
  // Group commit (postgres-append-batch.ts): append_events for a whole batch of appends, set-based, under the
  // same lock and in one transaction, so one commit (one WAL flush) and one lock hand-over per batch instead
  // of per append. Appends are numbered 1..n (p_streams… give each one's stream, planned head and new last
  // hash); events carry the number of their append (p_requests) and are flattened in append order. The
  // caller puts each stream and each event id in at most one append of a batch. Each append is checked as
  // append_events checks one (ids first, then the head) against what was committed before the lock, and
  // reported: 'event' rows (ids stored), one 'head' row (the head moved), or one 'written' row (its last
  // revision and position). Appends that pass are inserted in append order, so positions follow it.
  `CREATE OR REPLACE FUNCTION ${s}.append_batch(
     p_lock_key TEXT, p_streams TEXT[], p_base_revisions INTEGER[], p_base_hashes TEXT[], p_last_hashes TEXT[],
     p_requests INTEGER[], p_ids UUID[], p_revisions INTEGER[], p_types TEXT[], p_data TEXT[], p_metadata TEXT[])
   RETURNS TABLE (request INTEGER, kind TEXT, id TEXT, stream_id TEXT, revision INTEGER, "position" TEXT, last_hash TEXT)
   LANGUAGE plpgsql VOLATILE AS $$
   #variable_conflict use_column
   BEGIN
     PERFORM pg_advisory_xact_lock(hashtext(p_lock_key));
     RETURN QUERY
     WITH req AS (
       SELECT r.ordinal::int AS request, r.stream_id, r.base_revision, r.base_hash, r.last_hash
         FROM unnest(p_streams, p_base_revisions, p_base_hashes, p_last_hashes) WITH ORDINALITY AS r(stream_id, base_revision, base_hash, last_hash, ordinal)
     ), ev AS (
       SELECT e.request, e.id, e.revision, e.type, e.data, e.metadata, e.ordinal
         FROM unnest(p_requests, p_ids, p_revisions, p_types, p_data, p_metadata) WITH ORDINALITY AS e(request, id, revision, type, data, metadata, ordinal)
     ), stored AS (
       SELECT ev.request, s.id, s.stream_id, s.revision, s.position FROM ev JOIN ${s}.events s ON s.id = ev.id
     ), moved AS (
       SELECT req.request, h.revision, h.last_hash
         FROM req LEFT JOIN ${s}.event_streams h ON h.stream_id = req.stream_id
        WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.request = req.request)
          AND (h.revision IS DISTINCT FROM (CASE WHEN req.base_revision < 0 THEN NULL ELSE req.base_revision END)
               OR h.last_hash IS DISTINCT FROM req.base_hash)
     ), good AS (
       SELECT req.request, req.stream_id, req.last_hash, (SELECT MAX(ev.revision) FROM ev WHERE ev.request = req.request) AS last_revision
         FROM req
        WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.request = req.request)
          AND NOT EXISTS (SELECT 1 FROM moved WHERE moved.request = req.request)
     ), inserted AS (
       INSERT INTO ${s}.events (stream_id, revision, id, type, data, metadata)
       SELECT good.stream_id, ev.revision, ev.id, ev.type, ev.data, ev.metadata
         FROM ev JOIN good ON good.request = ev.request
        ORDER BY ev.ordinal
       RETURNING events.stream_id, events.position
     ), heads AS (
       INSERT INTO ${s}.event_streams AS h (stream_id, revision, last_hash)
       SELECT good.stream_id, good.last_revision, good.last_hash FROM good
       ON CONFLICT ON CONSTRAINT event_streams_pkey DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash
     )
     SELECT stored.request, 'event', stored.id::text, stored.stream_id, stored.revision, stored.position::text, NULL::text FROM stored
     UNION ALL
     SELECT moved.request, 'head', NULL::text, NULL::text, moved.revision, NULL::text, moved.last_hash FROM moved
     UNION ALL
     SELECT good.request, 'written', NULL::text, good.stream_id, good.last_revision, MAX(inserted.position)::text, good.last_hash
       FROM good JOIN inserted ON inserted.stream_id = good.stream_id
      GROUP BY good.request, good.stream_id, good.last_revision, good.last_hash;
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
