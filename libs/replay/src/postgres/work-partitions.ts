import { inPostgresTransaction } from '@ij/event-store';
import type { Pool, PoolClient } from 'pg';
import { quotedSchema } from '@ij/event-store';

export type PartitionStatus = 'pending' | 'running' | 'done';

export interface NewWorkJob {
  jobId: string;
  kind: string;
  partitionCount: number;
  /** What every process needs to run a partition of the job (request, checkpoint…). */
  request: unknown;
}

export interface ClaimedPartition {
  jobId: string;
  partition: number;
  partitionCount: number;
  /** 1 the first time; more when a partition is resumed after its owner stopped beating. */
  attempt: number;
}

export interface PartitionRow {
  partition: number;
  status: PartitionStatus;
  owner: string | null;
  attempts: number;
  result: unknown;
}

/**
 * A job cut into partitions that several processes share, coordinated by rows: `work_jobs` (one per job,
 * its request and merged result) and `work_partitions` (one per partition: status, owner, heartbeat,
 * result). A process claims a pending partition, or a running one whose owner stopped beating (it
 * crashed), with FOR UPDATE SKIP LOCKED, so two processes never claim the same row at once; it stores the
 * partition's result and marks it done. The last step — merging — is taken by whoever locks the job row first.
 * Jobs are of several kinds (`kind`: replays, read-model rebuilds); the rows do not depend on it.
 */
export class PostgresWorkPartitions {
  private readonly s: string;

  private constructor(private readonly pool: Pool, schema: string) {
    this.s = quotedSchema(schema);
  }

