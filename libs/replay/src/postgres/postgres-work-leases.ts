import type { Pool } from 'pg';
import { inPostgresTransaction, quotedSchema } from '@ij/event-store';
import type { AcquireLease, WorkLease, WorkLeaseStore } from '../work-lease.port';

interface LeaseColumns {
  name: string;
  owner: string;
  item: string;
  expires_at: string;
}

/** Work leases in the read models' PostgreSQL schema, shared by every process of the deployment. */
export class PostgresWorkLeases implements WorkLeaseStore {
  private readonly s: string;

  private constructor(private readonly pool: Pool, schema: string) {
    this.s = quotedSchema(schema);
  }

  /** Creates the table if it is missing (an existing schema gains it). */
  static async open(pool: Pool, schema: string): Promise<PostgresWorkLeases> {
    const store = new PostgresWorkLeases(pool, schema);
    await inPostgresTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.work_leases`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${store.s}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${store.s}.work_leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, item TEXT NOT NULL, expires_at BIGINT NOT NULL)`);
    });
    return store;
  }

  async acquire(lease: AcquireLease, now: number): Promise<WorkLease> {
    // One statement: the row lock of ON CONFLICT makes two processes take turns, and the WHERE re-reads the row
    // the other one wrote. When it is refused, the holder is read; if it let go in between, try again.
    for (;;) {
      const { rows } = await this.pool.query<LeaseColumns>(
        `INSERT INTO ${this.s}.work_leases AS lease (name, owner, item, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, item = excluded.item, expires_at = excluded.expires_at
         WHERE lease.expires_at <= $5 OR lease.owner = excluded.owner
         RETURNING *`,
        [lease.name, lease.owner, lease.item, now + lease.ttlMs, now],
      );
      if (rows[0]) return leaseOf(rows[0]);
      const current = await this.pool.query<LeaseColumns>(`SELECT * FROM ${this.s}.work_leases WHERE name = $1`, [lease.name]);
      if (current.rows[0]) return leaseOf(current.rows[0]);
    }
  }

  async renew(name: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(`UPDATE ${this.s}.work_leases SET expires_at = $1 WHERE name = $2 AND owner = $3`, [now + ttlMs, name, owner]);
    return rowCount === 1;
  }

  async release(name: string, owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.s}.work_leases WHERE name = $1 AND owner = $2`, [name, owner]);
  }

  async holder(name: string, now: number): Promise<WorkLease | undefined> {
    const { rows } = await this.pool.query<LeaseColumns>(`SELECT * FROM ${this.s}.work_leases WHERE name = $1 AND expires_at > $2`, [name, now]);
    return rows[0] && leaseOf(rows[0]);
  }
}

function leaseOf(row: LeaseColumns): WorkLease {
  return { name: row.name, owner: row.owner, item: row.item, expiresAt: Number(row.expires_at) };
}
