import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { PostgresReplayStore } from './postgres/postgres-replay-store';
import { PostgresWorkLeases } from './postgres/postgres-work-leases';
import type { NewReplay, ReplayStore } from './replay-store.port';
import { SqliteReplayStore } from './sqlite/sqlite-replay-store';
import { SqliteWorkLeases } from './sqlite/sqlite-work-leases';
import type { WorkLeaseStore } from './work-lease.port';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One store of leases and replays as a deployment has it, and a second connection to the same database (another process). */
interface Backend {
  leases: WorkLeaseStore;
  /** The same table through another connection. */
  otherLeases(): Promise<WorkLeaseStore>;
  replays: ReplayStore;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const directory = mkdtempSync(join(tmpdir(), 'ij-leases-'));
  const file = join(directory, 'ledger.sqlite');
  const open = () => {
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    return database;
  };
  const databases = [open()];
  return {
    leases: new SqliteWorkLeases(databases[0]),
    otherLeases: async () => {
      const other = open();
      databases.push(other);
      return new SqliteWorkLeases(other);
    },
    replays: new SqliteReplayStore(databases[0]),
    close: async () => {
      for (const database of databases) database.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const schema = `ij_leases_${process.pid}_${randomBytes(4).toString('hex')}`;
  const pools = [new Pool({ connectionString: DATABASE_URL, max: 8 })];
  return {
    leases: await PostgresWorkLeases.open(pools[0], schema),
    otherLeases: async () => {
      const other = new Pool({ connectionString: DATABASE_URL, max: 8 });
      pools.push(other);
      return PostgresWorkLeases.open(other, schema);
    },
    replays: await PostgresReplayStore.open(pools[0], schema),
    close: async () => {
      await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}

const TTL = 30_000;
const T0 = 1_800_000_000_000;

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('work leases on %s', (_name, open) => {
  let backend: Backend;
  let name: string;
  let serial = 0;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => {
    await backend?.close();
  });
  beforeEach(() => {
    name = `lease-${++serial}`;
  });

  it('gives a free lease to the first owner, and answers it as the holder until it lapses', async () => {
    const taken = await backend.leases.acquire({ name, owner: 'a', item: 'replay-1', ttlMs: TTL }, T0);
    expect(taken).toEqual({ name, owner: 'a', item: 'replay-1', expiresAt: T0 + TTL });
    expect(await backend.leases.holder(name, T0 + TTL - 1)).toEqual(taken);
    expect(await backend.leases.holder(name, T0 + TTL)).toBeUndefined();
    expect(await backend.leases.holder('never-taken', T0)).toBeUndefined();
  });

  it('refuses a live lease to another owner, answering the holder; gives it once it lapsed', async () => {
    await backend.leases.acquire({ name, owner: 'a', item: 'replay-1', ttlMs: TTL }, T0);
    const refused = await backend.leases.acquire({ name, owner: 'b', item: 'replay-2', ttlMs: TTL }, T0 + TTL - 1);
    expect(refused).toEqual({ name, owner: 'a', item: 'replay-1', expiresAt: T0 + TTL });
    const taken = await backend.leases.acquire({ name, owner: 'b', item: 'replay-2', ttlMs: TTL }, T0 + TTL);
    expect(taken).toEqual({ name, owner: 'b', item: 'replay-2', expiresAt: T0 + 2 * TTL });
  });

  it('lets its owner take it again (extended, for another item)', async () => {
    await backend.leases.acquire({ name, owner: 'a', item: 'replay-1', ttlMs: TTL }, T0);
    expect(await backend.leases.acquire({ name, owner: 'a', item: 'replay-3', ttlMs: TTL }, T0 + 10)).toEqual({ name, owner: 'a', item: 'replay-3', expiresAt: T0 + 10 + TTL });
  });

  it('renews only for its owner, and no more once another took it', async () => {
    await backend.leases.acquire({ name, owner: 'a', item: 'replay-1', ttlMs: TTL }, T0);
    expect(await backend.leases.renew(name, 'b', TTL, T0 + 1)).toBe(false);
    expect(await backend.leases.renew(name, 'a', TTL, T0 + 20_000)).toBe(true);
    expect((await backend.leases.holder(name, T0 + TTL + 1))?.expiresAt).toBe(T0 + 20_000 + TTL);
    await backend.leases.acquire({ name, owner: 'b', item: 'replay-2', ttlMs: TTL }, T0 + 20_000 + TTL);
    expect(await backend.leases.renew(name, 'a', TTL, T0 + 20_000 + TTL + 1)).toBe(false);
    expect((await backend.leases.holder(name, T0 + 20_000 + TTL + 1))?.owner).toBe('b');
  });

  it('is let go by its owner only, and is then free at once', async () => {
    await backend.leases.acquire({ name, owner: 'a', item: 'replay-1', ttlMs: TTL }, T0);
    await backend.leases.release(name, 'b');
    expect((await backend.leases.holder(name, T0 + 1))?.owner).toBe('a');
    await backend.leases.release(name, 'a');
    expect(await backend.leases.holder(name, T0 + 1)).toBeUndefined();
    expect(await backend.leases.renew(name, 'a', TTL, T0 + 2)).toBe(false);
    expect((await backend.leases.acquire({ name, owner: 'b', item: 'replay-2', ttlMs: TTL }, T0 + 2)).owner).toBe('b');
  });

  it('keeps leases of different names apart', async () => {
    await backend.leases.acquire({ name, owner: 'a', item: 'run-1', ttlMs: TTL }, T0);
    expect((await backend.leases.acquire({ name: `${name}-other`, owner: 'b', item: 'run-2', ttlMs: TTL }, T0)).owner).toBe('b');
  });

  it('gives a free lease to exactly one of many owners asking at once through separate connections', async () => {
    const stores = [backend.leases, await backend.otherLeases(), await backend.otherLeases()];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_value, index) => stores[index % stores.length].acquire({ name, owner: `owner-${index}`, item: `item-${index}`, ttlMs: TTL }, T0)),
    );
    const winners = answers.filter((answer, index) => answer.owner === `owner-${index}`);
    expect(winners).toHaveLength(1);
    for (const answer of answers) expect(answer).toEqual(winners[0]);
  });

  it('marks failed every running replay but the one named, and answers their ids', async () => {
    const replay = (replayId: string): NewReplay => ({ replayId, rulesVersion: '2026.1', currentRulesVersion: '2026.1', through: '2025-04-10', checkpoint: '0', requestedBy: 'auditor-1', requestedAt: '2025-12-01T12:00:00.000Z' });
    const ids = [`${name}-a`, `${name}-b`, `${name}-c`];
    for (const id of ids) await backend.replays.start(replay(id));
    await backend.replays.finish(ids[2], { processed: 0, total: 0, affected: 0, underpaidCents: 0, overpaidCents: 0, settlements: 0, finishedAt: '2025-12-01T12:00:01.000Z' }, []);
    expect(await backend.replays.failRunning(ids[0], 'its process stopped', '2025-12-01T12:00:02.000Z')).toEqual([ids[1]]);
    expect(await backend.replays.get(ids[0])).toMatchObject({ status: 'running' });
    expect(await backend.replays.get(ids[1])).toMatchObject({ status: 'failed', reason: 'its process stopped', finishedAt: '2025-12-01T12:00:02.000Z' });
    expect(await backend.replays.get(ids[2])).toMatchObject({ status: 'done' });
    expect(await backend.replays.failRunning(undefined, 'its process stopped', '2025-12-01T12:00:03.000Z')).toEqual([ids[0]]);
  });
});