  static async open(pool: Pool, schema: string): Promise<PostgresWorkPartitions> {
    const store = new PostgresWorkPartitions(pool, schema);
    await store.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.work-partitions`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${store.s}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${store.s}.work_jobs (
          job_id TEXT PRIMARY KEY, kind TEXT NOT NULL, partition_count INTEGER NOT NULL, request_json TEXT NOT NULL,
          status TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), merged_at TIMESTAMPTZ, result_json TEXT);
        CREATE TABLE IF NOT EXISTS ${store.s}.work_partitions (
          job_id TEXT NOT NULL REFERENCES ${store.s}.work_jobs (job_id) ON DELETE CASCADE,
          partition INTEGER NOT NULL, partition_count INTEGER NOT NULL,
          status TEXT NOT NULL, owner TEXT, attempts INTEGER NOT NULL DEFAULT 0,
          heartbeat_at TIMESTAMPTZ, result_json TEXT,
          PRIMARY KEY (job_id, partition));`);
    });
    return store;
  }

  /** Creates the job and its pending partitions; true when this call created it (false: it already existed). */
  async createJob(job: NewWorkJob): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO ${this.s}.work_jobs (job_id, kind, partition_count, request_json, status) VALUES ($1, $2, $3, $4, 'running')
         ON CONFLICT (job_id) DO NOTHING`,
        [job.jobId, job.kind, job.partitionCount, JSON.stringify(job.request)],
      );
      if (inserted.rowCount === 0) return false;
      await client.query(
        `INSERT INTO ${this.s}.work_partitions (job_id, partition, partition_count, status)
         SELECT $1, partition, $2, 'pending' FROM generate_series(0, $2 - 1) AS partition`,
        [job.jobId, job.partitionCount],
      );
      return true;
    });
  }

  async job(jobId: string): Promise<{ kind: string; partitionCount: number; request: unknown; status: string; result: unknown } | undefined> {
    const { rows } = await this.pool.query(`SELECT kind, partition_count, request_json, status, result_json FROM ${this.s}.work_jobs WHERE job_id = $1`, [jobId]);
    if (rows.length === 0) return undefined;
    const row = rows[0];
    return { kind: row.kind, partitionCount: row.partition_count, request: JSON.parse(row.request_json), status: row.status, result: row.result_json && JSON.parse(row.result_json) };
  }

  /** A pending partition, or a running one whose heartbeat is older than `staleAfterSeconds`; undefined when none. */
  async claim(jobId: string, owner: string, staleAfterSeconds: number): Promise<ClaimedPartition | undefined> {
    const { rows } = await this.pool.query(
      `UPDATE ${this.s}.work_partitions p SET status = 'running', owner = $2, heartbeat_at = now(), attempts = p.attempts + 1
        WHERE (p.job_id, p.partition) = (
          SELECT job_id, partition FROM ${this.s}.work_partitions
           WHERE job_id = $1 AND (status = 'pending' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $3)))
           ORDER BY partition FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING p.partition, p.partition_count, p.attempts`,
      [jobId, owner, staleAfterSeconds],
    );
    if (rows.length === 0) return undefined;
    return { jobId, partition: rows[0].partition, partitionCount: rows[0].partition_count, attempt: rows[0].attempts };
  }

  /** Still the owner: beat. False when another process took the partition over (stop working on it). */
  async heartbeat(claimed: ClaimedPartition, owner: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.s}.work_partitions SET heartbeat_at = now() WHERE job_id = $1 AND partition = $2 AND owner = $3 AND status = 'running'`,
      [claimed.jobId, claimed.partition, owner],
    );
    return rowCount === 1;
  }

  /** Stores the result and marks the partition done, if this process still owns it. */
  async complete(claimed: ClaimedPartition, owner: string, result: unknown): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.s}.work_partitions SET status = 'done', result_json = $4, heartbeat_at = now()
        WHERE job_id = $1 AND partition = $2 AND owner = $3 AND status = 'running'`,
      [claimed.jobId, claimed.partition, owner, JSON.stringify(result)],
    );
    return rowCount === 1;
  }

  /**
   * Like `complete`, but the partition's output is written by `work` in the same transaction as its done
   * mark (a partitioned rebuild writes its rows so): if this process no longer owns the partition when
   * `work` ends, or the process dies before COMMIT, none of it is kept and whoever takes the partition
   * over redoes it whole. False when the partition was lost (nothing committed).
   */
  async completeWith(claimed: ClaimedPartition, owner: string, work: (client: PoolClient) => Promise<unknown>): Promise<boolean> {
    try {
      return await this.inTransaction(async (client) => {
        const result = await work(client);
        const { rowCount } = await client.query(
          `UPDATE ${this.s}.work_partitions SET status = 'done', result_json = $4, heartbeat_at = now()
            WHERE job_id = $1 AND partition = $2 AND owner = $3 AND status = 'running'`,
          [claimed.jobId, claimed.partition, owner, JSON.stringify(result ?? null)],
        );
        if (rowCount !== 1) throw new PartitionLost();
        return true;
      });
    } catch (error) {
      if (error instanceof PartitionLost) return false;
      throw error;
    }
  }

  async partitions(jobId: string): Promise<PartitionRow[]> {
    const { rows } = await this.pool.query(
      `SELECT partition, status, owner, attempts, result_json FROM ${this.s}.work_partitions WHERE job_id = $1 ORDER BY partition`,
      [jobId],
    );
    return rows.map((row) => ({ partition: row.partition, status: row.status, owner: row.owner, attempts: row.attempts, result: row.result_json && JSON.parse(row.result_json) }));
  }

  /**
   * The coordinator's step: when every partition is done and the job is not merged yet, runs `merge` on
   * their results under the job row's lock and records the job as merged. Returns 'merged' (by this call),
   * 'already-merged', or 'not-ready'.
   */
  async mergeWhenDone(jobId: string, merge: (results: unknown[], client: PoolClient) => Promise<unknown>): Promise<'merged' | 'already-merged' | 'not-ready'> {
    return this.inTransaction(async (client) => {
      const { rows: jobs } = await client.query(`SELECT status FROM ${this.s}.work_jobs WHERE job_id = $1 FOR UPDATE`, [jobId]);
      if (jobs.length === 0) throw new Error(`No work job ${jobId}`);
      if (jobs[0].status === 'merged') return 'already-merged';
      const { rows } = await client.query(`SELECT status, result_json FROM ${this.s}.work_partitions WHERE job_id = $1 ORDER BY partition`, [jobId]);
      if (rows.some((row) => row.status !== 'done')) return 'not-ready';
      const merged = await merge(rows.map((row) => JSON.parse(row.result_json)), client);
      await client.query(`UPDATE ${this.s}.work_jobs SET status = 'merged', merged_at = now(), result_json = $2 WHERE job_id = $1`, [jobId, JSON.stringify(merged ?? null)]);
      return 'merged';
    });
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inPostgresTransaction(this.pool, work);
  }
}

/** Rolls back a partition's transaction when another process took the partition over. */
class PartitionLost extends Error {
  constructor() {
    super('partition taken over by another process');
  }
}
