import type { Database } from 'better-sqlite3';
import type { AcquireLease, WorkLease, WorkLeaseStore } from '../work-lease.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS work_leases (
    name       TEXT    PRIMARY KEY,
    owner      TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;`;

interface LeaseColumns {
  name: string;
  owner: string;
  item: string;
  expires_at: number;
}

/** Work leases in the embedded SQLite file (a new table, created on an existing file too). */
export class SqliteWorkLeases implements WorkLeaseStore {
  constructor(private readonly database: Database) {
    database.exec(SCHEMA);
  }

  async acquire(lease: AcquireLease, now: number): Promise<WorkLease> {
    // An immediate transaction takes SQLite's write lock first: two processes cannot both see the lease free.
    return this.database.transaction(() => {
      this.database
        .prepare(
          `INSERT INTO work_leases (name, owner, item, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, item = excluded.item, expires_at = excluded.expires_at
           WHERE work_leases.expires_at <= ? OR work_leases.owner = excluded.owner`,
        )
        .run(lease.name, lease.owner, lease.item, now + lease.ttlMs, now);
      return leaseOf(this.database.prepare('SELECT * FROM work_leases WHERE name = ?').get(lease.name) as LeaseColumns);
    }).immediate();
  }

  async renew(name: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.database.prepare('UPDATE work_leases SET expires_at = ? WHERE name = ? AND owner = ?').run(now + ttlMs, name, owner).changes === 1;
  }

  async release(name: string, owner: string): Promise<void> {
    this.database.prepare('DELETE FROM work_leases WHERE name = ? AND owner = ?').run(name, owner);
  }

  async holder(name: string, now: number): Promise<WorkLease | undefined> {
    const row = this.database.prepare('SELECT * FROM work_leases WHERE name = ? AND expires_at > ?').get(name, now) as LeaseColumns | undefined;
    return row && leaseOf(row);
  }
}

function leaseOf(row: LeaseColumns): WorkLease {
  return { name: row.name, owner: row.owner, item: row.item, expiresAt: Number(row.expires_at) };
}
