import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { policyholderRanges } from '../policyholder-source';
import { PostgresPolicyholderSource } from './postgres-policyholder-source';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where a replay on PostgreSQL cuts the policyholders into worker ranges: byte order (COLLATE "C"), as the pages read. */
describe('the PostgreSQL policyholder source', () => {
  const schema = `ij_policyholder_source_${process.pid}_${randomUUID().slice(0, 8)}`;
  // Upper case sorts before lower case in byte order, not in most locales' collations.
  const ids = ['b-2', 'B-1', 'a-3', 'A-4', 'c-5'];
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".rm_policyholders (policyholder_id TEXT PRIMARY KEY, state_json TEXT NOT NULL, last_position BIGINT NOT NULL)`);
    for (const id of ids) await pool.query(`INSERT INTO "${schema}".rm_policyholders VALUES ($1, '{}', 1)`, [id]);
  });
  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.end();
  });

  it('gives the id at each index of the byte order, null past the last', async () => {
    const source = new PostgresPolicyholderSource(pool, schema);
    await expect(source.idsAt([0, 1, 4, 5])).resolves.toEqual(['A-4', 'B-1', 'c-5', null]);
  });

  it('cuts the policyholders into ranges whose pages hold each of them once', async () => {
    const source = new PostgresPolicyholderSource(pool, schema);
    const ranges = await policyholderRanges(source, 2);
    expect(ranges).toEqual([{ afterId: null, throughId: 'B-1' }, { afterId: 'B-1', throughId: null }]);
    // The page order (keep nothing: the states are not parsed) is the order the ranges were cut in.
    const order: string[] = [];
    for (let afterId: string | null = null; ; ) {
      const page = await source.page(afterId, 1, () => false);
      if (page.lastId === null) break;
      order.push(page.lastId);
      afterId = page.lastId;
    }
    expect(order).toEqual(['A-4', 'B-1', 'a-3', 'b-2', 'c-5']);
  });
});
