import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { inPostgresTransaction, type EventStore, type RecordedEvent } from '@ij/event-store';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { foldStream, policyholderOfStream, policyholdersTouched, projectEvents } from '../model/project-events';
import { eventFromRow } from '../model/recorded-event-row';
import { partitionOf } from '../partition';
import type { PartitionFold, PartitionFoldResult, RebuildTables } from '../partitioned-rebuild';
import { READ_MODELS_PROJECTION } from '../read-model-store.port';
import { toDocument, writeDocuments, type EventRecord, type PolicyholderRecord } from './postgres-read-model-rows';
import { READ_MODEL_INDEXES, readModelTables } from './postgres-read-model-schema';

const DEFAULT_PAGE_SIZE = 2_000;
/** Folded documents written per statement pair. */
const WRITE_BATCH = 500;
const POLICYHOLDER_PREFIX_LENGTH = 'policyholder-'.length;

/** partitionOf's hash in SQL: the first 4 bytes of sha256(the policyholder id), big-endian, unsigned. */
export function partitionHashSql(policyholderId: string): string {
  return `('x' || left(encode(sha256(convert_to(${policyholderId}, 'UTF8')), 'hex'), 8))::bit(32)::bigint`;
}

/** The shadow tables' suffix: derived from the job id, so any id gives a valid, short identifier. */
export function shadowSuffixOf(jobId: string): string {
  return `_rebuild_${createHash('sha256').update(jobId, 'utf8').digest('hex').slice(0, 12)}`;
}

/**
 * The PostgreSQL side of a partitioned rebuild (see partitioned-rebuild.ts): one job's shadow read-model
 * tables (`rm_policyholders_rebuild_<hash of the job id>`, `rm_stoppages_rebuild_…`), the fold of one
 * partition into them, and the swap that puts them in place of the live tables.
 */
export class PostgresRebuildTables implements RebuildTables {
  readonly suffix: string;

  /** `log`: the event store when the events are not in this schema (esdb): partitions read it through the port. */
  constructor(private readonly pool: Pool, private readonly s: string, jobId: string, private readonly log?: EventStore) {
    this.suffix = shadowSuffixOf(jobId);
  }

