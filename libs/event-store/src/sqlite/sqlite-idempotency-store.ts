import type { Database } from 'better-sqlite3';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.port';
import { migrateEventStoreSchema } from './sqlite-schema';

type RecordRow = { request_hash: string; status_code: number; body: string; recorded_at: string };

/**
 * Idempotency records in the events' database file (pass `SqliteEventStore.database`).
 * `recordedAt` is compared as text: callers store UTC ISO-8601 instants (toISOString), which sort as time.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly statements;

  private constructor(database: Database) {
    migrateEventStoreSchema(database);
    this.statements = {
      get: database.prepare('SELECT request_hash, status_code, body, recorded_at FROM idempotency_records WHERE scope = ? AND key = ?'),
      insert: database.prepare(
        `INSERT INTO idempotency_records (scope, key, request_hash, status_code, body, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key) DO NOTHING`,
      ),
      purge: database.prepare('DELETE FROM idempotency_records WHERE recorded_at < ?'),
    };
  }

  /** Opens (and migrates) the records in the events' connection; every store opens this way. */
  static async open(options: { connection: Database }): Promise<SqliteIdempotencyStore> {
    return new SqliteIdempotencyStore(options.connection);
  }


  async get(scope: string, key: string): Promise<StoredResponse | undefined> {
    const row = this.statements.get.get(scope, key) as RecordRow | undefined;
    return row && toStoredResponse(row);
  }

  async putIfAbsent(scope: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    // One connection, synchronous calls: nothing can run between the insert and the read-back.
    this.statements.insert.run(scope, key, response.requestHash, response.statusCode, JSON.stringify(response.body ?? null), response.recordedAt);
    return toStoredResponse(this.statements.get.get(scope, key) as RecordRow);
  }

  async purgeOlderThan(isoInstant: string): Promise<number> {
    return this.statements.purge.run(isoInstant).changes;
  }
}

function toStoredResponse(row: RecordRow): StoredResponse {
  return { requestHash: row.request_hash, statusCode: row.status_code, body: JSON.parse(row.body), recordedAt: row.recorded_at };
}
