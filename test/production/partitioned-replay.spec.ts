import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';
import { runCli, startCli } from './cli-process';

/**
 * `replay --partitions N` in two processes on one PostgreSQL schema: the first is killed while it holds a
 * partition, the second takes that partition over once its heartbeat is stale, finishes the job and merges
 * it; the merged result equals a replay run by a single process.
 */
describe('a replay partitioned across processes', () => {
  let schema: Awaited<ReturnType<typeof temporarySchema>>;
  let dataDirectory: string;
  let environment: Record<string, string>;
  let pool: Pool;
  const replayArgs = ['replay', '--rules', '2026.2', '--through', '2026-06-30'];

  beforeAll(async () => {
    schema = await temporarySchema('ij_prod_replay');
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-partitioned-'));
    environment = {
      LEDGER_EVENT_STORE: 'postgres',
      DATABASE_URL: TEST_DATABASE_URL,
      LEDGER_PG_SCHEMA: schema.schema,
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_POLICYHOLDER_SECRET: 'partitioned-replay-secret-0123456789abcdef0123',
      LOG_LEVEL: 'warn',
    };
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    const seeded = await runCli(['seed', '--policyholders', '500', '--json'], environment);
    expect(seeded.code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const rowsOf = async (replayId: string) =>
    (await pool.query(
      `SELECT policyholder_id, stoppage_id, kind, current_cents, replayed_cents, paid_cents, delta_cents, settlement_cents, entitlement_status
         FROM "${schema.schema}".replay_rows WHERE replay_id = $1 ORDER BY seq`,
      [replayId],
    )).rows;
  const figuresOf = async (replayId: string) =>
    (await pool.query(`SELECT status, processed, affected, underpaid_cents, overpaid_cents, settlements FROM "${schema.schema}".replays WHERE replay_id = $1`, [replayId])).rows[0];

  it('survives a process killed mid-partition and equals a single-process replay', async () => {
    const single = await runCli([...replayArgs, '--workers', '0'], environment);
    expect(single.code).toBe(0);
    const singleId = /replay ([0-9a-f-]{36})/u.exec(single.output)![1];

    const args = [...replayArgs, '--partitions', '6', '--page-size', '5', '--stale-after', '1'];
    const first = startCli(args, environment);
    const claimed = await first.waitForLine((line) => line.event === 'claimed', 20_000);
    await first.kill('SIGKILL');
    expect(first.lines().some((line) => line.event === 'done' && line.partition === claimed.partition)).toBe(false);

    const second = await runCli(args, environment);
    expect(second.code).toBe(0);
    const jobId = String(claimed.job);
    expect(second.lines).toContainEqual(expect.objectContaining({ event: 'merged', job: jobId }));
    const partitions = (await pool.query(`SELECT partition, status, attempts FROM "${schema.schema}".work_partitions WHERE job_id = $1 ORDER BY partition`, [jobId])).rows;
    expect(partitions.every((row) => row.status === 'done')).toBe(true);
    expect(partitions.find((row) => row.partition === claimed.partition)!.attempts).toBe(2);

    expect(await rowsOf(jobId)).toEqual(await rowsOf(singleId));
    expect(await figuresOf(jobId)).toEqual(await figuresOf(singleId));
    expect((await rowsOf(jobId)).length).toBeGreaterThan(0);
  }, 60_000);
});
