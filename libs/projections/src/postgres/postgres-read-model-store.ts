import type { Pool, PoolClient } from 'pg';
import { inPostgresTransaction, quotedSchema, type EventStore, type RecordedEvent } from '@ij/event-store';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { foldStream, policyholderOfStream, policyholdersTouched, projectEvents } from '../model/project-events';
import { eventFromRow } from '../model/recorded-event-row';
import type { StoppageRow } from '../model/stoppage-row';
import {
  READ_MODELS_PROJECTION,
  type ReadModelDump,
  type ReadModelStore,
  type RebuildProgress,
  type RebuildResult,
} from '../read-model-store.port';
import { PostgresRebuildTables } from './postgres-partitioned-rebuild';
import { migratePostgresReadModels } from './postgres-read-model-schema';
import { toDocument, toStoppageRow, writeDocuments, type EventRecord, type PolicyholderRecord, type StoppageRecord } from './postgres-read-model-rows';

const REBUILD_PAGE_SIZE = 2_000;

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
   * One transaction: the checkpoint row is locked (projectors wait), the models emptied and refolded
   * stream by stream up to the head. Readers see the old models until COMMIT (MVCC), memory holds a page.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    if (this.log) return this.rebuildFromLog(this.log, onProgress);
    return this.inTransaction(async (client) => {
      await this.lockCheckpoint(client);
      await client.query(`DELETE FROM ${this.s}.rm_stoppages`);
      await client.query(`DELETE FROM ${this.s}.rm_policyholders`);
      const { rows: headRows } = await client.query(
        `SELECT COALESCE(MAX(position), 0)::text AS head,
                COUNT(*) FILTER (WHERE stream_id LIKE 'policyholder-%')::int AS total FROM ${this.s}.events`,
      );
      const head = BigInt(headRows[0].head);
      const total: number = headRows[0].total;
      const result: RebuildResult = { checkpoint: head, eventsFolded: 0, policyholders: 0, stoppages: 0 };
      let after: [string, number] = ['policyholder-', -1];
      let streamId = '';
      let stream: RecordedEvent[] = [];
      const flush = async () => {
        const policyholderId = policyholderOfStream(streamId);
        if (policyholderId === undefined || stream.length === 0) return;
        const document = foldStream(policyholderId, stream);
        await this.write(client, [document]);
        result.policyholders++;
        result.stoppages += document.stoppages.length;
      };
      for (;;) {
        const { rows } = await client.query<EventRecord>(
          `SELECT position::text AS position, stream_id, revision, id::text AS id, type, data, metadata FROM ${this.s}.events
            WHERE (stream_id COLLATE "C", revision) > ($1 COLLATE "C", $2) AND stream_id LIKE 'policyholder-%' AND position <= $3
            ORDER BY stream_id COLLATE "C", revision LIMIT $4`,
          [after[0], after[1], String(head), REBUILD_PAGE_SIZE],
        );
        if (rows.length === 0) break;
        for (const row of rows) {
          if (row.stream_id !== streamId) {
            await flush();
            streamId = row.stream_id;
            stream = [];
          }
          stream.push(eventFromRow(BigInt(row.position), row.stream_id, row.revision, row.id, row.type, row.data, row.metadata));
        }
        result.eventsFolded += rows.length;
        after = [rows[rows.length - 1].stream_id, rows[rows.length - 1].revision];
        onProgress?.({ processed: result.eventsFolded, total });
      }
      await flush();
      await this.saveCheckpoint(client, head);
      return result;
    });
  }

  /**
   * The rebuild when the log is elsewhere (EventStoreDB): one transaction, the models emptied, then the log
   * read in global order through the port up to its head, page by page, each page folded exactly as the
   * projector folds it (the same function, so rebuilt = incremental). The total is not known in advance:
   * progress reports it as what has been read so far.
   */
  private async rebuildFromLog(log: EventStore, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    return this.inTransaction(async (client) => {
      await this.lockCheckpoint(client);
      await client.query(`DELETE FROM ${this.s}.rm_stoppages`);
      await client.query(`DELETE FROM ${this.s}.rm_policyholders`);
      const head = await log.headPosition();
      let position = 0n;
      let eventsFolded = 0;
      while (position < head) {
        const page = (await log.readAll({ fromPosition: position, limit: REBUILD_PAGE_SIZE })).filter((event) => event.position <= head);
        if (page.length === 0) break;
        const ids = policyholdersTouched(page);
        const { rows } = await client.query<PolicyholderRecord>(
          `SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders WHERE policyholder_id = ANY($1::text[])`,
          [ids],
        );
        await this.write(client, projectEvents(page, new Map(rows.map((row) => [row.policyholder_id, toDocument(row)]))));
        eventsFolded += page.filter((event) => policyholderOfStream(event.streamId) !== undefined).length;
        position = page[page.length - 1].position;
        onProgress?.({ processed: eventsFolded, total: eventsFolded });
      }
      await this.saveCheckpoint(client, head);
      const { rows } = await client.query<{ policyholders: number; stoppages: number }>(
        `SELECT (SELECT COUNT(*) FROM ${this.s}.rm_policyholders)::int AS policyholders, (SELECT COUNT(*) FROM ${this.s}.rm_stoppages)::int AS stoppages`,
      );
      return { checkpoint: head, eventsFolded, policyholders: rows[0].policyholders, stoppages: rows[0].stoppages };
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
