import { Pool } from 'pg';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.port';
import { migratePostgresSchema } from './postgres-schema';
import { quotedSchema } from './quoted-schema';

type RecordRow = { request_hash: string; status_code: number; body: string; recorded_at: string };

/**
 * Idempotency records in the event store's schema; also used beside EventStoreDB.
 * `recordedAt` is kept as the caller's text and compared as text (UTC ISO-8601 sorts as time).
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly s: string;

  private constructor(private readonly pool: Pool, schema: string) {
    this.s = quotedSchema(schema);
  }

  /** Opens (and migrates) the records in the schema; every store opens this way. */
  static async open(options: { connection: Pool; schema: string }): Promise<PostgresIdempotencyStore> {
    await migratePostgresSchema(options.connection, options.schema);
    return new PostgresIdempotencyStore(options.connection, options.schema);
  }

  async get(scope: string, key: string): Promise<StoredResponse | undefined> {
    const { rows } = await this.pool.query<RecordRow>(
      `SELECT request_hash, status_code, body, recorded_at FROM ${this.s}.idempotency_records WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return rows[0] && toStoredResponse(rows[0]);
  }

  async putIfAbsent(scope: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    // DO NOTHING returns no row when another request won; the winner's record is then read back.
    // Read committed sees it: the conflicting insert had to commit for ours to be skipped.
    const { rows } = await this.pool.query<RecordRow>(
      `INSERT INTO ${this.s}.idempotency_records (scope, key, request_hash, status_code, body, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING
       RETURNING request_hash, status_code, body, recorded_at`,
      [scope, key, response.requestHash, response.statusCode, JSON.stringify(response.body ?? null), response.recordedAt],
    );
    if (rows[0]) return toStoredResponse(rows[0]);
    const existing = await this.get(scope, key);
    if (!existing) throw new Error(`Idempotency record ${scope}/${key} vanished between insert and read`);
    return existing;
  }

  async purgeOlderThan(isoInstant: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.s}.idempotency_records WHERE recorded_at < $1`, [isoInstant]);
    return result.rowCount ?? 0;
  }
}

function toStoredResponse(row: RecordRow): StoredResponse {
  return { requestHash: row.request_hash, statusCode: row.status_code, body: JSON.parse(row.body), recordedAt: row.recorded_at };
}
