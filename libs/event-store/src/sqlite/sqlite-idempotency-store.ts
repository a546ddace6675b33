import type { Database } from 'better-sqlite3';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.port';
import { GroupCommitQueue, sharedCommitOf, type BatchOutcome } from './group-commit';
import { migrateEventStoreSchema } from './sqlite-schema';

type RecordRow = { request_hash: string; status_code: number; body: string; recorded_at: string };

interface PutRequest {
  scope: string;
  key: string;
  response: StoredResponse;
}

/**
 * Idempotency records in the events' database file (pass `SqliteEventStore.database`).
 * `recordedAt` is compared as text: callers store UTC ISO-8601 instants (toISOString), which sort as time.
 * Records are written by group commit, in the transactions the events' appends share (one per database):
 * the records put while a transaction is being written are written together by the next one, beside the
 * appends pending then, so a command's answer costs a share of one fsync (synchronous=FULL), not one of its
 * own taken on the event loop; `putIfAbsent` resolves after COMMIT.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly statements;
  private readonly puts: GroupCommitQueue<PutRequest, StoredResponse>;

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
    // One connection, synchronous calls inside one transaction: nothing can run between an insert and its read-back.
    const putBatch = database.transaction((requests: PutRequest[]) => requests.map((request): BatchOutcome<StoredResponse> => ({ ok: true, value: this.putNow(request) })));
    this.puts = new GroupCommitQueue((requests) => putBatch.immediate(requests), undefined, sharedCommitOf(database));
  }

  /** Opens (and migrates) the records in the events' connection; every store opens this way. */
  static async open(options: { connection: Database }): Promise<SqliteIdempotencyStore> {
    return new SqliteIdempotencyStore(options.connection);
  }


  async get(scope: string, key: string): Promise<StoredResponse | undefined> {
    const row = this.statements.get.get(scope, key) as RecordRow | undefined;
    return row && toStoredResponse(row);
  }

  putIfAbsent(scope: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    return this.puts.submit({ scope, key, response });
  }

  async purgeOlderThan(isoInstant: string): Promise<number> {
    return this.statements.purge.run(isoInstant).changes;
  }

  private putNow({ scope, key, response }: PutRequest): StoredResponse {
    this.statements.insert.run(scope, key, response.requestHash, response.statusCode, JSON.stringify(response.body ?? null), response.recordedAt);
    return toStoredResponse(this.statements.get.get(scope, key) as RecordRow);
  }
}

function toStoredResponse(row: RecordRow): StoredResponse {
  return { requestHash: row.request_hash, statusCode: row.status_code, body: JSON.parse(row.body), recordedAt: row.recorded_at };
}
