import type { Pool, PoolClient } from 'pg';
import { inPostgresTransaction, quotedSchema, type EventStore, type RecordedEvent } from '@ij/event-store';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { policyholdersTouched, projectEvents } from '../model/project-events';
import type { StoppageRow } from '../model/stoppage-row';
import {
  READ_MODELS_PROJECTION,
  type ReadModelDump,
  type ReadModelStore,
  type RebuildProgress,
  type RebuildResult,
} from '../read-model-store.port';
import { rebuildFromLog } from './postgres-log-rebuild';
import { PostgresRebuildTables } from './postgres-partitioned-rebuild';
import { rebuildFromEventsTable } from './postgres-rebuild';
import { migratePostgresReadModels } from './postgres-read-model-schema';
import { toDocument, toStoppageRow, writeDocuments, type PolicyholderRecord, type StoppageRecord } from './postgres-read-model-rows';

/**
 * Read models in the events' PostgreSQL schema. A batch is one transaction that first locks the
 * checkpoint row: projectors of several processes take turns, and each sees the checkpoint the previous
 * one committed, so no event is applied twice or skipped.
 */
export class PostgresReadModelStore implements ReadModelStore {
  private readonly s: string;

  private constructor(private readonly pool: Pool, schema: string, private readonly log?: EventStore) {
    this.s = quotedSchema(schema);
  }

  /**
   * `log`: the event store when the events are not in this schema (esdb): a rebuild then reads the log
   * through the port instead of the events table.
   */
  static async open(pool: Pool, schema: string, options: { log?: EventStore } = {}): Promise<PostgresReadModelStore> {
    await migratePostgresReadModels(pool, schema);
    return new PostgresReadModelStore(pool, schema, options.log);
  }

  async checkpoint(): Promise<bigint> {
    const { rows } = await this.pool.query(`SELECT position FROM ${this.s}.rm_checkpoints WHERE projection = $1`, [READ_MODELS_PROJECTION]);
    return BigInt(rows[0].position);
  }

  async applyBatch(readFrom: bigint, events: readonly RecordedEvent[]): Promise<bigint> {
    return this.inTransaction(async (client) => {
      const stored = await this.lockCheckpoint(client);
      if (stored < readFrom) return stored;
      const fresh = events.filter((event) => event.position > stored);
      if (fresh.length === 0) return stored;
      const ids = policyholdersTouched(fresh);
      const { rows } = await client.query<PolicyholderRecord>(
        `SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders WHERE policyholder_id = ANY($1::text[])`,
        [ids],
      );
      const loaded = new Map(rows.map((row) => [row.policyholder_id, toDocument(row)]));
      await this.write(client, projectEvents(fresh, loaded));
      const checkpoint = fresh[fresh.length - 1].position;
      await this.saveCheckpoint(client, checkpoint);
      return checkpoint;
    });
  }

  async policyholder(policyholderId: string): Promise<PolicyholderDocument | undefined> {
    const { rows } = await this.pool.query<PolicyholderRecord>(
      `SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders WHERE policyholder_id = $1`,
      [policyholderId],
    );
    return rows[0] && toDocument(rows[0]);
  }

  async stoppage(stoppageId: string): Promise<StoppageRow | undefined> {
    const { rows } = await this.pool.query<StoppageRecord>(`SELECT * FROM ${this.s}.rm_stoppages WHERE stoppage_id = $1`, [stoppageId]);
    return rows[0] && toStoppageRow(rows[0]);
  }

  async policyholders(afterId: string | null, limit: number): Promise<PolicyholderDocument[]> {
    const { rows } = await this.pool.query<PolicyholderRecord>(
      `SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders
        WHERE policyholder_id COLLATE "C" > $1 ORDER BY policyholder_id COLLATE "C" LIMIT $2`,
      [afterId ?? '', limit],
    );
    return rows.map(toDocument);
  }

  /**
   * One transaction: the checkpoint row is locked (projectors wait), the models emptied and refolded up to
   * the log's head, from the events table (postgres-rebuild.ts) or, when the log is elsewhere (esdb), through
   * the event store port (postgres-log-rebuild.ts). Readers see the old models until COMMIT (MVCC).
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    return this.inTransaction(async (client) => {
      await this.lockCheckpoint(client);
      await client.query(`DELETE FROM ${this.s}.rm_stoppages`);
      await client.query(`DELETE FROM ${this.s}.rm_policyholders`);
      const result = this.log ? await rebuildFromLog(client, this.s, this.log, onProgress) : await rebuildFromEventsTable(client, this.s, onProgress);
      await this.saveCheckpoint(client, result.checkpoint);
      return result;
    });
  }

  /**
   * The shadow tables of a rebuild partitioned across processes (job `jobId`): its partitions are folded
   * into them, and the last one done swaps them in (see partitioned-rebuild.ts).
   */
  rebuildTables(jobId: string): PostgresRebuildTables {
    return new PostgresRebuildTables(this.pool, this.s, jobId, this.log);
  }

  async dump(): Promise<ReadModelDump> {
    const [policyholders, stoppages] = await Promise.all([
      this.pool.query<PolicyholderRecord>(`SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders ORDER BY policyholder_id COLLATE "C"`),
      this.pool.query<StoppageRecord>(`SELECT * FROM ${this.s}.rm_stoppages ORDER BY stoppage_id COLLATE "C"`),
    ]);
    return {
      checkpoint: await this.checkpoint(),
      policyholders: policyholders.rows.map((row) => ({ policyholderId: row.policyholder_id, stateJson: row.state_json, lastPosition: BigInt(row.last_position) })),
      stoppages: stoppages.rows.map(toStoppageRow),
    };
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inPostgresTransaction(this.pool, work);
  }

  private async lockCheckpoint(client: PoolClient): Promise<bigint> {
    const { rows } = await client.query(`SELECT position FROM ${this.s}.rm_checkpoints WHERE projection = $1 FOR UPDATE`, [READ_MODELS_PROJECTION]);
    return BigInt(rows[0].position);
  }

  private async saveCheckpoint(client: PoolClient, position: bigint): Promise<void> {
    await client.query(`UPDATE ${this.s}.rm_checkpoints SET position = $1 WHERE projection = $2`, [String(position), READ_MODELS_PROJECTION]);
  }

  private async write(client: PoolClient, documents: PolicyholderDocument[]): Promise<void> {
    await writeDocuments(client, this.s, documents);
  }
}
