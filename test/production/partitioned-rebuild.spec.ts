import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresReadModelStore, shadowSuffixOf } from '@ij/projections';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';
import { runCli, startCli } from './cli-process';

/**
 * `projections rebuild --partitions N` in two processes on one PostgreSQL schema: the first is killed
 * right after it claims a partition, the second takes that partition over once its heartbeat is stale,
 * folds the rest and swaps the shadow tables in; the models then equal a single-process rebuild's, row for
 * row, and the checkpoint is the job's head. Until the swap, readers see the old models.
 */
describe('a read-model rebuild partitioned across processes', () => {
  let schema: Awaited<ReturnType<typeof temporarySchema>>;
  let dataDirectory: string;
  let environment: Record<string, string>;
  let pool: Pool;

  beforeAll(async () => {
    schema = await temporarySchema('ij_prod_rebuild');
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-partitioned-rebuild-'));
    environment = {
      LEDGER_EVENT_STORE: 'postgres',
      DATABASE_URL: TEST_DATABASE_URL,
      LEDGER_PG_SCHEMA: schema.schema,
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_POLICYHOLDER_SECRET: 'partitioned-rebuild-secret-0123456789abcdef0123',
      LOG_LEVEL: 'warn',
    };
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    const seeded = await runCli(['seed', '--policyholders', '300', '--json'], environment);
    expect(seeded.code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const q = (sql: string, values: unknown[] = []) => pool.query(sql.replaceAll('$s', `"${schema.schema}"`), values);
  const dump = async () => (await PostgresReadModelStore.open(pool, schema.schema)).dump();
  const tablesLike = async (pattern: string) =>
    (await q(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE $2 ORDER BY tablename`, [schema.schema, pattern])).rows.map((row) => row.tablename);

  it('survives a process killed mid-partition and equals a single-process rebuild', async () => {
    const single = await runCli(['projections', 'rebuild'], environment);
    expect(single.code).toBe(0);
    const expected = await dump();
    const head = BigInt((await q('SELECT MAX(position)::text AS head FROM $s.events')).rows[0].head);
    expect(expected.checkpoint).toBe(head);
    expect(expected.stoppages.length).toBeGreaterThan(0);

    // Damage the live models: the partitioned rebuild must replace them whole, and only at the swap.
    await q('DELETE FROM $s.rm_stoppages');
    await q(`DELETE FROM $s.rm_policyholders WHERE policyholder_id IN (SELECT policyholder_id FROM $s.rm_policyholders ORDER BY policyholder_id LIMIT 50)`);
    await q('UPDATE $s.rm_checkpoints SET position = 1');

    const args = ['projections', 'rebuild', '--partitions', '4', '--page-size', '10', '--stale-after', '1'];
    const first = startCli(args, environment);
    const second = startCli(args, environment);
    const claimed = await first.waitForLine((line) => line.event === 'claimed', 20_000);
    await first.kill('SIGKILL');
    expect(first.lines().some((line) => line.event === 'done' && line.partition === claimed.partition)).toBe(false);
    const jobId = String(claimed.job);
    expect(jobId).toBe(`rebuild-${head}-p4`);

    // Not swapped yet: the killed partition is still running until its heartbeat is stale.
    expect((await q('SELECT COUNT(*)::int AS n FROM $s.rm_stoppages')).rows[0].n).toBe(0);
    expect((await q('SELECT position::text FROM $s.rm_checkpoints')).rows[0].position).toBe('1');
    const suffix = shadowSuffixOf(jobId);
    expect(await tablesLike(`rm_%${suffix}`)).toEqual([`rm_policyholders${suffix}`, `rm_stoppages${suffix}`]);

    expect(await second.exited).toBe(0);
    expect(second.lines()).toContainEqual(expect.objectContaining({ event: 'merged', job: jobId }));
    expect(second.lines()).toContainEqual(
      expect.objectContaining({ event: 'finished', outcome: 'merged', checkpoint: String(head), policyholders: expected.policyholders.length, stoppages: expected.stoppages.length }),
    );
    const partitions = (await q('SELECT partition, status, attempts FROM $s.work_partitions WHERE job_id = $1 ORDER BY partition', [jobId])).rows;
    expect(partitions.map((row) => row.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(partitions.find((row) => row.partition === claimed.partition)!.attempts).toBe(2);

    const rebuilt = await dump();
    expect(rebuilt.checkpoint).toBe(head);
    expect(rebuilt.policyholders).toEqual(expected.policyholders);
    expect(rebuilt.stoppages).toEqual(expected.stoppages);
    // The shadow set took the live names, indexes included (a later migration finds them all).
    expect(await tablesLike('rm_%')).toEqual(['rm_checkpoints', 'rm_policyholders', 'rm_stoppages']);
    const indexes = (await q(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename LIKE 'rm_%' ORDER BY indexname`, [schema.schema])).rows.map((row) => row.indexname);
    expect(indexes).toEqual(['rm_checkpoints_pkey', 'rm_policyholders_pkey', 'rm_stoppages_kind_status', 'rm_stoppages_pkey', 'rm_stoppages_policyholder']);

    // Started again on the same head: the job is already swapped in; nothing changes, nothing is left over.
    const again = await runCli(args, environment);
    expect(again.code).toBe(0);
    expect(again.lines).toContainEqual(expect.objectContaining({ event: 'finished', outcome: 'already-merged', job: jobId }));
    expect(await tablesLike('rm_%')).toEqual(['rm_checkpoints', 'rm_policyholders', 'rm_stoppages']);
    expect(await dump()).toEqual(expected);
  }, 60_000);
});
