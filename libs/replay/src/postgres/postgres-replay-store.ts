import { inPostgresTransaction } from '@ij/event-store';
import type { Pool, PoolClient } from 'pg';
import { recordOf, rowOf, ROW_COLUMNS, type ReplayColumns, type RowColumns } from '../replay-columns';
import type { ReplayRow } from '../replay-row';
import type { NewReplay, ReplayRecord, ReplayRowsQuery, ReplayStore, StoredReplayRow } from '../replay-store.port';
import type { ReplaySummary } from '../replay-summary';
import { quotedSchema } from '@ij/event-store';

const INSERT_BATCH = 1_000;

/** Replays in the read models' PostgreSQL schema (postgres and esdb deployments), shared by every process. */
export class PostgresReplayStore implements ReplayStore {
  private readonly s: string;

  private constructor(private readonly pool: Pool, schema: string) {
    this.s = quotedSchema(schema);
  }

  static async open(pool: Pool, schema: string): Promise<PostgresReplayStore> {
    const store = new PostgresReplayStore(pool, schema);
    await store.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.replays`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${store.s}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${store.s}.replays (
          replay_id TEXT PRIMARY KEY, rules_version TEXT NOT NULL, current_rules_version TEXT NOT NULL, through TEXT NOT NULL,
          status TEXT NOT NULL, reason TEXT, processed BIGINT NOT NULL, total BIGINT NOT NULL, affected BIGINT NOT NULL,
          underpaid_cents BIGINT NOT NULL, overpaid_cents BIGINT NOT NULL, settlements BIGINT NOT NULL, checkpoint TEXT NOT NULL,
          requested_by TEXT NOT NULL, requested_at TEXT NOT NULL, finished_at TEXT);
        CREATE TABLE IF NOT EXISTS ${store.s}.replay_rows (
          replay_id TEXT NOT NULL, seq INTEGER NOT NULL, policyholder_id TEXT NOT NULL, stoppage_id TEXT NOT NULL, kind TEXT NOT NULL,
          current_cents BIGINT NOT NULL, replayed_cents BIGINT NOT NULL, paid_cents BIGINT NOT NULL, delta_cents BIGINT NOT NULL,
          settlement_cents BIGINT NOT NULL, entitlement_status TEXT NOT NULL, PRIMARY KEY (replay_id, seq));`);
    });
    return store;
  }

  async start(replay: NewReplay): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query(`DELETE FROM ${this.s}.replay_rows WHERE replay_id = $1`, [replay.replayId]);
      await client.query(
        `INSERT INTO ${this.s}.replays (replay_id, rules_version, current_rules_version, through, status, reason, processed, total, affected,
           underpaid_cents, overpaid_cents, settlements, checkpoint, requested_by, requested_at, finished_at)
         VALUES ($1, $2, $3, $4, 'running', NULL, 0, 0, 0, 0, 0, 0, $5, $6, $7, NULL)
         ON CONFLICT (replay_id) DO UPDATE SET rules_version = excluded.rules_version, current_rules_version = excluded.current_rules_version,
           through = excluded.through, status = 'running', reason = NULL, processed = 0, total = 0, affected = 0, underpaid_cents = 0,
           overpaid_cents = 0, settlements = 0, checkpoint = excluded.checkpoint, requested_by = excluded.requested_by,
           requested_at = excluded.requested_at, finished_at = NULL`,
        [replay.replayId, replay.rulesVersion, replay.currentRulesVersion, replay.through, replay.checkpoint, replay.requestedBy, replay.requestedAt],
      );
    });
  }

  async progress(replayId: string, processed: number, total: number): Promise<void> {
    await this.pool.query(`UPDATE ${this.s}.replays SET processed = $1, total = $2 WHERE replay_id = $3 AND status = 'running'`, [processed, total, replayId]);
  }

  async finish(replayId: string, result: ReplaySummary & { processed: number; total: number; finishedAt: string }, rows: readonly ReplayRow[]): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query(`DELETE FROM ${this.s}.replay_rows WHERE replay_id = $1`, [replayId]);
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        const batch = rows.slice(start, start + INSERT_BATCH);
        await client.query(
          `INSERT INTO ${this.s}.replay_rows (replay_id, seq, ${ROW_COLUMNS})
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::text[])`,
          [
            replayId,
            batch.map((_, index) => start + index + 1),
            batch.map((row) => row.policyholderId),
            batch.map((row) => row.stoppageId),
            batch.map((row) => row.kind),
            batch.map((row) => row.currentCents),
            batch.map((row) => row.replayedCents),
            batch.map((row) => row.paidCents),
            batch.map((row) => row.deltaCents),
            batch.map((row) => row.settlementCents),
            batch.map((row) => row.entitlementStatus),
          ],
        );
      }
      await client.query(
        `UPDATE ${this.s}.replays SET status = 'done', processed = $1, total = $2, affected = $3, underpaid_cents = $4, overpaid_cents = $5,
           settlements = $6, finished_at = $7 WHERE replay_id = $8`,
        [result.processed, result.total, result.affected, result.underpaidCents, result.overpaidCents, result.settlements, result.finishedAt, replayId],
      );
    });
  }

  async fail(replayId: string, reason: string, finishedAt: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.s}.replays SET status = 'failed', reason = $1, finished_at = $2 WHERE replay_id = $3`, [reason, finishedAt, replayId]);
  }

  async failRunning(except: string | undefined, reason: string, finishedAt: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ replay_id: string }>(
      `UPDATE ${this.s}.replays SET status = 'failed', reason = $1, finished_at = $2 WHERE status = 'running' AND replay_id IS DISTINCT FROM $3 RETURNING replay_id`,
      [reason, finishedAt, except ?? null],
    );
    return rows.map((row) => row.replay_id);
  }

  async get(replayId: string): Promise<ReplayRecord | undefined> {
    const { rows } = await this.pool.query<ReplayColumns>(`SELECT * FROM ${this.s}.replays WHERE replay_id = $1`, [replayId]);
    return rows[0] && recordOf(rows[0]);
  }

  async rows(replayId: string, query: ReplayRowsQuery): Promise<StoredReplayRow[]> {
    const { rows } = await this.pool.query<RowColumns>(
      `SELECT seq, ${ROW_COLUMNS} FROM ${this.s}.replay_rows WHERE replay_id = $1 AND seq > $2 ${query.all ? '' : 'AND delta_cents <> 0'}
        ORDER BY seq LIMIT $3`,
      [replayId, query.afterSeq ?? 0, query.limit],
    );
    return rows.map(rowOf);
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inPostgresTransaction(this.pool, work);
  }
}
