import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { inPostgresTransaction, PostgresEventStore } from '@ij/event-store';
import type { PolicyholderEvent } from '@ij/ledger';
import { partitionOf } from '../partition';
import type { PartitionFoldResult } from '../partitioned-rebuild';
import { appendToPolicyholder, TEST_DATABASE_URL } from '../test-support/stores';
import { partitionHashSql } from './postgres-partitioned-rebuild';
import { PostgresReadModelStore } from './postgres-read-model-store';

const opened = (stoppageId: string, policyholderId: string): PolicyholderEvent => ({
  type: 'StoppageOpened',
  schemaVersion: 2,
  data: { stoppageId, policyholderId, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', openedOn: '2025-06-10' },
});
const advance = (stoppageId: string, advanceId: string): PolicyholderEvent => ({
  type: 'AdvanceIssued',
  schemaVersion: 1,
  data: { stoppageId, advanceId, amountCents: 12_000, reason: 'certificate pending', issuedOn: '2025-06-15' },
});

/**
 * The shadow tables of a partitioned rebuild, driven in one process (the coordination across processes is
 * test/production/partitioned-rebuild.spec.ts): folding every partition into them and swapping them in
 * gives the single-process rebuild's rows, from the events table and from the log through the port.
 */
describe('a partitioned rebuild on PostgreSQL', () => {
  const schema = `ij_partitioned_rebuild_${process.pid}_${randomUUID().slice(0, 8)}`;
  let pool: Pool;
  let events: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
    events = await PostgresEventStore.open({ connection: pool, schema });
    // Interleaved streams, so that global order and stream order differ.
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 24; index++) {
        const policyholderId = `policyholder-${index}`;
        const stoppageId = `stoppage-${index}-${round}`;
        await appendToPolicyholder(events, policyholderId, [opened(stoppageId, policyholderId), advance(stoppageId, `advance-${index}-${round}`)]);
      }
    }
  });
  afterAll(async () => {
    await events?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.end();
  });

  it('computes the partition hash in SQL as partitionOf does', async () => {
    const ids = [...Array.from({ length: 200 }, () => randomUUID()), 'policyholder-é', '0', ''];
    const { rows } = await pool.query<{ id: string; partition: string }>(
      `SELECT id, (${partitionHashSql('id')} % 7)::text AS partition FROM unnest($1::text[]) AS id`,
      [ids],
    );
    expect(rows.map((row) => Number(row.partition))).toEqual(ids.map((id) => partitionOf(id, 7)));
  });

  it.each([['the events table', false], ['the log through the port', true]])('rebuilds from %s into the same rows as a single-process rebuild', async (_source, throughPort) => {
    const single = await PostgresReadModelStore.open(pool, schema);
    const expectedResult = await single.rebuild();
    const expected = await single.dump();
    await pool.query(`DELETE FROM "${schema}".rm_stoppages; UPDATE "${schema}".rm_checkpoints SET position = 0`);

    const store = await PostgresReadModelStore.open(pool, schema, throughPort ? { log: events } : {});
    const tables = store.rebuildTables(`job-${throughPort}`);
    await tables.prepare();
    await tables.prepare();
    const head = await events.headPosition();
    const results: PartitionFoldResult[] = [];
    for (let partition = 0; partition < 4; partition++) {
      results.push(await inPostgresTransaction(pool, (client) => tables.foldPartition(client, { partition, partitions: 4, head, pageSize: 7 })));
    }
    // A partition whose transaction does not commit leaves nothing in the shadow tables.
    const shadowRows = async () =>
      (await pool.query(`SELECT (SELECT COUNT(*) FROM "${schema}".rm_policyholders${tables.suffix})::int AS p, (SELECT COUNT(*) FROM "${schema}".rm_stoppages${tables.suffix})::int AS s`)).rows[0];
    const before = await shadowRows();
    await pool.query(`DELETE FROM "${schema}".rm_stoppages${tables.suffix} WHERE stoppage_id LIKE 'stoppage-1-%'`);
    await expect(
      inPostgresTransaction(pool, async (client) => {
        await tables.foldPartition(client, { partition: 0, partitions: 1, head, pageSize: 7 });
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await shadowRows()).toEqual({ p: before.p, s: before.s - 3 });
    await inPostgresTransaction(pool, (client) => tables.foldPartition(client, { partition: partitionOf('policyholder-1', 4), partitions: 4, head, pageSize: 7 }));
    expect(await shadowRows()).toEqual(before);
    expect((await store.dump()).stoppages).toEqual([]);
    await inPostgresTransaction(pool, (client) => tables.swapIn(client, head));

    expect(await store.dump()).toEqual(expected);
    const sum = (pick: (result: PartitionFoldResult) => number) => results.reduce((total, result) => total + pick(result), 0);
    expect({ eventsFolded: sum((r) => r.eventsFolded), policyholders: sum((r) => r.policyholders), stoppages: sum((r) => r.stoppages) }).toEqual({
      eventsFolded: expectedResult.eventsFolded,
      policyholders: expectedResult.policyholders,
      stoppages: expectedResult.stoppages,
    });
    expect(results.every((result) => result.policyholders > 0)).toBe(true);
  });
});