describe('work leases on a database made before them', () => {
  it('SQLite: a file holding replays (and no lease table) gains the table and keeps its replays', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ij-leases-upgrade-'));
    const file = join(directory, 'ledger.sqlite');
    try {
      const before = new Database(file);
      await new SqliteReplayStore(before).start({ replayId: 'old', rulesVersion: '2026.1', currentRulesVersion: '2026.1', through: '2025-04-10', checkpoint: '7', requestedBy: 'a', requestedAt: 'x' });
      expect(before.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'work_leases'").get()).toEqual({ n: 0 });
      before.close();
      const after = new Database(file);
      const leases = new SqliteWorkLeases(after);
      expect((await leases.acquire({ name: 'replay', owner: 'a', item: 'old', ttlMs: TTL }, T0)).owner).toBe('a');
      expect(await new SqliteReplayStore(after).get('old')).toMatchObject({ status: 'running', checkpoint: '7' });
      after.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: a schema holding replays gains the table, and opening it again changes nothing', async () => {
    const schema = `ij_leases_up_${process.pid}_${randomBytes(4).toString('hex')}`;
    const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
    try {
      const replays = await PostgresReplayStore.open(pool, schema);
      await replays.start({ replayId: 'old', rulesVersion: '2026.1', currentRulesVersion: '2026.1', through: '2025-04-10', checkpoint: '7', requestedBy: 'a', requestedAt: 'x' });
      const first = await PostgresWorkLeases.open(pool, schema);
      await first.acquire({ name: 'replay', owner: 'a', item: 'old', ttlMs: TTL }, T0);
      const again = await PostgresWorkLeases.open(pool, schema);
      expect(await again.holder('replay', T0)).toEqual({ name: 'replay', owner: 'a', item: 'old', expiresAt: T0 + TTL });
      expect(await replays.get('old')).toMatchObject({ status: 'running', checkpoint: '7' });
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });
});
