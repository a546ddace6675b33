import type { Pool } from 'pg';
import { quotedSchema } from '@ij/event-store';
import { READ_MODELS_PROJECTION } from '../read-model-store.port';


/**
 * The DDL of the read-model tables. `suffix` names a shadow set (a partitioned rebuild's), its tables,
 * keys and indexes all suffixed, so that swapping it in is renaming each back to its name without the suffix.
 */
export function readModelTables(s: string, suffix = ''): string {
  if (!/^[a-z0-9_]{0,30}$/u.test(suffix)) throw new Error(`Invalid read-model table suffix: ${suffix}`);
  return `
      CREATE TABLE IF NOT EXISTS ${s}.rm_policyholders${suffix} (
        policyholder_id TEXT   NOT NULL,
        state_json      TEXT   NOT NULL,
        last_position   BIGINT NOT NULL,
        CONSTRAINT rm_policyholders_pkey${suffix} PRIMARY KEY (policyholder_id)
      );
      CREATE TABLE IF NOT EXISTS ${s}.rm_stoppages${suffix} (
        stoppage_id                   TEXT    NOT NULL,
        policyholder_id               TEXT    NOT NULL,
        kind                          TEXT    NOT NULL,
        status                        TEXT    NOT NULL,
        start_date                    TEXT    NOT NULL,
        end_date                      TEXT    NOT NULL,
        last_day                      TEXT,
        has_certificate               BOOLEAN NOT NULL,
        advances_cents                BIGINT  NOT NULL,
        paid_cents                    BIGINT  NOT NULL,
        overpayment_outstanding_cents BIGINT  NOT NULL,
        regularized_through           TEXT,
        last_position                 BIGINT  NOT NULL,
        CONSTRAINT rm_stoppages_pkey${suffix} PRIMARY KEY (stoppage_id)
      );
      CREATE INDEX IF NOT EXISTS rm_stoppages_policyholder${suffix} ON ${s}.rm_stoppages${suffix} (policyholder_id);
      CREATE INDEX IF NOT EXISTS rm_stoppages_kind_status${suffix} ON ${s}.rm_stoppages${suffix} (kind, status);`;
}

/** The indexes (primary keys included) of the read-model tables: a swapped-in shadow set renames each. */
export const READ_MODEL_INDEXES = ['rm_policyholders_pkey', 'rm_stoppages_pkey', 'rm_stoppages_policyholder', 'rm_stoppages_kind_status'] as const;

/** The read models beside the events, in the same schema; a transaction-scoped lock keeps two starting processes apart. */
export async function migratePostgresReadModels(pool: Pool, schema: string): Promise<void> {
  const s = quotedSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.read-models`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.rm_checkpoints (projection TEXT PRIMARY KEY, position BIGINT NOT NULL);`);
    await client.query(readModelTables(s));
    await client.query(`INSERT INTO ${s}.rm_checkpoints (projection, position) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [READ_MODELS_PROJECTION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