  /** Creates the shadow tables if they do not exist (every process of the job calls it; the first creates them). */
  async prepare(): Promise<void> {
    await inPostgresTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.s}.read-models`]);
      await client.query(readModelTables(this.s, this.suffix));
    });
  }

  /**
   * Folds the policyholders of one partition, from the log up to `head`, into the shadow tables through
   * `client` (the caller's transaction, which also marks the partition done). Only those policyholders'
   * events are read: the events table is filtered by the same hash in SQL (the port's log, in JS).
   */
  async foldPartition(client: PoolClient, job: PartitionFold): Promise<PartitionFoldResult> {
    // A partition's rows are committed once, with its done mark; clearing them first makes a fold over
    // rows already there (an operator re-running it by hand) start from nothing all the same.
    for (const table of ['rm_stoppages', 'rm_policyholders']) {
      await client.query(`DELETE FROM ${this.s}.${table}${this.suffix} WHERE ${partitionHashSql('policyholder_id')} % $1 = $2`, [job.partitions, job.partition]);
    }
    return this.log ? this.foldFromLog(client, this.log, job) : this.foldFromTable(client, job);
  }

  /**
   * The coordinator's last step, in its transaction: locks the checkpoint row (a projector waits), drops
   * the live tables, renames the shadow ones (and their indexes) in their place and sets the checkpoint
   * to the job's head. Readers see the old models until COMMIT; the projector then catches up from `head`.
   */
  async swapIn(client: PoolClient, head: bigint): Promise<void> {
    await client.query(`SELECT position FROM ${this.s}.rm_checkpoints WHERE projection = $1 FOR UPDATE`, [READ_MODELS_PROJECTION]);
    const { rows } = await client.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`${this.s}.rm_policyholders${this.suffix}`]);
    if (!rows[0].found) throw new Error(`The shadow tables of this rebuild (rm_*${this.suffix}) are gone: start a new job`);
    await client.query(`DROP TABLE ${this.s}.rm_stoppages; DROP TABLE ${this.s}.rm_policyholders;`);
    await client.query(
      `ALTER TABLE ${this.s}.rm_policyholders${this.suffix} RENAME TO rm_policyholders;
       ALTER TABLE ${this.s}.rm_stoppages${this.suffix} RENAME TO rm_stoppages;` +
        READ_MODEL_INDEXES.map((index) => `ALTER INDEX ${this.s}.${index}${this.suffix} RENAME TO ${index};`).join('\n'),
    );
    await client.query(`UPDATE ${this.s}.rm_checkpoints SET position = $1 WHERE projection = $2`, [String(head), READ_MODELS_PROJECTION]);
  }

  /** Drops shadow tables left by a process that prepared them after the job was swapped in. */
  async dropLeftovers(): Promise<void> {
    await this.pool.query(`DROP TABLE IF EXISTS ${this.s}.rm_stoppages${this.suffix}; DROP TABLE IF EXISTS ${this.s}.rm_policyholders${this.suffix};`);
  }

  /** The events table, stream by stream (as the single-process rebuild), only the partition's streams. */
  private async foldFromTable(client: PoolClient, job: PartitionFold): Promise<PartitionFoldResult> {
    const result: PartitionFoldResult = { eventsFolded: 0, policyholders: 0, stoppages: 0 };
    const pending: PolicyholderDocument[] = [];
    const flushWrites = async () => {
      await writeDocuments(client, this.s, pending.splice(0), this.suffix);
    };
    let after: [string, number] = ['policyholder-', -1];
    let streamId = '';
    let stream: RecordedEvent[] = [];
    const fold = async () => {
      const policyholderId = policyholderOfStream(streamId);
      if (policyholderId === undefined || stream.length === 0) return;
      if (partitionOf(policyholderId, job.partitions) !== job.partition) throw new Error(`${streamId} is not in partition ${job.partition}`);
      const document = foldStream(policyholderId, stream);
      pending.push(document);
      result.policyholders++;
      result.stoppages += document.stoppages.length;
      if (pending.length >= WRITE_BATCH) await flushWrites();
    };
    for (;;) {
      job.signal?.throwIfAborted();
      const { rows } = await client.query<EventRecord>(
        `SELECT position::text AS position, stream_id, revision, id::text AS id, type, data, metadata FROM ${this.s}.events
          WHERE (stream_id COLLATE "C", revision) > ($1 COLLATE "C", $2) AND stream_id LIKE 'policyholder-%' AND position <= $3
            AND ${partitionHashSql(`substr(stream_id, ${POLICYHOLDER_PREFIX_LENGTH + 1})`)} % $5 = $6
          ORDER BY stream_id COLLATE "C", revision LIMIT $4`,
        [after[0], after[1], String(job.head), job.pageSize ?? DEFAULT_PAGE_SIZE, job.partitions, job.partition],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.stream_id !== streamId) {
          await fold();
          streamId = row.stream_id;
          stream = [];
        }
        stream.push(eventFromRow(BigInt(row.position), row.stream_id, row.revision, row.id, row.type, row.data, row.metadata));
      }
      result.eventsFolded += rows.length;
      after = [rows[rows.length - 1].stream_id, rows[rows.length - 1].revision];
    }
    await fold();
    await flushWrites();
    return result;
  }

  /** The log through the port, in global order up to the head, each page's events of the partition folded as the projector folds them. */
  private async foldFromLog(client: PoolClient, log: EventStore, job: PartitionFold): Promise<PartitionFoldResult> {
    let position = 0n;
    let eventsFolded = 0;
    /** Stoppages per folded policyholder (a number each): the partition's counts. */
    const stoppages = new Map<string, number>();
    while (position < job.head) {
      job.signal?.throwIfAborted();
      const page = await log.readAll({ fromPosition: position, limit: job.pageSize ?? DEFAULT_PAGE_SIZE });
      if (page.length === 0) break;
      const mine = page.filter((event) => {
        const policyholderId = policyholderOfStream(event.streamId);
        return event.position <= job.head && policyholderId !== undefined && partitionOf(policyholderId, job.partitions) === job.partition;
      });
      if (mine.length > 0) {
        const { rows } = await client.query<PolicyholderRecord>(
          `SELECT policyholder_id, state_json, last_position FROM ${this.s}.rm_policyholders${this.suffix} WHERE policyholder_id = ANY($1::text[])`,
          [policyholdersTouched(mine)],
        );
        const documents = projectEvents(mine, new Map(rows.map((row) => [row.policyholder_id, toDocument(row)])));
        await writeDocuments(client, this.s, documents, this.suffix);
        for (const document of documents) stoppages.set(document.policyholderId, document.stoppages.length);
        eventsFolded += mine.length;
      }
      position = page[page.length - 1].position;
    }
    return { eventsFolded, policyholders: stoppages.size, stoppages: [...stoppages.values()].reduce((sum, count) => sum + count, 0) };
  }
}
