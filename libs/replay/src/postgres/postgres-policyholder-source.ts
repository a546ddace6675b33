import { Pool } from 'pg';
import type { PolicyholderSource } from '../policyholder-source';
import { stateOfRow } from '../read-model-document';
import { quotedSchema } from '@ij/event-store';

/** The read models' policyholders in the PostgreSQL schema (postgres and esdb deployments). */
export class PostgresPolicyholderSource implements PolicyholderSource {
  private readonly s: string;

  constructor(private readonly pool: Pool, schema: string, private readonly ownsPool = false) {
    this.s = quotedSchema(schema);
  }

  /** A pool of its own (a worker thread). */
  static open(connectionString: string, schema: string): PostgresPolicyholderSource {
    return new PostgresPolicyholderSource(new Pool({ connectionString, max: 2 }), schema, true);
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM ${this.s}.rm_policyholders`);
    return rows[0].count;
  }

  async checkpoint(): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string | null }>(`SELECT MAX(position)::text AS position FROM ${this.s}.rm_checkpoints`);
    return BigInt(rows[0]?.position ?? 0);
  }

  async page(afterId: string | null, limit: number, keep: (policyholderId: string) => boolean) {
    const { rows } = await this.pool.query<{ policyholder_id: string; state_json: string }>(
      `SELECT policyholder_id, state_json FROM ${this.s}.rm_policyholders
        WHERE policyholder_id COLLATE "C" > $1 ORDER BY policyholder_id COLLATE "C" LIMIT $2`,
      [afterId ?? '', limit],
    );
    const records = rows
      .filter((row) => keep(row.policyholder_id))
      .map((row) => ({ policyholderId: row.policyholder_id, state: stateOfRow(row.policyholder_id, row.state_json) }));
    return { records, lastId: rows.at(-1)?.policyholder_id ?? null };
  }

  async idsAt(indexes: number[]): Promise<Array<string | null>> {
    const ids: Array<string | null> = [];
    for (const index of indexes) {
      const { rows } = await this.pool.query<{ policyholder_id: string }>(
        `SELECT policyholder_id FROM ${this.s}.rm_policyholders ORDER BY policyholder_id COLLATE "C" OFFSET $1 LIMIT 1`,
        [index],
      );
      ids.push(rows[0]?.policyholder_id ?? null);
    }
    return ids;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
